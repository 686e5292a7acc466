/**
 * Whether a 偏差原因 cell gives a reason. "。", "—", "/" or "无" typed to fill the cell give none:
 * the problem list and the narrative both treat them as blank.
 */
export function givesReason(text: string): boolean {
  return !/^[\s。．.，,；;、：:…—\-－/／无]*$/.test(text);
}
