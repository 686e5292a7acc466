import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Link } from "@fluentui/react/lib/Link";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Spinner, SpinnerSize } from "@fluentui/react/lib/Spinner";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import { ThemeProvider } from "@fluentui/react/lib/Theme";
import { FocusRects } from "@fluentui/react/lib/Utilities";
import type { CellMark, ScoreResult, WorkbookGrid } from "../../engine";
import type { ScoredOpenWorkbook } from "../../workbook/scoreOpenWorkbook";
import { PaneErrorBoundary } from "../components/PaneErrorBoundary";
import { ScoringChoices } from "../components/ScoringChoices";
import { TaskPane } from "../components/TaskPane";
import { useScoringChoices } from "../components/useScoringChoices";
import { describeError } from "../describeError";
import { registerPaneIcons } from "../icons";
import type { SettingsStore } from "../settings/settingsStore";
import { stringsFor, type TaskpaneStrings } from "../strings";
import { BrowserSettingsStore, browserStorage, fileSettings } from "./browserSettings";
import {
  lazyBrowserTools,
  PartNotLoadedError,
  type BrowserTools,
  type FileWorkbookPort,
} from "./browserTools";
import { BatchSummaryView } from "./BatchSummaryView";
import { batchStrings } from "./batchStrings";
import { baseNameOf, DOCX_TYPE, isXlsxName, XLSX_TYPE } from "./fileNames";
import { filesFromDrop, filesFromList, type PickedFile } from "./pickedFiles";
import { PreviewedWorkbookPort } from "./previewedPort";
import {
  runBrowserBatch,
  type BrowserBatchProgress,
  type BrowserBatchResult,
} from "./runBrowserBatch";
import { WorkbookPreview, type PreviewSelection } from "./WorkbookPreview";

const ZIP_TYPE = "application/zip";

/** The bundled example, relative to taskpane.html (the build copies assets/ into dist/). */
export const EXAMPLE_WORKBOOK_URL = "assets/examples/department-education-2024.xlsx";

export interface BrowserModeAppProps {
  /** ExcelJS, docx and the file plumbing, behind lazy chunks; tests give their own. */
  readonly tools?: BrowserTools;
  /** Where the choices are kept; this browser's localStorage (browserSettings.ts) when absent. */
  readonly settings?: SettingsStore;
}

interface AppMessage {
  readonly type: MessageBarType;
  readonly text: string;
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
  fileBar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    selectors: { "> *": { margin: "4px 16px 4px 0" } },
  },
  fileInput: {
    // Visually hidden but present: the button opens it, and automation can set files on it.
    position: "absolute",
    width: 1,
    height: 1,
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    opacity: 0,
  },
  fileName: { fontWeight: 600, wordBreak: "break-all" },
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
  downloads: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    selectors: { "> *": { margin: "0 8px 8px 0" } },
  },
  note: { fontSize: 12, margin: "4px 0 0" },
});

function hasFiles(event: React.DragEvent): boolean {
  const types = event.dataTransfer && event.dataTransfer.types;
  if (!types) return false;
  // A DOMStringList in Internet Explorer, an array elsewhere.
  const list = types as unknown as { contains?: (type: string) => boolean };
  return typeof list.contains === "function"
    ? list.contains("Files")
    : Array.prototype.indexOf.call(types, "Files") >= 0;
}

interface DownloadActionsProps {
  readonly strings: TaskpaneStrings;
  /** The Word file is being made (its chunk loaded, the document packed). */
  readonly preparing: boolean;
  readonly onDownloadScored: () => void;
  readonly onDownloadNarrative: () => void;
}

/** Browser mode's counterpart of the pane's links to the written sheets: the files to keep. */
function DownloadActions(props: DownloadActionsProps) {
  const { strings, preparing } = props;
  return (
    <div>
      <div className={classes.downloads}>
        <PrimaryButton text={strings.downloadScoredButton} onClick={props.onDownloadScored} />
        <DefaultButton
          text={strings.downloadNarrativeButton}
          disabled={preparing}
          onClick={props.onDownloadNarrative}
        />
        {preparing && <Spinner size={SpinnerSize.small} label={strings.preparingDownload} />}
      </div>
      <p className={classes.note}>{strings.browserScoredNote}</p>
    </div>
  );
}

