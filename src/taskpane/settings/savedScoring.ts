import {
  DEFAULT_RULE_SET,
  isRuleSetId,
  type ProfileId,
  RULE_SETS,
  type RuleSet,
} from "../../engine";
import {
  readColumnMapSetting,
  readProfileSetting,
  readRuleSetSetting,
  type SettingsStore,
} from "./settingsStore";

/** The bundled rule set a saved id names; an id no bundled set has comes back as `unknown`. */
export function bundledRuleSet(id: string): { ruleSet: RuleSet; unknown: string | null } {
  if (id === "") return { ruleSet: DEFAULT_RULE_SET, unknown: null };
  if (isRuleSetId(id)) return { ruleSet: RULE_SETS[id], unknown: null };
  return { ruleSet: DEFAULT_RULE_SET, unknown: id };
}

/** What the user chose for this workbook, as its settings keep it. */
export interface SavedScoring {
  readonly profile: ProfileId | undefined;
  readonly ruleSet: RuleSet;
  /**
   * A rule set id the workbook names that this version does not bundle (a newer version's set):
   * the national set is used, and the user is told.
   */
  readonly unknownRuleSet: string | null;
  /** The column map's text ("" when every column is detected). */
  readonly columnMap: string;
}

/**
 * The profile, rule set and column map saved with the workbook, for a run that has no pane to ask
 * (the ribbon's 一键评分): the same choices the pane shows and saved.
 */
export function readSavedScoring(settings: SettingsStore): SavedScoring {
  const chosen = bundledRuleSet(readRuleSetSetting(settings));
  return {
    profile: readProfileSetting(settings),
    ruleSet: chosen.ruleSet,
    unknownRuleSet: chosen.unknown,
    columnMap: readColumnMapSetting(settings),
  };
}
