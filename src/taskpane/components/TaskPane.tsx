import * as React from "react";
import { DefaultButton, PrimaryButton } from "@fluentui/react/lib/Button";
import { ChoiceGroup, type IChoiceGroupOption } from "@fluentui/react/lib/ChoiceGroup";
import { Link } from "@fluentui/react/lib/Link";
import { MessageBar, MessageBarType } from "@fluentui/react/lib/MessageBar";
import { Spinner, SpinnerSize } from "@fluentui/react/lib/Spinner";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import type { ProfileId } from "../../engine";
import type { WorkbookPort } from "../../workbook/port";
import { scoreOpenWorkbook, type ScoredOpenWorkbook } from "../../workbook/scoreOpenWorkbook";
import { describeError } from "../describeError";
import {
  readProfileSetting,
  writeProfileSetting,
  type SettingsStore,
} from "../settings/settingsStore";
import { stringsFor, type TaskpaneLanguage, type TaskpaneStrings } from "../strings";
import { ProblemList, type ReportProblem } from "./ProblemList";
import { ScoreSummary } from "./ScoreSummary";

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
}

type Phase = "idle" | "reading" | "writing" | "clearing";

interface PaneMessage {
  readonly type: MessageBarType;
  readonly text: string;
}

const PROFILE_CHOICES: readonly { key: string; profile: ProfileId | undefined }[] = [
  { key: "auto", profile: undefined },
  { key: "project", profile: "project" },
  { key: "department", profile: "department" },
];

const classes = mergeStyleSets({
  pane: { padding: "12px 16px 24px", maxWidth: 640 },
  section: { marginBottom: 12 },
  actions: { display: "flex", flexWrap: "wrap", selectors: { "> *": { margin: "0 8px 8px 0" } } },
  heading: { fontSize: 16, fontWeight: 600, margin: "16px 0 8px" },
  sheetLinks: { listStyle: "none", margin: "0 0 8px", padding: 0 },
  message: { marginBottom: 8 },
});

function profileLabel(key: string, strings: TaskpaneStrings): string {
  if (key === "project") return strings.profileProject;
  if (key === "department") return strings.profileDepartment;
  return strings.profileAuto;
}

