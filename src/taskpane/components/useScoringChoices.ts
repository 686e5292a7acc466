import * as React from "react";
import { type ProfileId, RULE_SET_IDS, RULE_SETS, type RuleSet } from "../../engine";
import { bundledRuleSet } from "../settings/savedScoring";
import {
  readProfileSetting,
  readRuleSetSetting,
  writeProfileSetting,
  writeRuleSetSetting,
  type SettingsStore,
} from "../settings/settingsStore";

/** One entry of the rule set drop-down. */
export interface RuleSetOption {
  /** The bundled id, or "imported:<id>" for a bureau's own file. */
  readonly key: string;
  readonly ruleSet: RuleSet;
  readonly imported: boolean;
}

/** What scoring is told: the kind of form and the bureau's rules. */
export interface ScoringChoice {
  readonly profile: ProfileId | undefined;
  readonly ruleSet: RuleSet;
}

export interface ScoringChoicesState extends ScoringChoice {
  readonly ruleSetKey: string;
  readonly options: readonly RuleSetOption[];
  /** A rule set id the settings name that is not bundled (the national set is used instead). */
  readonly unknownRuleSet: string | null;
  chooseProfile(profile: ProfileId | undefined): void;
  chooseRuleSet(key: string): void;
  /** Adds a bureau's rule set (checked already) to the drop-down and chooses it. */
  addImported(ruleSet: RuleSet): void;
}

const IMPORTED = "imported:";

const BUNDLED_OPTIONS: readonly RuleSetOption[] = RULE_SET_IDS.map((id) => ({
  key: id,
  ruleSet: RULE_SETS[id],
  imported: false,
}));

/**
 * The form kind and rule set the user chose, read from the settings once and saved there on each
 * change (the workbook's document settings in Excel and WPS, this browser in browser mode). An
 * imported rule set is kept for the session only: it is not saved, so a workbook never names a
 * set another computer does not have. `onSaveFailed` is told when the settings cannot be saved;
 * the choice still applies.
 */
export function useScoringChoices(
  settings: SettingsStore,
  onSaveFailed: () => void
): ScoringChoicesState {
  const [profile, setProfile] = React.useState<ProfileId | undefined>(() =>
    readProfileSetting(settings)
  );
  const [initial] = React.useState(() => bundledRuleSet(readRuleSetSetting(settings)));
  const [ruleSetKey, setRuleSetKey] = React.useState<string>(initial.ruleSet.id);
  const [imported, setImported] = React.useState<readonly RuleSetOption[]>([]);
  const failed = React.useRef(onSaveFailed);
  failed.current = onSaveFailed;

  const save = (write: () => void) => {
    try {
      write();
      settings.save().catch((error: unknown) => {
        console.warn("绩效自评助手: settings not saved", error);
        failed.current();
      });
    } catch (error) {
      console.warn("绩效自评助手: settings not saved", error);
      failed.current();
    }
  };

  const options = BUNDLED_OPTIONS.concat(imported);
  const current = options.filter((option) => option.key === ruleSetKey)[0] || BUNDLED_OPTIONS[0];

  return {
    profile,
    ruleSet: current.ruleSet,
    ruleSetKey: current.key,
    options,
    unknownRuleSet: initial.unknown,
    chooseProfile: (next) => {
      setProfile(next);
      save(() => writeProfileSetting(settings, next));
    },
    chooseRuleSet: (key) => {
      const option = options.filter((entry) => entry.key === key)[0];
      if (!option) return;
      setRuleSetKey(option.key);
      if (!option.imported) save(() => writeRuleSetSetting(settings, option.key));
    },
    addImported: (ruleSet) => {
      const option: RuleSetOption = { key: IMPORTED + ruleSet.id, ruleSet, imported: true };
      // The same file imported again (corrected) replaces the earlier one.
      setImported((before) => before.filter((entry) => entry.key !== option.key).concat([option]));
      setRuleSetKey(option.key);
    },
  };
}
