/**
 * Telling Excel's refusals as protected apart from other failures: the user is then told which
 * sheets are protected and where in Excel the protection is lifted (the words are in ../locales),
 * which the raw "AccessDenied" says neither.
 */

/** Excel's refusal of a change to a protected sheet or to a protected workbook's structure. */
export function isAccessDenied(error: unknown): boolean {
  if (!error || typeof error !== "object") return false;
  const { code, message } = error as { code?: unknown; message?: unknown };
  return (
    code === "AccessDenied" || (typeof message === "string" && /^AccessDenied\b/.test(message))
  );
}
