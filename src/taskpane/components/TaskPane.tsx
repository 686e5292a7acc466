import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { Link } from "@fluentui/react/lib/Link";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Spinner, SpinnerSize } from "@fluentui/react/lib/Spinner";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import type { WorkbookPort } from "../../workbook/port";
import { scoreOpenWorkbook, type ScoredOpenWorkbook } from "../../workbook/scoreOpenWorkbook";
import { ColumnMapPanel } from "../columnMap/ColumnMapPanel";
import { columnMapSections, type ColumnMapSection } from "../columnMap/columnMapModel";
import { describeError } from "../describeError";
import {
  readColumnMapSetting,
  writeColumnMapSetting,
  type SettingsStore,
} from "../settings/settingsStore";
import { stringsFor, type TaskpaneLanguage, type TaskpaneStrings } from "../strings";
import { MessageList, usePaneMessages } from "./MessageList";
import { ProblemList, type ReportProblem } from "./ProblemList";
import { runMessages } from "./runMessages";
import { ScoreSummary } from "./ScoreSummary";
import { ScoringChoices } from "./ScoringChoices";
import { useExclusiveRun, type RunPhase } from "./useExclusiveRun";
import { useMounted } from "./useMounted";
import { useScoringChoices, type ScoringChoice } from "./useScoringChoices";
import { WrittenSummary } from "./WrittenSummary";

export interface TaskPaneProps {
  readonly port: WorkbookPort;
  readonly settings: SettingsStore;
  readonly language: TaskpaneLanguage;
  /** The scoring run; tests may wrap it to see what it is asked. */
  readonly score?: typeof scoreOpenWorkbook;
  /**
   * Where the workbook lives. "excel" (the default): writes go into the open workbook, so the pane
   * warns that Ctrl+Z cannot undo them, offers 清除标记 and links to the written sheets.
   * "browser": an .xlsx file in the page; writing only makes a copy to download, so none of that
   * applies and `resultActions` offers the downloads instead.
   */
  readonly mode?: "excel" | "browser";
  /** The workbook's file name, which the results sheet states (browser mode; Excel has none). */
  readonly fileName?: string;
  /** What to offer under a result that was written (browser mode: the downloads). */
  readonly resultActions?: (scored: ScoredOpenWorkbook) => React.ReactNode;
  /** The warning before the first write, where the host's undo differs from Excel's (WPS). */
  readonly undoNotice?: string;
  /**
   * The form kind and rule set chosen outside the pane (browser mode chooses them above the pane,
   * for one file and for several). Absent: the pane offers them itself and keeps them in `settings`.
   */
  readonly scoringChoice?: ScoringChoice;
}

type Phase = "reading" | "writing" | "clearing";

const classes = mergeStyleSets({
  pane: { padding: "12px 16px 24px", maxWidth: 640 },
  section: { marginBottom: 12 },
  actions: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    selectors: { "> *": { margin: "0 8px 8px 0" } },
  },
  heading: { fontSize: 16, fontWeight: 600, margin: "16px 0 8px" },
  message: { marginBottom: 8 },
});

function progressLabel(phase: RunPhase<Phase>, strings: TaskpaneStrings): string {
  if (phase === "writing") return strings.progressWriting;
  if (phase === "clearing") return strings.progressClearing;
  return strings.progressReading;
}

/**
 * The task pane: scores the open workbook through the port it is given and shows the result.
 * Everything the host does comes in as props; every failure ends in a message bar.
 */
