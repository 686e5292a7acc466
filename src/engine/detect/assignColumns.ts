import { columnLetters } from "../grid/address";
import { contentCues, maxScoreCue, type ColumnProfile, type ContentCue } from "./columnContent";
import { CLEAR, HEADER_WORD, type HeaderCues } from "./headerLexicon";
import type { ColumnDecision, IgnoredColumn, IndicatorColumnRole } from "./types";
import { ROLE_LABELS } from "./roleLabels";

/**
 * Stage 3: gives each role at most one column and each column at most one role, choosing the
 * assignment with the most evidence for the whole table: the header's words, the column's content
 * and the columns' order (labels left of values, 指标值 before 实际完成值, 分值 before 得分, the
 * reason last). A column map fixes the roles it names; the rest is still chosen. Every decision
 * comes back with its reason, to be shown.
 */

export interface ColumnEvidence {
  readonly column: number;
  /** The header text on one line ("年度指标值 / 指标性质" for two header rows). */
  readonly header: string;
  readonly headerCues: HeaderCues;
  /** Null when no body was looked at (the first, header-only pass). */
  readonly profile: ColumnProfile | null;
}

export interface Assignment {
  readonly columns: Partial<Record<IndicatorColumnRole, number>>;
  readonly decisions: readonly ColumnDecision[];
  readonly ignored: readonly IgnoredColumn[];
}

// Roles are tried in this order; the ones a column map fixes go first.
const ROLES: readonly IndicatorColumnRole[] = [
  "score",
  "max",
  "actual",
  "target",
  "name",
  "level1",
  "level2",
  "level3",
  "nature",
  "unit",
  "reason",
];
const LABEL_ROLES: readonly IndicatorColumnRole[] = ["level1", "level2", "level3", "name"];
const VALUE_ROLES: readonly IndicatorColumnRole[] = [
  "nature",
  "target",
  "unit",
  "actual",
  "max",
  "score",
  "reason",
];

/** Pairs whose first role stands left of the second on every form seen. */
const ORDER: ReadonlyArray<readonly [IndicatorColumnRole, IndicatorColumnRole]> = [
  ["level1", "level2"],
  ["level1", "level3"],
  ["level2", "level3"],
  ["level1", "name"],
  ["level2", "name"],
  ["level3", "name"],
  ...LABEL_ROLES.reduce<Array<[IndicatorColumnRole, IndicatorColumnRole]>>(
    (pairs, label) =>
      pairs.concat(VALUE_ROLES.map((value) => [label, value] as [typeof label, typeof value])),
    []
  ),
  ["nature", "target"],
  ["target", "unit"],
  ["nature", "unit"],
  ["target", "actual"],
  ["max", "score"],
  ["actual", "score"],
  ["score", "reason"],
  ["actual", "reason"],
  ["target", "reason"],
];
const ORDER_PENALTY = 6;
// A role needs at least this much evidence to take a column.
const MIN_EVIDENCE = 5;
const CANDIDATES_PER_ROLE = 4;
const FIXED = 1000;
const MAX_STEPS = 200000;

interface Candidate {
  readonly column: number;
  readonly weight: number;
}

/**
 * Chooses the best assignment. `fixed` (from a column map) binds roles to columns whatever the
 * evidence. Pure; the search is exhaustive over each role's best few columns, with a bound.
 */
