import * as React from "react";
import type { ScoreResult } from "../../engine";
import type { TaskpaneStrings } from "../strings";
import { useMounted } from "../components/useMounted";
import { batchStrings } from "./batchStrings";
import { PartNotLoadedError, type BrowserTools, type FileWorkbookPort } from "./browserTools";
import { baseNameOf, DOCX_TYPE, XLSX_TYPE } from "./fileNames";
import type { BrowserBatchResult } from "./runBrowserBatch";

const ZIP_TYPE = "application/zip";

/** What a batch offers to download. */
export type BatchDownload = "summary" | "copies" | "report";

export interface DownloadsOptions {
  readonly tools: BrowserTools;
  readonly strings: TaskpaneStrings;
  /** A download starts: what was said before goes. */
  readonly onStart: () => void;
  /** A download failed: the sentence to show (the details are in the console). */
  readonly onFailure: (text: string) => void;
}

export interface Downloads {
  /** A file is being made (a chunk loaded, a document packed): its button waits. */
  readonly preparing: boolean;
  scored(file: FileWorkbookPort): void;
  narrative(file: FileWorkbookPort, result: ScoreResult): void;
  batch(kind: BatchDownload, result: BrowserBatchResult): void;
}

/** Browser mode's downloads: the scored copy, the 自评表说明, and a batch's files. */
export function useDownloads({ tools, strings, onStart, onFailure }: DownloadsOptions): Downloads {
  const isMounted = useMounted();
  const [preparing, setPreparing] = React.useState(false);

  const failed = (error: unknown) => {
    console.error("绩效自评助手:", error);
    if (!isMounted()) return;
    onFailure(error instanceof PartNotLoadedError ? strings.partNotLoaded : strings.downloadFailed);
  };

  /** Makes and saves a file, the pane waiting meanwhile. */
  const prepared = async (make: () => Promise<void>) => {
    setPreparing(true);
    onStart();
    try {
      await make();
    } catch (error) {
      failed(error);
    } finally {
      if (isMounted()) setPreparing(false);
    }
  };

  return {
    preparing,
    scored: (file) => {
      const bytes = file.scoredCopy();
      if (!bytes) {
        onFailure(strings.downloadFailed);
        return;
      }
      tools.save(bytes, strings.scoredFileName(baseNameOf(file.fileName)), XLSX_TYPE).catch(failed);
    },
    narrative: (file, result) =>
      void prepared(async () => {
        const bytes = await tools.narrativeDocx(result);
        await tools.save(bytes, strings.narrativeFileName(baseNameOf(file.fileName)), DOCX_TYPE);
      }),
    batch: (kind, result) =>
      void prepared(async () => {
        if (kind === "summary")
          await tools.save(
            await tools.summaryWorkbook(result.summary),
            batchStrings.summaryFileName,
            XLSX_TYPE
          );
        else if (kind === "copies")
          await tools.save(await tools.zip(result.copies), batchStrings.copiesFileName, ZIP_TYPE);
        else
          await tools.save(
            await tools.batchReportDocx(result.summary),
            batchStrings.reportFileName,
            DOCX_TYPE
          );
      }),
  };
}