/** Why a file could not be opened, in the user's words. */
function openFailure(error: unknown, strings: TaskpaneStrings): string {
  if (error instanceof PartNotLoadedError) {
    console.error("绩效自评助手:", error);
    return strings.partNotLoaded;
  }
  return describeError(error, strings);
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
  const language = "zh-CN";
  const strings = stringsFor(language);
  const [settings] = React.useState<SettingsStore>(
    () => givenSettings || new BrowserSettingsStore(browserStorage())
  );
  const [workbook, setWorkbook] = React.useState<OpenWorkbook | null>(null);
  const [opening, setOpening] = React.useState(false);
  const [messages, setMessages] = React.useState<readonly AppMessage[]>([]);
  const [marks, setMarks] = React.useState<readonly CellMark[]>([]);
  const [selection, setSelection] = React.useState<PreviewSelection | null>(null);
  const [dragging, setDragging] = React.useState(false);
  const [preparing, setPreparing] = React.useState(false);
  const [batch, setBatch] = React.useState<OpenBatch | null>(null);
  const fileInput = React.useRef<HTMLInputElement>(null);
  const folderInput = React.useRef<HTMLInputElement>(null);
  // The latest open request wins: a file picked while another is still opening replaces it.
  const openSerial = React.useRef(0);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  React.useEffect(() => {
    // React 17 has no prop for it: a folder picker is a file input with webkitdirectory.
    const input = folderInput.current;
    if (input) {
      input.setAttribute("webkitdirectory", "");
      input.setAttribute("directory", "");
    }
  }, []);

  React.useEffect(() => {
    if (!workbook) return undefined;
    return workbook.file.onSelect((sheet, cell) =>
      setSelection((previous) => ({ sheet, cell, serial: (previous ? previous.serial : 0) + 1 }))
    );
  }, [workbook]);

  const fail = (text: string) => {
    if (mounted.current) setMessages([{ type: MessageBarType.error, text }]);
  };

  // The form kind and rule set, chosen above the pane: for the file opened and for several.
  const choices = useScoringChoices(settings, () => {
    if (mounted.current)
      setMessages([{ type: MessageBarType.warning, text: strings.settingsNotSaved }]);
  });

  /** 导入规则集…: a bureau's own file, checked, added to the drop-down and chosen. */
  const importRuleSet = (file: File) => {
    setMessages([]);
    tools.loadRuleSet(file, file.name).then(
      (ruleSet) => {
        if (!mounted.current) return;
        choices.addImported(ruleSet);
        setMessages([
          { type: MessageBarType.success, text: strings.ruleSetImported(ruleSet.name) },
        ]);
      },
      (error: unknown) => {
        if ((error as { name?: string } | null)?.name === "InvalidRuleSetError") {
          fail(strings.ruleSetRefused(file.name, (error as Error).message));
          return;
        }
        console.error("绩效自评助手:", error);
        fail(
          error instanceof PartNotLoadedError
            ? strings.partNotLoaded
            : strings.fileNotRead(file.name)
        );
      }
    );
  };

  const openBytes = async (bytes: Uint8Array, fileName: string) => {
    const serial = ++openSerial.current;
    const current = () => mounted.current && serial === openSerial.current;
    setOpening(true);
    setMessages([]);
    setBatch(null);
    try {
      const file = await tools.openWorkbook(bytes, fileName);
      const port = new PreviewedWorkbookPort(file, (plan) => {
        if (mounted.current) setMarks(plan.marks);
      });
      const grid = await port.read();
      if (!current()) return;
      setWorkbook({ serial, file, port, grid, settings: fileSettings(settings, fileName) });
      setMarks([]);
      setSelection(null);
    } catch (error) {
      if (current()) fail(openFailure(error, strings));
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
    tools.readFile(file).then(
      (bytes) => openBytes(bytes, file.name),
      (error: unknown) => {
        console.error("绩效自评助手:", error);
        fail(
          error instanceof PartNotLoadedError
            ? strings.partNotLoaded
            : strings.fileNotRead(file.name)
        );
      }
    );
  };

  /** Scores several files in the page and shows the 汇总; a later open request stops it. */
  const startBatch = async (files: readonly PickedFile[]) => {
    const serial = ++openSerial.current;
    const current = () => mounted.current && serial === openSerial.current;
    setMessages([]);
    setOpening(false);
    setWorkbook(null);
    if (files.length === 0) {
      setBatch(null);
      fail(batchStrings.noFiles);
      return;
    }
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
      fail(openFailure(error, strings));
    }
  };

  /** One file opens as before; several (or a folder) are scored together. */
  const openPicked = (files: readonly PickedFile[], folder: boolean) => {
    if (!folder && files.length === 1) openFile(files[0].file);
    else startBatch(files);
  };

  const openExample = () => {
    const fileName = EXAMPLE_WORKBOOK_URL.replace(/^.*\//, "");
    tools.fetchFile(EXAMPLE_WORKBOOK_URL).then(
      (bytes) => openBytes(bytes, fileName),
      (error: unknown) => {
        console.error("绩效自评助手:", error);
        fail(
          error instanceof PartNotLoadedError ? strings.partNotLoaded : strings.exampleNotLoaded
        );
      }
    );
  };

  const onFileChosen = (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = filesFromList(input.files);
    if (files.length > 0) openPicked(files, false);
    // Choosing the same file again must fire change again.
    input.value = "";
  };

  const onFolderChosen = (event: React.ChangeEvent<HTMLInputElement>) => {
    const input = event.currentTarget;
    const files = filesFromList(input.files);
    input.value = "";
    openPicked(files, true);
  };

  const onDragOver = (event: React.DragEvent) => {
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    if (!dragging) setDragging(true);
  };
  const onDragLeave = (event: React.DragEvent) => {
    const to = event.relatedTarget as Node | null;
    if (!to || !event.currentTarget.contains(to)) setDragging(false);
  };
  const onDrop = (event: React.DragEvent) => {
    // Without this the browser would open the dropped file in place of the page.
    event.preventDefault();
    setDragging(false);
    const transfer = event.dataTransfer;
    if (!transfer) return;
    const items = transfer.items as unknown as
      ArrayLike<{ webkitGetAsEntry?: () => { isDirectory: boolean } | null }> | undefined;
    const first =
      items && items.length === 1 && typeof items[0].webkitGetAsEntry === "function"
        ? items[0].webkitGetAsEntry()
        : null;
    const folder = first !== null && first.isDirectory;
    if (!folder && transfer.files && transfer.files.length === 1) {
      openFile(transfer.files[0]);
      return;
    }
    // The drop's entries are taken at once, before the event ends; the files are read after.
    filesFromDrop(transfer).then(
      (files) => openPicked(files, true),
      (error: unknown) => {
        console.error("绩效自评助手:", error);
        fail(strings.genericError);
      }
    );
  };

  const downloadBatch = async (kind: "summary" | "copies" | "report") => {
    const result = batch && batch.result;
    if (!result) return;
    setPreparing(true);
    setMessages([]);
    try {
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
    } catch (error) {
      console.error("绩效自评助手:", error);
      fail(error instanceof PartNotLoadedError ? strings.partNotLoaded : strings.downloadFailed);
    } finally {
      if (mounted.current) setPreparing(false);
    }
  };

  const downloadScored = (file: FileWorkbookPort) => {
    const bytes = file.scoredCopy();
    if (!bytes) {
      fail(strings.downloadFailed);
      return;
    }
    tools
      .save(bytes, strings.scoredFileName(baseNameOf(file.fileName)), XLSX_TYPE)
      .catch((error: unknown) => {
        console.error("绩效自评助手:", error);
        fail(error instanceof PartNotLoadedError ? strings.partNotLoaded : strings.downloadFailed);
      });
  };

  const downloadNarrative = async (file: FileWorkbookPort, result: ScoreResult) => {
    setPreparing(true);
    setMessages([]);
    try {
      const bytes = await tools.narrativeDocx(result);
      await tools.save(bytes, strings.narrativeFileName(baseNameOf(file.fileName)), DOCX_TYPE);
    } catch (error) {
      console.error("绩效自评助手:", error);
      fail(error instanceof PartNotLoadedError ? strings.partNotLoaded : strings.downloadFailed);
    } finally {
      if (mounted.current) setPreparing(false);
    }
  };

  const OpenButton = workbook || batch ? DefaultButton : PrimaryButton;
  return (
    <ThemeProvider style={{ minHeight: "100vh" }}>
      <FocusRects />
      <PaneErrorBoundary message={strings.genericError}>
        <div
          className={classes.page}
          lang={language}
          onDragEnter={onDragOver}
          onDragOver={onDragOver}
          onDragLeave={onDragLeave}
          onDrop={onDrop}
          data-dragging={dragging ? "true" : undefined}
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
            <div className={classes.fileBar}>
              <OpenButton
                text={strings.openWorkbookButton}
                disabled={opening}
                onClick={() => fileInput.current && fileInput.current.click()}
              />
              <input
                ref={fileInput}
                className={classes.fileInput}
                type="file"
                accept=".xlsx"
                multiple
                // The button above is this input's face for people and screen readers; one
                // control named 打开本地工作簿, not two. Automation sets files on the input itself.
                aria-hidden="true"
                tabIndex={-1}
                onChange={onFileChosen}
                data-testid="file-input"
              />
              <DefaultButton
                text={batchStrings.openFolderButton}
                disabled={opening}
                onClick={() => folderInput.current && folderInput.current.click()}
              />
              <input
                ref={folderInput}
                className={classes.fileInput}
                type="file"
                aria-hidden="true"
                tabIndex={-1}
                onChange={onFolderChosen}
                data-testid="folder-input"
              />
              {/* Fluent's Link sets its own margin; the wrapper keeps the bar's spacing. */}
              <span>
                <Link onClick={openExample} disabled={opening}>
                  {strings.tryExampleLink}
                </Link>
              </span>
              {workbook && (
                <span className={classes.fileName}>
                  {strings.openedFile(workbook.file.fileName)}
                </span>
              )}
            </div>
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
            {messages.map((message, index) => (
              <MessageBar
                key={index}
                className={classes.message}
                messageBarType={message.type}
                delayedRender={false}
              >
                {message.text}
              </MessageBar>
            ))}
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
                      preparing={preparing}
                      onDownloadScored={() => downloadScored(workbook.file)}
                      onDownloadNarrative={() => downloadNarrative(workbook.file, scored.result)}
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
              summary={batch.result ? batch.result.summary : null}
              preparing={preparing}
              hasCopies={batch.result !== null && batch.result.copies.length > 0}
              onDownloadSummary={() => downloadBatch("summary")}
              onDownloadCopies={() => downloadBatch("copies")}
              onDownloadReport={() => downloadBatch("report")}
            />
          )}
          {dragging && (
            <div className={classes.dropOverlay} aria-hidden="true">
              {strings.dropActive}
            </div>
          )}
        </div>
      </PaneErrorBoundary>
    </ThemeProvider>
  );
}
