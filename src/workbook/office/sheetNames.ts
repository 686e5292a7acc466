/** Sheet names as Excel compares them: ignoring case. At most 31 characters, none of : \ / ? * [ ]. */
const MAX_SHEET_NAME = 31;

export function sameSheetName(a: string, b: string): boolean {
  return a.toLowerCase() === b.toLowerCase();
}

/** `preferred`, or "preferred (2)", "preferred (3)"… — the first no sheet has. */
export function freeSheetName(preferred: string, taken: readonly string[]): string {
  const used = taken.map((name) => name.toLowerCase());
  const base = preferred.replace(/[:\\/?*[\]]/g, "").slice(0, MAX_SHEET_NAME) || "Sheet";
  if (used.indexOf(base.toLowerCase()) < 0) return base;
  for (let n = 2; ; n++) {
    const suffix = " (" + n + ")";
    const name = base.slice(0, MAX_SHEET_NAME - suffix.length) + suffix;
    if (used.indexOf(name.toLowerCase()) < 0) return name;
  }
}
