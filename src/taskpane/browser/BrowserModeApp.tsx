import * as React from "react";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Spinner, SpinnerSize } from "@fluentui/react/lib/Spinner";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import { ThemeProvider } from "@fluentui/react/lib/Theme";
import { FocusRects } from "@fluentui/react/lib/Utilities";
import type { CellMark, WorkbookGrid } from "../../engine";
import type { ScoredOpenWorkbook } from "../../workbook/scoreOpenWorkbook";
import { MessageList, usePaneMessages } from "../components/MessageList";
import { PaneErrorBoundary } from "../components/PaneErrorBoundary";
import { ScoringChoices } from "../components/ScoringChoices";
import { TaskPane } from "../components/TaskPane";
import { useMounted } from "../components/useMounted";
import { useScoringChoices } from "../components/useScoringChoices";
import { describeError } from "../describeError";
import { registerPaneIcons } from "../icons";
import type { SettingsStore } from "../settings/settingsStore";
import { stringsFor, type TaskpaneLanguage } from "../strings";
import { BrowserSettingsStore, browserStorage, fileSettings } from "./browserSettings";
import {
  lazyBrowserTools,
  PartNotLoadedError,
  type BrowserTools,
  type FileWorkbookPort,
} from "./browserTools";
import { BatchSummaryView } from "./BatchSummaryView";
import { batchStrings } from "./batchStrings";
import { DownloadActions } from "./DownloadActions";
import { FileBar } from "./FileBar";
import { isXlsxName } from "./fileNames";
import type { PickedFile } from "./pickedFiles";
import { PreviewedWorkbookPort } from "./previewedPort";
import {
  runBrowserBatch,
  type BrowserBatchProgress,
  type BrowserBatchResult,
} from "./runBrowserBatch";
import { useDownloads } from "./useDownloads";
import { useFileDrop } from "./useFileDrop";
import { WorkbookPreview, type PreviewSelection } from "./WorkbookPreview";

/** The bundled example, relative to taskpane.html (the build copies assets/ into dist/). */
export const EXAMPLE_WORKBOOK_URL = "assets/examples/department-education-2024.xlsx";

export interface BrowserModeAppProps {
  /** ExcelJS, docx and the file plumbing, behind lazy chunks; tests give their own. */
  readonly tools?: BrowserTools;
  /** Where the choices are kept; this browser's localStorage (browserSettings.ts) when absent. */
  readonly settings?: SettingsStore;
}

/** Several workbooks picked or dropped at once: scored one by one, then summarised. */
interface OpenBatch {
  readonly serial: number;
  readonly progress: BrowserBatchProgress | null;
  readonly result: BrowserBatchResult | null;
}

interface OpenWorkbook {
  /** Tells one opened file from the next, so that the pane and preview start afresh. */
  readonly serial: number;
  readonly file: FileWorkbookPort;
  readonly port: PreviewedWorkbookPort;
  readonly grid: WorkbookGrid;
  /** The settings as this file sees them: its own column map, kept under its name. */
  readonly settings: SettingsStore;
}

const classes = mergeStyleSets({
  page: { position: "relative", minHeight: "100vh", boxSizing: "border-box", padding: "12px 16px" },
  title: { fontSize: 20, fontWeight: 600, margin: "0 0 8px" },
  intro: { maxWidth: 960, marginBottom: 8 },
  dropZone: {
    maxWidth: 640,
    margin: "12px 0",
    padding: "32px 16px",
    border: "2px dashed #c8c6c4",
    borderRadius: 4,
    textAlign: "center",
    color: "#605e5c",
  },
  dropOverlay: {
    position: "fixed",
    top: 0,
    right: 0,
    bottom: 0,
    left: 0,
    zIndex: 10,
    display: "flex",
    alignItems: "center",
    justifyContent: "center",
    fontSize: 20,
    background: "rgba(0, 120, 212, 0.08)",
    border: "3px dashed #0078d4",
    pointerEvents: "none",
  },
  message: { maxWidth: 960, marginTop: 8 },
  choices: { maxWidth: 960, marginTop: 8 },
  workspace: { display: "flex", flexWrap: "wrap", alignItems: "flex-start" },
  paneColumn: { flex: "0 1 420px", minWidth: 300, maxWidth: "100%" },
  previewColumn: { flex: "1 1 480px", minWidth: 0, maxWidth: "100%", paddingTop: 12 },
});

/** Why a file could not be opened, in the user's words. */
function openFailure(error: unknown, language: TaskpaneLanguage): string {
  if (error instanceof PartNotLoadedError) {
    console.error("绩效自评助手:", error);
    return stringsFor(language).partNotLoaded;
  }
  return describeError(error, language);
}

