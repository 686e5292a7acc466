/**
 * The problem codes the batch shows as 自评预警, the signals the 一体化 system's review screens
 * raise beside a form (score against spending, over-completion; ids 54647283312, 54504033813 in
 * /work/shared/domain/rule-variants.md §4). A rule set raises them (`--rules`); under the national
 * baseline none occurs. The strings are the rule sets' problem codes, exactly.
 */
export const ALERT_CODES: readonly string[] = [
  "execution-cap",
  "over-completion",
  "deviation-deducted",
  "score-ahead-of-spending",
  "budget-reason-missing",
];
