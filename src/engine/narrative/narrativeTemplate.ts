/**
 * The wording of the 自评表说明, as data: one JSON file per language and profile under
 * templates/, merged over the language's common.json. A finance bureau's own wording is one
 * more partial file merged on top (selfeval --narrative-template), checked by narrativeTemplateSchema.
 */
import type { ProfileId } from "../rules/profile";
import commonZhCN from "./templates/zh-CN/common.json";
import departmentZhCN from "./templates/zh-CN/department.json";
import projectZhCN from "./templates/zh-CN/project.json";

export interface KeywordMeasure {
  /** Matched against the indicator's name and its ancestors; a trailing "$" means "ends with". */
  readonly keywords: readonly string[];
  readonly measure: string;
}

export interface NarrativeTemplate {
  readonly language: string;
  /** Placeholders: {unit} {year} {subject} {project}. */
  readonly title: string;
  /** What was evaluated, e.g. "部门整体支出"; placeholder {project}. */
  readonly subject: string;
  readonly sections: {
    readonly evaluation: string;
    readonly problems: string;
    readonly measures: string;
  };
  readonly goals: {
    readonly heading: string;
    readonly intro: string;
    readonly columns: readonly [string, string, string];
    /** Top-level groups that are not 工作任务 (e.g. 管理效能); used only when others remain. */
    readonly excludeTopLevel: readonly string[];
    readonly targetMissed: string;
    readonly actualMissing: string;
    /** Instead of the table, for a form over limits.detailedIndicators: {tasks} {count} {year}. */
    readonly brief: string;
    /** An indicator and a value stated as a number or bound: {name} {value} ("门诊人次≥10000人次"). */
    readonly numberEntry: string;
    /** An indicator and a value stated in words: {name} {value} ("服务质量：优良"). */
    readonly wordsEntry: string;
  };
  readonly overallGoal: {
    readonly heading: string;
    readonly expected: string;
    readonly actual: string;
  };
  readonly conclusion: {
    readonly heading: string;
    readonly score: string;
    readonly noScore: string;
    readonly groupsIntro: string;
    readonly group: string;
    readonly groupUndetermined: string;
    /** A group whose 分值 the form does not state: {group} {score}. */
    readonly groupNoMax: string;
    readonly groupIncomplete: string;
    readonly counts: string;
    readonly allFull: string;
    readonly countFull: string;
    readonly countLost: string;
    readonly countUndetermined: string;
    /** Indicators with a score but no 分值 of their own (maxima only in labels): {n}. */
    readonly countMaxUnknown: string;
    readonly computed: string;
    readonly incomplete: string;
    /** What the rule set did: {n} {unscaled} {max} {score}; {rules} {rate} {cap} {uncapped}; {names} {excess} {lost}. */
    readonly rescaled: string;
    readonly capped: string;
    readonly deviation: string;
    readonly deduction: string;
  };
  readonly budget: {
    readonly heading: string;
    /** {initial} {budget} {executed} in {money}, the unit the block states; {rate} {max} {score}. */
    readonly text: string;
    readonly groupName: string;
    /** {money} for a block that states no unit: the national form's 万元. */
    readonly defaultUnit: string;
  };
  readonly groupSection: {
    readonly heading: string;
    readonly ungrouped: string;
    readonly item: string;
    /** A sub-group whose 分值 the form does not state: {name} {score}. */
    readonly itemNoMax: string;
    readonly score: string;
    readonly scoreUndetermined: string;
    readonly indicator: string;
    readonly wordsPrefix: string;
    readonly notFilled: string;
    readonly computed: string;
    readonly computedInvalid: string;
    readonly lost: string;
    readonly reason: string;
    readonly reasonMissing: string;
    readonly othersFull: string;
    readonly othersItemsFull: string;
    readonly missedButFull: string;
    /** A target missed where the indicator's 分值 is unknown. */
    readonly missed: string;
    readonly deviation: string;
    readonly notApplicable: string;
    readonly itemNotApplicable: string;
    /** Joins a sub-group and its indicators: "社会效益指标中的就业率". */
    readonly memberOf: string;
  };
  readonly problems: {
    readonly lostPoints: string;
    readonly lostPointsOther: string;
    readonly reason: string;
    readonly reasonMissing: string;
    readonly budget: string;
    readonly moreLost: string;
    readonly executionCap: string;
    readonly deviation: string;
    readonly overCompletion: string;
    readonly overCompletionReason: string;
    readonly scoreAhead: string;
    readonly budgetReason: string;
    readonly notApplicable: string;
    readonly disagreement: string;
    readonly metButLost: string;
    readonly missedButFull: string;
    readonly differs: string;
    readonly gradeBand: string;
    readonly missing: string;
    readonly missingItem: string;
    readonly computedItem: string;
    readonly unnamedIndicator: string;
    readonly vague: string;
    readonly vagueItem: string;
    readonly inputErrors: string;
    /** One phrase per kind of wrong entry (problem code, and "budget-zero"). */
    readonly faults: Readonly<Record<string, string>>;
    readonly moreFaults: string;
    readonly none: string;
  };
  readonly measures: {
    readonly lostPoints: string;
    /** For points lost where the target was met or its completion is unknown. */
    readonly lostPointsOther: string;
    readonly moreLost: string;
    readonly budget: string;
    readonly executionCap: string;
    readonly deviation: string;
    readonly overCompletion: string;
    readonly overCompletionReason: string;
    readonly scoreAhead: string;
    readonly budgetReason: string;
    readonly notApplicable: string;
    readonly reasonMissing: string;
    readonly disagreement: string;
    readonly missing: string;
    readonly vague: string;
    readonly inputErrors: string;
    readonly none: string;
    readonly byKeyword: readonly KeywordMeasure[];
    readonly default: string;
  };
  readonly fields: Readonly<Record<string, string>>;
  readonly listSeparator: string;
  readonly clauseSeparator: string;
  /** Between phrases of one clause: the counts of conclusion.counts' {parts}. */
  readonly phraseSeparator: string;
  /** Ends every sentence the narrative makes of clauses or of a cell's text. */
  readonly sentenceEnd: string;
  /** A list of names cut at limits.namesPerItem: {names}. */
  readonly namesMore: string;
  /** "{n}是": 一是, 二是… */
  readonly ordinal: string;
  /** Numbers the headings under 一、绩效自评情况: {n} 一, 二… */
  readonly sectionNumber: string;
  /** Numbers the items of a group's section: {n} 1, 2… */
  readonly itemNumber: string;
  /** Added to a project name that does not end with it, and {project} when the form names none. */
  readonly projectWord: string;
  /** Names ending so imply a quantity, so a worded target for them cannot be measured. */
  readonly measurableNameEndings: readonly string[];
  readonly unmeasurableNameEndings: readonly string[];
  readonly limits: {
    readonly lostPointsItems: number;
    readonly namesPerItem: number;
    /** Forms with more indicators state only those with something to say, one by one. */
    readonly detailedIndicators: number;
  };
}