export function assignColumns(
  evidence: readonly ColumnEvidence[],
  fixed: Partial<Record<IndicatorColumnRole, number>> = {}
): Assignment {
  const byColumn = new Map<number, ColumnEvidence>();
  for (const entry of evidence) byColumn.set(entry.column, entry);
  const content = new Map<number, Partial<Record<IndicatorColumnRole, ContentCue>>>();
  for (const entry of evidence)
    content.set(entry.column, entry.profile ? contentCues(entry.profile) : {});

  const unary = (column: number, role: IndicatorColumnRole): number => {
    const entry = byColumn.get(column);
    if (!entry) return 0;
    const cue = content.get(column)![role];
    return (entry.headerCues[role] ?? 0) + (cue ? cue.weight : 0);
  };

  const fixedRoles = ROLES.filter((role) => fixed[role] !== undefined);
  const order = fixedRoles.concat(ROLES.filter((role) => fixed[role] === undefined));
  const fixedColumns = new Set(fixedRoles.map((role) => fixed[role] as number));
  const candidates = new Map<IndicatorColumnRole, Candidate[]>();
  for (const role of order) {
    if (fixed[role] !== undefined) {
      candidates.set(role, [{ column: fixed[role] as number, weight: FIXED }]);
      continue;
    }
    const list = evidence
      .filter((entry) => !fixedColumns.has(entry.column))
      .map((entry) => ({ column: entry.column, weight: unary(entry.column, role) }))
      .filter((candidate) => candidate.weight >= MIN_EVIDENCE)
      .sort((a, b) => b.weight - a.weight || a.column - b.column)
      .slice(0, CANDIDATES_PER_ROLE);
    candidates.set(role, list);
  }

  const pairCue = (maxColumn: number, scoreColumn: number): number => {
    const max = byColumn.get(maxColumn);
    const score = byColumn.get(scoreColumn);
    if (!max || !score || !max.profile || !score.profile) return 0;
    const cue = maxScoreCue(max.profile, score.profile);
    return cue ? cue.weight : 0;
  };

  // Upper bound of what the roles from index i on can still add (pairs only take away, except
  // the 分值/得分 cue, bounded by its +3).
  const rest: number[] = new Array(order.length + 1).fill(0);
  for (let i = order.length - 1; i >= 0; i--) {
    const list = candidates.get(order[i])!;
    rest[i] = rest[i + 1] + Math.max(0, list.length > 0 ? list[0].weight : 0);
  }
  const PAIR_BONUS_BOUND = 3;

  const chosen: Partial<Record<IndicatorColumnRole, number>> = {};
  const used = new Set<number>();
  let best: Partial<Record<IndicatorColumnRole, number>> = {};
  let bestValue = -Infinity;

  const pairwise = (role: IndicatorColumnRole, column: number): number => {
    let value = 0;
    for (const [first, second] of ORDER) {
      if (first === role && chosen[second] !== undefined && !(column < (chosen[second] as number)))
        value -= ORDER_PENALTY;
      if (second === role && chosen[first] !== undefined && !((chosen[first] as number) < column))
        value -= ORDER_PENALTY;
    }
    if (role === "score" && chosen.max !== undefined) value += pairCue(chosen.max, column);
    if (role === "max" && chosen.score !== undefined) value += pairCue(column, chosen.score);
    return value;
  };

  // A safety net for pathological headers (dozens of columns all named 分值): past this many
  // steps the best assignment found so far stands.
  let steps = 0;
  const search = (index: number, value: number): void => {
    if (++steps > MAX_STEPS && bestValue > -Infinity) return;
    if (value + rest[index] + PAIR_BONUS_BOUND <= bestValue) return;
    if (index === order.length) {
      if (value > bestValue) {
        bestValue = value;
        best = { ...chosen };
      }
      return;
    }
    const role = order[index];
    for (const candidate of candidates.get(role)!) {
      if (used.has(candidate.column)) continue;
      const added = candidate.weight + pairwise(role, candidate.column);
      chosen[role] = candidate.column;
      used.add(candidate.column);
      search(index + 1, value + added);
      used.delete(candidate.column);
      delete chosen[role];
    }
    // The role may stay without a column (most forms have no 指标性质 or 度量单位).
    if (fixed[role] === undefined) search(index + 1, value);
  };
  search(0, 0);

  return explain(evidence, best, fixed, content);
}

