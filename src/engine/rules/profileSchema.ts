import { z } from "zod";
import { PROFILE_IDS, RATINGS } from "./profile";

const band = z
  .object({ min: z.number().min(0).max(1), max: z.number().min(0).max(1) })
  .refine((b) => b.min <= b.max, {
    message: "band min must not exceed max",
  });

/** A scoring profile: the rules of one kind of 自评表, as data. */
export const profileSchema = z.object({
  id: z.enum(PROFILE_IDS),
  /** What users read: 项目支出 / 部门整体支出. */
  label: z.string().min(1),
  /** The policy document the profile follows. */
  source: z.string().min(1),
  /** The score a complete form adds up to. @default 100 */
  totalMax: z.number().positive(),
  /**
   * Lower bounds, inclusive, highest first; the last must be 0. Scoring rates a total by the rule
   * set's bands (RuleSet.ratingBands, national's being these); these remain for ratingOf.
   */
  ratingBands: z
    .array(z.object({ rating: z.enum(RATINGS), min: z.number().min(0), source: z.string() }))
    .min(1)
    .refine((bands) => bands.every((b, i) => i === 0 || bands[i - 1].min > b.min), {
      message: "rating bands must be ordered from the highest lower bound down",
    })
    .refine((bands) => bands[bands.length - 1].min === 0, {
      message: "the last rating band must start at 0",
    }),
  /** Share of an indicator's 分值 each stated grade of a qualitative indicator allows. */
  qualitativeBands: z.object({
    source: z.string(),
    achieved: band,
    partial: band,
    notAchieved: band,
  }),
  /** The 预算执行率 line, or null when the form has none. */
  budget: z.object({ weight: z.number().positive(), source: z.string() }).nullable(),
  /** 一级指标 and their usual weights; informative, since local rules may adjust them. */
  topLevelWeights: z.array(z.object({ name: z.string(), weight: z.number().nonnegative() })),
  /**
   * Words that tell this kind of form from the other: in its title, its 一级指标, the labels of
   * its funds block ("部门整体支出总额", "项目资金") and the rest of its opening lines ("基本支出总额").
   */
  detection: z.object({
    titleWords: z.array(z.string()),
    topLevelWords: z.array(z.string()),
    fundsWords: z.array(z.string()).optional(),
    sheetWords: z.array(z.string()).optional(),
  }),
  /** Two scores closer than this are equal (scores are rounded to 2 decimals). */
  tolerance: z.number().nonnegative(),
});

export type Profile = z.infer<typeof profileSchema>;

/** Thrown at load time when a profile file breaks its schema: a programmer's or packager's error. */
export class InvalidProfileError extends Error {
  constructor(id: string, detail: string) {
    super("Invalid scoring profile " + id + ": " + detail);
    this.name = "InvalidProfileError";
  }
}

/** Validates profile data; throws InvalidProfileError when it is not a profile. */
export function loadProfile(data: unknown): Profile {
  const parsed = profileSchema.safeParse(data);
  if (!parsed.success) {
    const id =
      typeof data === "object" && data && "id" in data ? String((data as { id: unknown }).id) : "?";
    throw new InvalidProfileError(
      id,
      parsed.error.issues.map((issue) => issue.path.join(".") + " " + issue.message).join("; ")
    );
  }
  return parsed.data;
}