function progressLabel(phase: Phase, strings: TaskpaneStrings): string {
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
}: TaskPaneProps) {
  const strings = stringsFor(language);
  const inExcel = mode === "excel";
  const [profile, setProfile] = React.useState<ProfileId | undefined>(() =>
    readProfileSetting(settings)
  );
  const [phase, setPhase] = React.useState<Phase>("idle");
  const [scored, setScored] = React.useState<ScoredOpenWorkbook | null>(null);
  // After 清除标记 the count of marked cells no longer holds.
  const [marksCleared, setMarksCleared] = React.useState(false);
  const [messages, setMessages] = React.useState<readonly PaneMessage[]>([]);
  const [hasWritten, setHasWritten] = React.useState(false);
  // A second click while a run is under way would read a half-written workbook.
  const busy = React.useRef(false);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );

  const runExclusive = async (first: Phase, action: () => Promise<void>) => {
    if (busy.current) return;
    busy.current = true;
    setMessages([]);
    setPhase(first);
    try {
      await action();
    } catch (error) {
      if (mounted.current)
        setMessages([{ type: MessageBarType.error, text: describeError(error, strings) }]);
    } finally {
      busy.current = false;
      if (mounted.current) setPhase("idle");
    }
  };

  // The earlier result stays on screen while scoring again (so does the focused 重新评分 button);
  // a failed run removes it, as it may no longer match the workbook.
  const runScoring = () =>
    runExclusive("reading", async () => {
      // The port's calls mark the phases, so the progress label says what Excel is doing.
      const trackedPort: WorkbookPort = {
        read: () => port.read(),
        write: (plan) => {
          if (mounted.current) setPhase("writing");
          return port.write(plan);
        },
        clearMarks: () => port.clearMarks(),
        select: (sheet, cell) => port.select(sheet, cell),
      };
      let outcome: ScoredOpenWorkbook;
      try {
        outcome = await score(trackedPort, fileName ? { profile, fileName } : { profile });
      } catch (error) {
        if (mounted.current) setScored(null);
        throw error;
      }
      if (!mounted.current) return;
      setScored(outcome);
      setMarksCleared(false);
      const next: PaneMessage[] = [];
      if (outcome.result.forms.length === 0) {
        next.push({ type: MessageBarType.warning, text: strings.noFormFound });
      }
      if (outcome.written) {
        setHasWritten(true);
        outcome.written.notices.forEach((notice) =>
          next.push({ type: MessageBarType.info, text: notice })
        );
      }
      setMessages(next);
    });

  const clearMarks = () =>
    runExclusive("clearing", async () => {
      const cleared = await port.clearMarks();
      if (mounted.current) {
        setMessages([{ type: MessageBarType.success, text: strings.marksCleared(cleared) }]);
        setMarksCleared(true);
      }
    });

  // Selecting is quick and may happen while reading the list; it does not block other actions.
  const select = (sheet: string, cell: string) => {
    port.select(sheet, cell).catch((error: unknown) => {
      if (mounted.current)
        setMessages([{ type: MessageBarType.error, text: describeError(error, strings) }]);
    });
  };

  const chooseProfile = (key: string | undefined) => {
    const choice = PROFILE_CHOICES.filter((entry) => entry.key === key)[0];
    if (!choice) return;
    setProfile(choice.profile);
    try {
      writeProfileSetting(settings, choice.profile);
      settings.save().catch((error: unknown) => {
        console.warn("绩效自评助手: settings not saved", error);
        if (mounted.current) {
          setMessages([{ type: MessageBarType.warning, text: strings.settingsNotSaved }]);
        }
      });
    } catch (error) {
      console.warn("绩效自评助手: settings not saved", error);
      setMessages([{ type: MessageBarType.warning, text: strings.settingsNotSaved }]);
    }
  };

  const running = phase !== "idle";
  const profileOptions: IChoiceGroupOption[] = PROFILE_CHOICES.map((entry) => ({
    key: entry.key,
    text: profileLabel(entry.key, strings),
    disabled: running,
  }));
  const selectedProfileKey = PROFILE_CHOICES.filter((entry) => entry.profile === profile)[0].key;
  const report = scored && scored.result.forms.length > 0 ? scored.result.report : null;
  const written = scored ? scored.written : null;

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
      <div className={classes.section}>
        <ChoiceGroup
          label={strings.profileLabel}
          options={profileOptions}
          selectedKey={selectedProfileKey}
          onChange={(_event, option) => chooseProfile(option && option.key)}
        />
      </div>
      <div className={classes.actions}>
        <PrimaryButton text={strings.scoreButton} onClick={runScoring} disabled={running} />
        {inExcel && (
          <DefaultButton text={strings.clearMarksButton} onClick={clearMarks} disabled={running} />
        )}
      </div>
      {running && <Spinner size={SpinnerSize.medium} label={progressLabel(phase, strings)} />}
      {messages.map((message, index) => (
        <MessageBar key={index} className={classes.message} messageBarType={message.type}>
          {message.text}
        </MessageBar>
      ))}
      {report && (
        <div>
          <ScoreSummary report={report} strings={strings} />
          <div className={classes.actions}>
            <DefaultButton text={strings.rescoreButton} onClick={runScoring} disabled={running} />
          </div>
          {written && (
            <div className={classes.section}>
              {!marksCleared && <p>{strings.written(written.marked)}</p>}
              {inExcel && written.sheets.length > 0 && (
                <nav aria-label={strings.outputSheetsHeading}>
                  <ul className={classes.sheetLinks}>
                    {written.sheets.map((sheet) => (
                      <li key={sheet.name}>
                        <Link onClick={() => select(sheet.name, "A1")}>
                          {strings.goToSheet(sheet.name)}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
              )}
              {resultActions && scored && resultActions(scored)}
            </div>
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