/** A partial template: any object key may be left out; arrays and strings replace whole. */
export type NarrativeTemplateOverride = { readonly [key: string]: unknown };

const BUILT_IN: Readonly<Record<string, { common: object; profiles: Record<ProfileId, object> }>> =
  {
    "zh-CN": { common: commonZhCN, profiles: { department: departmentZhCN, project: projectZhCN } },
  };

export const NARRATIVE_LANGUAGES: readonly string[] = Object.keys(BUILT_IN);

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Deep merge of plain objects; anything else in `over` replaces what `base` has. */
export function mergeTemplate(base: object, over: NarrativeTemplateOverride): object {
  const merged: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  Object.keys(over).forEach((key) => {
    const value = over[key];
    const current = merged[key];
    merged[key] =
      isPlainObject(value) && isPlainObject(current) ? mergeTemplate(current, value) : value;
  });
  return merged;
}

/** The template for a profile: the language's common wording, the profile's, then any override. */
export function narrativeTemplateFor(
  profile: ProfileId,
  override: NarrativeTemplateOverride | null = null,
  language = "zh-CN"
): NarrativeTemplate {
  const builtIn = BUILT_IN[language] ?? BUILT_IN["zh-CN"];
  let template = mergeTemplate(
    builtIn.common,
    builtIn.profiles[profile] as NarrativeTemplateOverride
  );
  if (override) template = mergeTemplate(template, override);
  return template as NarrativeTemplate;
}
