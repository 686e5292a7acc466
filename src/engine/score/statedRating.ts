/** The 评级 a sheet states for itself, read and checked against the one its total earns. */
import { normaliseText } from "../values/normaliseText";
import type { FormContext } from "./formContext";

/** The words a sheet uses for its own 评级, read as the national labels (优秀 is 优…). */
export const RATING_WORDS: Readonly<Record<string, string>> = {
  优: "优",
  优秀: "优",
  良: "良",
  良好: "良",
  中: "中",
  中等: "中",
  合格: "中",
  差: "差",
  不合格: "差",
};

/** The words of a stated 评级 cell, without its label ("自评等级：优秀" → "优秀"). */
export function statedRatingWords(text: string): string {
  return normaliseText(text).replace(/^.*[:：]/, "");
}

/** A stated 评级 that differs from the one the total earns is a problem on its cell. */
export function checkStatedRating(
  form: FormContext,
  total: number | null,
  rating: string | null
): void {
  const stated = form.detected.info.statedRating;
  if (!stated || total === null || rating === null) return;
  const words = statedRatingWords(stated.text);
  // The set's own labels (好/较好/一般/差) first; 优秀/良好… are read as 优/良… only where the set uses those.
  const labels = form.ruleSet.ratingBands.map((band) => band.label);
  const named = labels.indexOf(words) >= 0 ? words : RATING_WORDS[words];
  const statedRating = named !== undefined && labels.indexOf(named) >= 0 ? named : undefined;
  if (statedRating && statedRating !== rating)
    form.problems.add(stated.cell, {
      code: "rating-mismatch",
      stated: statedRating,
      computed: rating,
      total,
    });
}
