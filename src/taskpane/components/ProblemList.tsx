import * as React from "react";
import { getFocusStyle, mergeStyleSets, type ITheme } from "@fluentui/react/lib/Styling";
import { useTheme } from "@fluentui/react/lib/Theme";
import { MARK_FILL_COLOURS, type Report } from "../../engine";
import type { TaskpaneStrings } from "../strings";

export type ReportProblem = Report["problems"][number];

/**
 * The pane lists this many problems per severity; the results sheet has them all. Thousands of
 * list items would make the pane slow in Internet Explorer 11's webview.
 */
export const MAX_LISTED_PER_SEVERITY = 200;

function problemClasses(theme: ITheme) {
  return mergeStyleSets({
    heading: { fontSize: 14, fontWeight: 600, margin: "12px 0 4px" },
    list: { listStyle: "none", margin: 0, padding: 0 },
    item: [
      getFocusStyle(theme, { inset: 1 }),
      {
        display: "block",
        padding: "6px 8px",
        marginBottom: 2,
        cursor: "pointer",
        borderLeft: "3px solid",
        selectors: { ":hover": { background: theme.semanticColors.listItemBackgroundHovered } },
      },
    ],
    error: { borderLeftColor: theme.semanticColors.errorIcon },
    warning: { borderLeftColor: theme.semanticColors.warningHighlight },
    // 提示 are not faults: the light blue the cell is marked with in Excel, a darker edge to see.
    info: {
      borderLeftColor: theme.palette.themeSecondary,
      background: "#" + MARK_FILL_COLOURS.info,
    },
    location: { display: "block", fontWeight: 600, fontSize: 12 },
    message: { display: "block", fontSize: 12, wordBreak: "break-word" },
    more: { fontSize: 12, margin: "4px 0" },
  });
}

export interface ProblemListProps {
  readonly problems: readonly ReportProblem[];
  readonly strings: TaskpaneStrings;
  /** Asks the host to show the problem's cell. */
  readonly onSelect: (problem: ReportProblem) => void;
}

type ListedSeverity = "error" | "warning" | "info";

interface SeverityGroupProps extends ProblemListProps {
  readonly severity: ListedSeverity;
}

function severityLabel(severity: ListedSeverity, strings: TaskpaneStrings): string {
  if (severity === "error") return strings.errors;
  if (severity === "warning") return strings.warnings;
  return strings.infos;
}

function SeverityGroup({ problems, strings, onSelect, severity }: SeverityGroupProps) {
  const theme = useTheme();
  const classes = React.useMemo(() => problemClasses(theme), [theme]);
  const ofSeverity = problems.filter((problem) => problem.severity === severity);
  if (ofSeverity.length === 0) return null;
  const listed = ofSeverity.slice(0, MAX_LISTED_PER_SEVERITY);
  const label = severityLabel(severity, strings);
  const headingId = "selfeval-problems-" + severity;
  // A cell-picking list item, not a <button>: the message is a paragraph, and Enter/Space are
  // handled here so that the same code path serves mouse and keyboard.
  const activate = (problem: ReportProblem) => (event: React.KeyboardEvent) => {
    if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
      event.preventDefault();
      onSelect(problem);
    }
  };
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className={classes.heading}>
        {strings.severityHeading(label, ofSeverity.length)}
      </h3>
      <ul className={classes.list}>
        {listed.map((problem, index) => (
          <li key={index}>
            <div
              role="button"
              tabIndex={0}
              className={classes.item + " " + classes[severity]}
              title={strings.problemActionHint}
              onClick={() => onSelect(problem)}
              onKeyDown={activate(problem)}
            >
              <span className={classes.location}>
                {strings.problemLocation(problem.sheet, problem.cell)}
              </span>
              {/* The engine writes its messages in Chinese only, whatever the pane's language. */}
              <span className={classes.message} lang="zh-CN">
                {problem.message}
              </span>
            </div>
          </li>
        ))}
      </ul>
      {ofSeverity.length > listed.length && (
        <p className={classes.more}>{strings.moreProblems(ofSeverity.length - listed.length)}</p>
      )}
    </section>
  );
}

/**
 * The problems found, errors first, then warnings, then 提示 (what a rule did: an indicator
 * dropped as not applicable, a deduction), each taking the user to its cell.
 */
export function ProblemList(props: ProblemListProps) {
  if (props.problems.length === 0) return <p>{props.strings.noProblems}</p>;
  return (
    <div>
      <SeverityGroup {...props} severity="error" />
      <SeverityGroup {...props} severity="warning" />
      <SeverityGroup {...props} severity="info" />
    </div>
  );
}
