/**
 * A label as the sheet shows it, on one line, for messages, the report and the narrative: trimmed,
 * the line breaks and spaces that templates put between Chinese characters taken out ("预算编制⏎
 * 科学性" → "预算编制科学性"), any other run of white space made one space, full-width punctuation
 * kept as typed. Compare labels with normaliseText, not with this.
 */
export function oneLine(text: string): string {
  // Most labels hold no white space at all; they need no rewriting.
  if (!/[\s\u3000\u200b\ufeff]/.test(text)) return text;
  return text
    .replace(/[\u200b\ufeff]/g, "")
    .replace(/([\u0080-\uffff])[\s\u3000]+(?=[\u0080-\uffff])/g, "$1")
    .replace(/[\s\u3000]+/g, " ")
    .trim();
}
