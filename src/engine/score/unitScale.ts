import { normaliseText } from "../values/normaliseText";

// Units of one kind of quantity, with their size in the kind's base unit.
const UNIT_FAMILIES: ReadonlyArray<Readonly<Record<string, number>>> = [
  { 元: 1, 千元: 1e3, 万元: 1e4, 百万元: 1e6, 千万元: 1e7, 亿元: 1e8 },
  { 米: 1, m: 1, 千米: 1e3, 公里: 1e3, km: 1e3 },
  { 平方米: 1, m2: 1, "m²": 1, 平方千米: 1e6, 平方公里: 1e6 },
  { 克: 1, g: 1, 千克: 1e3, 公斤: 1e3, kg: 1e3, 吨: 1e6 },
  { 秒: 1, 分钟: 60, 小时: 3600 },
];

/**
 * How many target units one actual unit is worth, when both are units of the same quantity at
 * different scales (万元 against 元 → 0.0001); null when they are the same or unrelated.
 */
export function unitConversion(
  targetUnit: string | null,
  actualUnit: string | null
): number | null {
  if (!targetUnit || !actualUnit) return null;
  const target = normaliseText(targetUnit);
  const actual = normaliseText(actualUnit);
  if (target === actual) return null;
  for (const family of UNIT_FAMILIES) {
    if (family[target] !== undefined && family[actual] !== undefined)
      return family[actual] / family[target];
  }
  return null;
}
