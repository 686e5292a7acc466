const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/**
 * 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九: the numbering of （一）, 一是… in reports.
 * Beyond 99 (no report has that many sections) the Arabic number is used.
 */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) return String(n);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? "" : DIGITS[tens]) + "十" + (ones === 0 ? "" : DIGITS[ones]);
}