export function TaskPane({
  port,
  settings,
  language,
  score = scoreOpenWorkbook,
  mode = "excel",
  fileName,
  resultActions,
  undoNotice,
  scoringChoice,
}: TaskPaneProps) {
  const strings = stringsFor(language);
  const inExcel = mode === "excel";
  const isMounted = useMounted();
  const [scored, setScored] = React.useState<ScoredOpenWorkbook | null>(null);
  // After 清除标记 the count of marked cells no longer holds.
  const [marksCleared, setMarksCleared] = React.useState(false);
  const [hasWritten, setHasWritten] = React.useState(false);
  // The 列对应 panel: what the last run read, and whether the panel is open.
  const [sections, setSections] = React.useState<readonly ColumnMapSection[]>([]);
  const [panelOpen, setPanelOpen] = React.useState(false);
  const [columnMap, setColumnMap] = React.useState<string>(() => readColumnMapSetting(settings));
  // Called from the choices' events only, by which time `messages` below is set.
  const settingsNotSaved = () => messages.say(MessageBarType.warning, strings.settingsNotSaved);
  const ownChoices = useScoringChoices(settings, settingsNotSaved);
  const choice: ScoringChoice = scoringChoice ?? ownChoices;
  const messages = usePaneMessages(() =>
    !scoringChoice && ownChoices.unknownRuleSet !== null
      ? [{ type: MessageBarType.warning, text: strings.unknownRuleSet(ownChoices.unknownRuleSet) }]
      : []
  );
  const failed = (error: unknown) =>
    messages.say(MessageBarType.error, describeError(error, language));
  const { phase, running, run } = useExclusiveRun<Phase>({
    onStart: messages.clear,
    onBusy: (busy) =>
      messages.say(
        MessageBarType.info,
        busy === "clearing" ? strings.busyClearing : strings.busyScoring
      ),
    onError: failed,
  });

  // The earlier result stays on screen while scoring again (so does the focused 重新评分 button);
  // a failed run removes it, as it may no longer match the workbook.
  const runScoring = (mapText: string = columnMap, prepare?: () => void) =>
    run("reading", async (setPhase) => {
      if (prepare) prepare();
      // The port's calls mark the phases, so the progress label says what Excel is doing.
      const trackedPort: WorkbookPort = {
        read: () => port.read(),
        write: (plan) => {
          setPhase("writing");
          return port.write(plan);
        },
        clearMarks: () => port.clearMarks(),
        select: (sheet, cell) => port.select(sheet, cell),
      };
      const options = {
        profile: choice.profile,
        ruleSet: choice.ruleSet,
        columnMap: mapText,
      };
      let outcome: ScoredOpenWorkbook;
      try {
        outcome = await score(trackedPort, fileName ? { ...options, fileName } : options);
      } catch (error) {
        if (isMounted()) setScored(null);
        throw error;
      }
      if (!isMounted()) return;
      const read = columnMapSections(outcome.result, outcome.grid);
      setScored(outcome);
      setSections(read);
      setMarksCleared(false);
      // The panel opens by itself when the reading needs the user: no form read, or a map refused.
      if (
        outcome.columnMapErrors.length > 0 ||
        (outcome.result.forms.length === 0 && read.length > 0)
      )
        setPanelOpen(true);
      if (outcome.written) setHasWritten(true);
      messages.show(runMessages(outcome, language));
    });

  /** Saves the map with the workbook (or in this browser) and scores with it; "" is 恢复自动. */
  const applyColumnMap = (text: string) => {
    let saved = true;
    const keep = () => {
      setColumnMap(text);
      try {
        writeColumnMapSetting(settings, text);
      } catch (error) {
        console.warn("绩效自评助手: settings not saved", error);
        saved = false;
      }
    };
    runScoring(text, keep).then((ran) => {
      // Refused while another run was under way: nothing was kept, the pane said it was busy.
      if (!ran) return;
      if (!saved) settingsNotSaved();
      else
        settings.save().catch((error: unknown) => {
          console.warn("绩效自评助手: settings not saved", error);
          settingsNotSaved();
        });
    });
  };

  const clearMarks = () =>
    run("clearing", async () => {
      const cleared = await port.clearMarks();
      if (!isMounted()) return;
      messages.say(MessageBarType.success, strings.marksCleared(cleared));
      setMarksCleared(true);
    });

  // Selecting is quick and may happen while reading the list; it does not block other actions.
  const select = (sheet: string, cell: string) => {
    port.select(sheet, cell).catch(failed);
  };

  const report =
    scored && scored.result.forms.length > 0 && scored.columnMapErrors.length === 0
      ? scored.result.report
      : null;
  const written = scored ? scored.written : null;
  const panel =
    panelOpen && sections.length > 0 ? (
      <ColumnMapPanel
        sections={sections}
        savedText={columnMap}
        strings={strings}
        disabled={running}
        keptNote={inExcel ? strings.columnMapKeptInWorkbook : strings.columnMapKeptInBrowser}
        onApply={applyColumnMap}
        onClose={() => setPanelOpen(false)}
      />
    ) : null;
  const panelLink =
    sections.length > 0 && !panelOpen ? (
      <Link onClick={() => setPanelOpen(true)} data-testid="column-map-link">
        {strings.columnMapLink}
      </Link>
    ) : null;

  return (
    <main className={classes.pane} lang={language} aria-busy={running}>
      {inExcel && !hasWritten && (
        <MessageBar
          className={classes.message}
          messageBarType={MessageBarType.warning}
          delayedRender={false}
        >
          {undoNotice ?? strings.undoNotice}
        </MessageBar>
      )}
      {!scoringChoice && (
        <div className={classes.section}>
          <ScoringChoices choices={ownChoices} strings={strings} disabled={running} />
        </div>
      )}
      <div className={classes.actions}>
        <PrimaryButton text={strings.scoreButton} onClick={() => runScoring()} disabled={running} />
        {inExcel && (
          <DefaultButton text={strings.clearMarksButton} onClick={clearMarks} disabled={running} />
        )}
      </div>
      {running && <Spinner size={SpinnerSize.medium} label={progressLabel(phase, strings)} />}
      <MessageList messages={messages.messages} className={classes.message} />
      {!report && (
        <div>
          {panelLink && <div className={classes.actions}>{panelLink}</div>}
          {panel}
        </div>
      )}
      {report && scored && (
        <div>
          <ScoreSummary report={report} forms={scored.result.forms} strings={strings} />
          <div className={classes.actions}>
            <DefaultButton
              text={strings.rescoreButton}
              onClick={() => runScoring()}
              disabled={running}
            />
            {panelLink}
          </div>
          {panel}
          {written && (
            <WrittenSummary
              written={written}
              strings={strings}
              marksCleared={marksCleared}
              onGoToSheet={inExcel ? (sheet) => select(sheet, "A1") : undefined}
            >
              {resultActions && resultActions(scored)}
            </WrittenSummary>
          )}
          <h2 className={classes.heading}>{strings.problemsHeading}</h2>
          <ProblemList
            problems={report.problems}
            strings={strings}
            onSelect={(problem: ReportProblem) => select(problem.sheet, problem.cell)}
          />
        </div>
      )}
    </main>
  );
}