/** The decisions and the columns left out, each with its reason in Chinese. */
function explain(
  evidence: readonly ColumnEvidence[],
  columns: Partial<Record<IndicatorColumnRole, number>>,
  fixed: Partial<Record<IndicatorColumnRole, number>>,
  content: Map<number, Partial<Record<IndicatorColumnRole, ContentCue>>>
): Assignment {
  const roleOfColumn = new Map<number, IndicatorColumnRole>();
  (Object.keys(columns) as IndicatorColumnRole[]).forEach((role) =>
    roleOfColumn.set(columns[role] as number, role)
  );
  const decisions: ColumnDecision[] = [];
  const ignored: IgnoredColumn[] = [];
  for (const entry of evidence) {
    const role = roleOfColumn.get(entry.column);
    const cues = content.get(entry.column)!;
    if (role === undefined) {
      const reason = whyIgnored(entry, cues, columns, evidence);
      if (reason !== null) ignored.push({ column: entry.column, header: entry.header, reason });
      continue;
    }
    const headerWeight = entry.headerCues[role] ?? 0;
    const cue = cues[role];
    if (fixed[role] === entry.column) {
      decisions.push({
        column: entry.column,
        role,
        header: entry.header,
        source: "map",
        reason: "由列对应指定（" + ROLE_LABELS[role] + "=" + columnLetters(entry.column) + "）",
      });
      continue;
    }
    // The header alone would have chosen this column: no other column's header names the role as clearly.
    const headerAlone =
      headerWeight >= HEADER_WORD &&
      evidence.every(
        (other) => other.column === entry.column || (other.headerCues[role] ?? 0) <= headerWeight
      );
    let reason = headerWeight > 0 ? "表头“" + entry.header + "”" : "表头无明确名称";
    if (headerWeight > 0 && headerWeight < CLEAR && !headerAlone) reason += "（不明确）";
    if (cue && (!headerAlone || cue.weight < 0)) reason += "；内容：" + cue.why;
    // Columns whose header also named the role and that were not taken for another (a band
    // label merged down over the body is explained in the columns left out, not here).
    const rivals = evidence.filter(
      (other) =>
        other.column !== entry.column &&
        !roleOfColumn.has(other.column) &&
        !(other.profile && other.profile.coveredByHeader) &&
        (other.headerCues[role] ?? 0) >= 3
    );
    for (const rival of rivals) {
      const rivalCue = content.get(rival.column)![role];
      reason +=
        "；未取列" +
        columnLetters(rival.column) +
        "“" +
        rival.header +
        "”" +
        (rivalCue && rivalCue.weight < 0 ? "（" + rivalCue.why + "）" : "");
    }
    decisions.push({
      column: entry.column,
      role,
      header: entry.header,
      source: headerAlone ? "header" : "content",
      reason,
    });
  }
  return { columns, decisions, ignored };
}

function whyIgnored(
  entry: ColumnEvidence,
  cues: Partial<Record<IndicatorColumnRole, ContentCue>>,
  columns: Partial<Record<IndicatorColumnRole, number>>,
  evidence: readonly ColumnEvidence[]
): string | null {
  let leaning: IndicatorColumnRole | null = null;
  let leaningWeight = 0;
  let rubric = false;
  for (const role of Object.keys(entry.headerCues) as IndicatorColumnRole[]) {
    const weight = entry.headerCues[role] as number;
    if (weight < 0) rubric = true;
    if (weight > leaningWeight) {
      leaning = role;
      leaningWeight = weight;
    }
  }
  if (entry.profile && entry.profile.coveredByHeader)
    return /目标/.test(entry.header)
      ? "目标组的标题，合并覆盖该组各行：其下的指标属于这一组"
      : "表头单元格向下合并覆盖整列，是标签列，不是数据列";
  if (rubric && leaningWeight < HEADER_WORD)
    return "表头“" + entry.header + "”是评分说明，不是数值列";
  if (leaning === null || leaningWeight < 3) return null;
  const cue = cues[leaning];
  const taken = columns[leaning];
  let reason = "表头像" + ROLE_LABELS[leaning];
  if (cue && cue.weight < 0) reason += "，但" + cue.why;
  if (taken !== undefined) {
    const winner = evidence.find((other) => other.column === taken);
    reason +=
      "；" +
      ROLE_LABELS[leaning] +
      "取了列" +
      columnLetters(taken) +
      (winner ? "“" + winner.header + "”" : "");
  }
  return reason;
}
