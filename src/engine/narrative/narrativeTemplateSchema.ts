/**
 * Checks a finance bureau's own narrative wording before it is used (selfeval
 * --narrative-template). Only the CLI loads this: zod stays out of the task pane's bundle.
 */
import { z } from "zod";
import type { NarrativeTemplateOverride } from "./narrativeTemplate";
import { templatePlaceholders } from "./fillTemplate";
import { FAULT_KINDS } from "./findNarrativeIssues";

/** Every placeholder a template string may use; anything else is a typo that would print blank. */
export const KNOWN_PLACEHOLDERS: readonly string[] = [
  "unit",
  "year",
  "subject",
  "project",
  "text",
  "score",
  "rating",
  "group",
  "max",
  "count",
  "parts",
  "n",
  "name",
  "initial",
  "budget",
  "executed",
  "rate",
  "target",
  "actual",
  "lost",
  "reason",
  "items",
  "entered",
  "computed",
  "fields",
  "cells",
  "row",
  "measure",
  "names",
  "tasks",
  "field",
  "error",
  "label",
  "sum",
  "expected",
  "stated",
  "actualUnit",
  "targetUnit",
  "low",
  "high",
  "cell",
  "rules",
  "cap",
  "uncapped",
  "unscaled",
  "excess",
  "scoreRate",
  "threshold",
  "value",
  "money",
];

const text = z.string();
const texts = (keys: readonly string[]) =>
  z.object(Object.fromEntries(keys.map((key) => [key, text.optional()]))).strict();
/** The problems block: plain texts plus one phrase per kind of wrong entry. */
const problemTexts = (keys: readonly string[]) =>
  z
    .object({
      ...Object.fromEntries(keys.map((key) => [key, text.optional()])),
      faults: z
        .object(Object.fromEntries(FAULT_KINDS.map((key) => [key, text.optional()])))
        .strict()
        .optional(),
      moreFaults: text.optional(),
    })
    .strict();

export const narrativeTemplateOverrideSchema = z
  .object({
    language: text.optional(),
    title: text.optional(),
    subject: text.optional(),
    sections: texts(["evaluation", "problems", "measures"]).optional(),
    goals: z
      .object({
        heading: text.optional(),
        intro: text.optional(),
        columns: z.tuple([text, text, text]).optional(),
        excludeTopLevel: z.array(text).optional(),
        targetMissed: text.optional(),
        actualMissing: text.optional(),
        brief: text.optional(),
        numberEntry: text.optional(),
        wordsEntry: text.optional(),
      })
      .strict()
      .optional(),
    overallGoal: texts(["heading", "expected", "actual"]).optional(),
    conclusion: texts([
      "heading",
      "score",
      "noScore",
      "groupsIntro",
      "group",
      "groupUndetermined",
      "groupNoMax",
      "groupIncomplete",
      "counts",
      "allFull",
      "countFull",
      "countLost",
      "countUndetermined",
      "countMaxUnknown",
      "computed",
      "incomplete",
      "rescaled",
      "capped",
      "deviation",
      "deduction",
    ]).optional(),
    budget: texts(["heading", "text", "groupName", "defaultUnit"]).optional(),
    groupSection: texts([
      "heading",
      "ungrouped",
      "item",
      "itemNoMax",
      "score",
      "scoreUndetermined",
      "indicator",
      "wordsPrefix",
      "notFilled",
      "computed",
      "computedInvalid",
      "lost",
      "reason",
      "reasonMissing",
      "othersFull",
      "othersItemsFull",
      "missedButFull",
      "missed",
      "deviation",
      "notApplicable",
      "itemNotApplicable",
      "memberOf",
    ]).optional(),
    problems: problemTexts([
      "lostPoints",
      "lostPointsOther",
      "reason",
      "reasonMissing",
      "budget",
      "moreLost",
      "executionCap",
      "deviation",
      "overCompletion",
      "overCompletionReason",
      "scoreAhead",
      "budgetReason",
      "notApplicable",
      "disagreement",
      "metButLost",
      "missedButFull",
      "differs",
      "gradeBand",
      "missing",
      "missingItem",
      "computedItem",
      "unnamedIndicator",
      "vague",
      "vagueItem",
      "inputErrors",
      "none",
    ]).optional(),
    measures: z
      .object({
        ...Object.fromEntries(
          [
            "lostPoints",
            "lostPointsOther",
            "moreLost",
            "budget",
            "executionCap",
            "deviation",
            "overCompletion",
            "overCompletionReason",
            "scoreAhead",
            "budgetReason",
            "notApplicable",
            "reasonMissing",
            "disagreement",
            "missing",
            "vague",
            "inputErrors",
            "none",
            "default",
          ].map((key) => [key, text.optional()])
        ),
        byKeyword: z
          .array(z.object({ keywords: z.array(text).min(1), measure: text }).strict())
          .optional(),
      })
      .strict()
      .optional(),
    fields: z.record(z.string(), text).optional(),
    listSeparator: text.optional(),
    clauseSeparator: text.optional(),
    phraseSeparator: text.optional(),
    sentenceEnd: text.optional(),
    namesMore: text.optional(),
    ordinal: text.optional(),
    sectionNumber: text.optional(),
    itemNumber: text.optional(),
    projectWord: text.optional(),
    measurableNameEndings: z.array(text).optional(),
    unmeasurableNameEndings: z.array(text).optional(),
    limits: z
      .object({
        lostPointsItems: z.number().int().min(1).optional(),
        namesPerItem: z.number().int().min(1).optional(),
        detailedIndicators: z.number().int().min(1).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** A template file that cannot be used; the message is Chinese and names the key at fault. */
export class InvalidNarrativeTemplateError extends Error {}

function unknownPlaceholders(value: unknown, at: string, found: string[]): void {
  if (typeof value === "string") {
    templatePlaceholders(value).forEach((name) => {
      if (KNOWN_PLACEHOLDERS.indexOf(name) < 0) found.push(at + " 中的 {" + name + "}");
    });
  } else if (Array.isArray(value)) {
    value.forEach((item, index) => unknownPlaceholders(item, at + "[" + index + "]", found));
  } else if (typeof value === "object" && value !== null) {
    Object.keys(value).forEach((key) =>
      unknownPlaceholders((value as Record<string, unknown>)[key], at ? at + "." + key : key, found)
    );
  }
}

/** Parses and checks a template override (the JSON text of a file). */
export function loadNarrativeTemplateOverride(json: string): NarrativeTemplateOverride {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw new InvalidNarrativeTemplateError(
      "不是有效的 JSON：" + (error instanceof Error ? error.message : String(error))
    );
  }
  const parsed = narrativeTemplateOverrideSchema.safeParse(data);
  if (!parsed.success)
    throw new InvalidNarrativeTemplateError(
      parsed.error.issues
        .map((issue) => {
          const at = issue.path.join(".") || "（顶层）";
          if (issue.code === "unrecognized_keys")
            return at + " 有未知的键 " + issue.keys.join("、");
          return at + " 格式不对（" + issue.message + "）";
        })
        .join("；")
    );
  const unknown: string[] = [];
  unknownPlaceholders(parsed.data, "", unknown);
  if (unknown.length > 0)
    throw new InvalidNarrativeTemplateError("未知的占位符：" + unknown.join("、"));
  return parsed.data as NarrativeTemplateOverride;
}
