import * as React from "react";
import { mergeStyleSets } from "@fluentui/react/lib/Styling";
import { Text } from "@fluentui/react/lib/Text";
import type { Report, RuleEffects, RuleSet } from "../../engine";
import type { TaskpaneStrings } from "../strings";
import { formatPoints } from "./formatPoints";
import { ruleNotes } from "./ruleNotes";

type ReportGroup = Report["groups"][number];

const classes = mergeStyleSets({
  form: { marginBottom: 16 },
  formHeading: { margin: "0 0 8px", fontSize: 14, fontWeight: 600 },
  totals: { display: "flex", flexWrap: "wrap", marginBottom: 8 },
  figure: { marginRight: 32, marginBottom: 4 },
  figureLabel: { display: "block", fontSize: 12 },
  figureValue: { display: "block", fontSize: 28, fontWeight: 600, lineHeight: "36px" },
  ruleNotes: { listStyle: "none", margin: "0 0 8px", padding: 0, fontSize: 12 },
  ruleNote: { margin: "0 0 2px" },
  table: { borderCollapse: "collapse", width: "100%", fontSize: 12 },
  caption: { textAlign: "left", fontWeight: 600, padding: "4px 0" },
  headerCell: { textAlign: "left", fontWeight: 600, padding: "2px 4px", borderBottom: "1px solid" },
  scoreCell: { textAlign: "right", whiteSpace: "nowrap", padding: "2px 4px", verticalAlign: "top" },
  nameCell: { textAlign: "left", fontWeight: 400, padding: "2px 4px", verticalAlign: "top" },
  topLevel: { fontWeight: 600 },
});

/**
 * Groups in outline order: each under its parent, siblings as the sheet has them. The engine
 * lists a group where it first meets it, which is the same unless a category comes back lower
 * down the sheet.
 */
function inOutlineOrder(groups: readonly ReportGroup[]): ReportGroup[] {
  const firstSeen = new Map<string, number>();
  groups.forEach((group, index) => {
    const key = group.path.join("\u0000");
    if (!firstSeen.has(key)) firstSeen.set(key, index);
  });
  const orderKey = (group: ReportGroup) =>
    group.path.map((_, depth) => {
      const seen = firstSeen.get(group.path.slice(0, depth + 1).join("\u0000"));
      return seen === undefined ? Number.MAX_SAFE_INTEGER : seen;
    });
  const keyed = groups.map((group) => ({ group, key: orderKey(group) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < Math.min(a.key.length, b.key.length); i++) {
      if (a.key[i] !== b.key[i]) return a.key[i] - b.key[i];
    }
    return a.key.length - b.key.length;
  });
  return keyed.map((entry) => entry.group);
}

/** What scoring knew of a form beyond the report: the rules it was scored by and what they did. */
export interface RuledForm {
  readonly ruleSet: Pick<RuleSet, "id" | "name">;
  readonly effects: RuleEffects;
}

interface FormScoreProps {
  readonly report: Report;
  readonly formIndex: number;
  readonly ruled: RuledForm | null;
  readonly strings: TaskpaneStrings;
}

function FormScore({ report, formIndex, ruled, strings }: FormScoreProps) {
  const form = report.forms[formIndex];
  const notes = ruleNotes(form, ruled ? ruled.effects : null, strings);
  const groups = inOutlineOrder(report.groups.filter((group) => group.form === formIndex));
  const score = (value: number | null) =>
    value === null ? strings.unknownScore : formatPoints(value);
  const headingId = "selfeval-form-" + formIndex;
  return (
    <section
      className={classes.form}
      aria-labelledby={report.forms.length > 1 ? headingId : undefined}
    >
      {report.forms.length > 1 && (
        <h3 id={headingId} className={classes.formHeading}>
          {/* The project names two forms on one sheet apart; their titles are the same words. */}
          {strings.formHeading(form.projectName ?? form.title ?? form.sheet, form.sheet)}
        </h3>
      )}
      <div className={classes.totals}>
        <div className={classes.figure}>
          <span className={classes.figureLabel}>{strings.total}</span>
          <span className={classes.figureValue} data-testid="total">
            {score(form.total.score)}
            <Text variant="medium"> / {formatPoints(form.total.max)}</Text>
          </span>
        </div>
        <div className={classes.figure}>
          <span className={classes.figureLabel}>{strings.rating}</span>
          <span className={classes.figureValue} data-testid="rating">
            {form.rating === null ? strings.unknownScore : strings.ratingName(form.rating)}
          </span>
        </div>
      </div>
      {/* Next to the total: the rules it was scored by and what they did to it. */}
      {(ruled || notes.length > 0) && (
        <ul className={classes.ruleNotes} data-testid="rule-notes">
          {ruled && (
            <li className={classes.ruleNote}>{strings.scoredByRuleSet(ruled.ruleSet.name)}</li>
          )}
          {notes.map((note) => (
            <li key={note} className={classes.ruleNote}>
              {note}
            </li>
          ))}
        </ul>
      )}
      {!form.total.complete && (
        <Text block variant="small">
          {strings.incompleteTotal}
        </Text>
      )}
      {groups.length > 0 && (
        <table className={classes.table}>
          <caption className={classes.caption}>{strings.groupsCaption}</caption>
          <thead>
            <tr>
              <th scope="col" className={classes.headerCell}>
                {strings.groupColumn}
              </th>
              <th scope="col" className={classes.headerCell} style={{ textAlign: "right" }}>
                {strings.scoreColumn}
              </th>
            </tr>
          </thead>
          <tbody>
            {groups.map((group) => (
              <tr key={group.path.join("\u0000")}>
                <th
                  scope="row"
                  className={
                    classes.nameCell + (group.path.length === 1 ? " " + classes.topLevel : "")
                  }
                  style={{ paddingLeft: 4 + (group.path.length - 1) * 12 }}
                  title={group.path.join(" / ")}
                >
                  {group.path[group.path.length - 1]}
                </th>
                <td className={classes.scoreCell}>
                  {score(group.score) + "/" + formatPoints(group.max)}
                  {!group.complete && strings.groupIncomplete}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export interface ScoreSummaryProps {
  readonly report: Report;
  /** Each form's rule set and what it did, in the report's order (ScoreResult.forms). */
  readonly forms?: readonly RuledForm[];
  readonly strings: TaskpaneStrings;
}

/**
 * 总分 and 评级 of every form found, with what the rule set did to the total (a 预算执行率 cap,
 * indicators dropped and rescaled) and the sub-score of each indicator level.
 */
export function ScoreSummary({ report, forms, strings }: ScoreSummaryProps) {
  return (
    <div>
      {report.forms.map((form, index) => (
        <FormScore
          key={form.sheet + "#" + index}
          report={report}
          formIndex={index}
          ruled={forms && forms[index] ? forms[index] : null}
          strings={strings}
        />
      ))}
    </div>
  );
}