/**
 * The pane outside Office: the user opens a local .xlsx file (button, drag and drop, or the
 * bundled example), the same TaskPane scores it through XlsxFilePort, a preview shows its sheets,
 * and the scored copy and the 自评表说明 come out as downloads. Nothing leaves the browser.
 */
export function BrowserModeApp({
  tools = lazyBrowserTools,
  settings: givenSettings,
}: BrowserModeAppProps) {
  registerPaneIcons();
  // Outside Office there is no display language to follow: the users are Chinese finance staff.
  const language: TaskpaneLanguage = "zh-CN";
  const strings = stringsFor(language);
  const [settings] = React.useState<SettingsStore>(
    () => givenSettings || new BrowserSettingsStore(browserStorage())
  );
  const isMounted = useMounted();
  const messages = usePaneMessages();
  const fail = (text: string) => messages.say(MessageBarType.error, text);
  const [workbook, setWorkbook] = React.useState<OpenWorkbook | null>(null);
  const [opening, setOpening] = React.useState(false);
  const [marks, setMarks] = React.useState<readonly CellMark[]>([]);
  const [selection, setSelection] = React.useState<PreviewSelection | null>(null);
  const [batch, setBatch] = React.useState<OpenBatch | null>(null);
  // The latest open request wins: a file picked while another is still opening replaces it.
  const openSerial = React.useRef(0);
  const downloads = useDownloads({ tools, strings, onStart: messages.clear, onFailure: fail });

  React.useEffect(() => {
    if (!workbook) return undefined;
    return workbook.file.onSelect((sheet, cell) =>
      setSelection((previous) => ({ sheet, cell, serial: (previous ? previous.serial : 0) + 1 }))
    );
  }, [workbook]);

  // The form kind and rule set, chosen above the pane: for the file opened and for several.
  const choices = useScoringChoices(settings, () =>
    messages.say(MessageBarType.warning, strings.settingsNotSaved)
  );

  /** A file the page could not read or fetch: the chunk that failed, or the file named. */
  const notRead = (error: unknown, text: string) => {
    console.error("绩效自评助手:", error);
    fail(error instanceof PartNotLoadedError ? strings.partNotLoaded : text);
  };

  /** 导入规则集…: a bureau's own file, checked, added to the drop-down and chosen. */
  const importRuleSet = (file: File) => {
    messages.clear();
    tools.loadRuleSet(file, file.name).then(
      (ruleSet) => {
        if (!isMounted()) return;
        choices.addImported(ruleSet);
        messages.say(MessageBarType.success, strings.ruleSetImported(ruleSet.name));
      },
      (error: unknown) => {
        if ((error as { name?: string } | null)?.name === "InvalidRuleSetError") {
          fail(strings.ruleSetRefused(file.name, (error as Error).message));
          return;
        }
        notRead(error, strings.fileNotRead(file.name));
      }
    );
  };

  /** A new open request: the latest one wins, counted from when it is made, not when its bytes come. */
  const nextOpen = () => {
    const serial = ++openSerial.current;
    return { serial, current: () => isMounted() && serial === openSerial.current };
  };

  const openBytes = async (
    request: ReturnType<typeof nextOpen>,
    bytes: Uint8Array,
    fileName: string
  ) => {
    const { serial, current } = request;
    if (!current()) return;
    setOpening(true);
    messages.clear();
    setBatch(null);
    try {
      const file = await tools.openWorkbook(bytes, fileName);
      const port = new PreviewedWorkbookPort(file, (plan) => {
        // Only while this file is the one shown: an earlier file's run may still be writing.
        if (current()) setMarks(plan.marks);
      });
      const grid = await port.read();
      if (!current()) return;
      setWorkbook({ serial, file, port, grid, settings: fileSettings(settings, fileName) });
      setMarks([]);
      setSelection(null);
    } catch (error) {
      if (current()) fail(openFailure(error, language));
    } finally {
      if (current()) setOpening(false);
    }
  };

  const openFile = (file: File | null | undefined) => {
    if (!file) return;
    if (!isXlsxName(file.name)) {
      fail(strings.notXlsx(file.name));
      return;
    }
    const request = nextOpen();
    tools.readFile(file).then(
      (bytes) => openBytes(request, bytes, file.name),
      (error: unknown) => {
        if (request.current()) notRead(error, strings.fileNotRead(file.name));
      }
    );
  };

  /** Scores several files in the page and shows the 汇总; a later open request stops it. */
  const startBatch = async (files: readonly PickedFile[]) => {
    // An empty folder says so and leaves the open workbook and its result as they are.
    if (files.length === 0) {
      fail(batchStrings.noFiles);
      return;
    }
    const { serial, current } = nextOpen();
    messages.clear();
    setOpening(false);
    setWorkbook(null);
    setBatch({ serial, progress: null, result: null });
    try {
      const result = await runBrowserBatch(
        files,
        tools,
        {
          progress: (progress) => {
            if (current()) setBatch({ serial, progress, result: null });
          },
          cancelled: () => !current(),
        },
        { profile: choices.profile, ruleSet: choices.ruleSet }
      );
      if (result && current()) setBatch({ serial, progress: null, result });
    } catch (error) {
      if (!current()) return;
      setBatch(null);
      fail(openFailure(error, language));
    }
  };

  /** One file opens as before; several (or a folder) are scored together. */
  const openPicked = (files: readonly PickedFile[], folder: boolean) => {
    if (!folder && files.length === 1) openFile(files[0].file);
    else startBatch(files);
  };

  const openExample = () => {
    const fileName = EXAMPLE_WORKBOOK_URL.replace(/^.*\//, "");
    const request = nextOpen();
    tools.fetchFile(EXAMPLE_WORKBOOK_URL).then(
      (bytes) => openBytes(request, bytes, fileName),
      (error: unknown) => {
        if (request.current()) notRead(error, strings.exampleNotLoaded);
      }
    );
  };

  const drop = useFileDrop({
    onFile: openFile,
    onFiles: (files) => openPicked(files, true),
    onError: (error) => {
      console.error("绩效自评助手:", error);
      fail(strings.genericError);
    },
  });

  const batchResult = batch && batch.result;
  return (
    <ThemeProvider style={{ minHeight: "100vh" }}>
      <FocusRects />
      <PaneErrorBoundary message={strings.genericError}>
        <div
          className={classes.page}
          lang={language}
          {...drop.handlers}
          data-dragging={drop.dragging ? "true" : undefined}
          data-testid="browser-mode"
        >
          <header>
            <h1 className={classes.title}>{strings.browserModeTitle}</h1>
            <MessageBar
              className={classes.intro}
              messageBarType={MessageBarType.info}
              delayedRender={false}
            >
              {strings.browserModeBody}
            </MessageBar>
            <FileBar
              strings={strings}
              opening={opening}
              primary={!workbook && !batch}
              fileName={workbook ? workbook.file.fileName : null}
              onPicked={openPicked}
              onExample={openExample}
            />
            <div className={classes.choices}>
              <ScoringChoices
                choices={choices}
                strings={strings}
                disabled={opening || (batch !== null && batch.result === null)}
                onImportRuleSet={importRuleSet}
              />
            </div>
            {!workbook && !batch && !opening && (
              <p className={classes.dropZone}>
                {strings.dropHint}
                <br />
                {batchStrings.batchHint}
              </p>
            )}
            {opening && <Spinner size={SpinnerSize.medium} label={strings.openingWorkbook} />}
            <MessageList
              messages={messages.messages}
              className={classes.message}
              delayedRender={false}
            />
          </header>
          {workbook && (
            <div className={classes.workspace}>
              <div className={classes.paneColumn}>
                <TaskPane
                  key={workbook.serial}
                  port={workbook.port}
                  settings={workbook.settings}
                  language={language}
                  mode="browser"
                  fileName={workbook.file.fileName}
                  scoringChoice={{ profile: choices.profile, ruleSet: choices.ruleSet }}
                  resultActions={(scored: ScoredOpenWorkbook) => (
                    <DownloadActions
                      strings={strings}
                      preparing={downloads.preparing}
                      onDownloadScored={() => downloads.scored(workbook.file)}
                      onDownloadNarrative={() => downloads.narrative(workbook.file, scored.result)}
                    />
                  )}
                />
              </div>
              <div className={classes.previewColumn}>
                <WorkbookPreview
                  key={workbook.serial}
                  grid={workbook.grid}
                  marks={marks}
                  selection={selection}
                  strings={strings}
                />
              </div>
            </div>
          )}
          {batch && (
            <BatchSummaryView
              strings={batchStrings}
              progress={batch.progress}
              summary={batchResult ? batchResult.summary : null}
              preparing={downloads.preparing}
              hasCopies={batchResult !== null && batchResult.copies.length > 0}
              onDownloadSummary={() => batchResult && downloads.batch("summary", batchResult)}
              onDownloadCopies={() => batchResult && downloads.batch("copies", batchResult)}
              onDownloadReport={() => batchResult && downloads.batch("report", batchResult)}
            />
          )}
          {drop.dragging && (
            <div className={classes.dropOverlay} aria-hidden="true">
              {strings.dropActive}
            </div>
          )}
        </div>
      </PaneErrorBoundary>
    </ThemeProvider>
  );
}
