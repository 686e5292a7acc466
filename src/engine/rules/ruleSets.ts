import nationalData from "./ruleSets/national.json";
import yitihuaData from "./ruleSets/yitihua.json";
import guangxiData from "./ruleSets/guangxi.json";
import sichuanData from "./ruleSets/sichuan.json";
import tianjinData from "./ruleSets/tianjin.json";
import { mergeRuleSet, type RuleSet, type RuleSetOverride } from "./ruleSet";

/** The bundled rule sets, in the order `selfeval rules` lists them. */
export const RULE_SET_IDS = ["national", "yitihua", "guangxi", "sichuan", "tianjin"] as const;
export type RuleSetId = (typeof RULE_SET_IDS)[number];

/** The bundled files as written: national in full, the others as what they add to it. */
export const BUNDLED_RULE_SET_FILES: Readonly<Record<RuleSetId, RuleSetOverride>> = {
  national: nationalData as RuleSetOverride,
  yitihua: yitihuaData as RuleSetOverride,
  guangxi: guangxiData as RuleSetOverride,
  sichuan: sichuanData as RuleSetOverride,
  tianjin: tianjinData as RuleSetOverride,
};

/** Whether `id` names a bundled rule set. */
export function isRuleSetId(id: string): id is RuleSetId {
  return (RULE_SET_IDS as readonly string[]).indexOf(id) >= 0;
}

function resolveBundled(): Record<RuleSetId, RuleSet> {
  const resolved = {} as Record<RuleSetId, RuleSet>;
  const national = nationalData as unknown as RuleSet;
  RULE_SET_IDS.forEach((id) => {
    const file = BUNDLED_RULE_SET_FILES[id];
    if (id === "national") {
      resolved[id] = national;
      return;
    }
    const base =
      file.extends !== undefined && isRuleSetId(file.extends) ? file.extends : "national";
    resolved[id] = mergeRuleSet(resolved[base], file);
  });
  return resolved;
}

/**
 * The bundled rule sets, resolved. Their data is checked against ruleSetSchema by the test suite,
 * so zod stays out of what the CLI and the task pane load.
 */
export const RULE_SETS: Readonly<Record<RuleSetId, RuleSet>> = resolveBundled();

/** The default: 财预〔2020〕10号 as the project has always scored, plus not-applicable and 等于. */
export const DEFAULT_RULE_SET: RuleSet = RULE_SETS.national;

/** A bureau's own set: its override merged over the bundled set it extends (national by default). */
export function resolveRuleSet(override: RuleSetOverride): RuleSet {
  const base =
    typeof override.extends === "string" && isRuleSetId(override.extends)
      ? RULE_SETS[override.extends]
      : DEFAULT_RULE_SET;
  return mergeRuleSet(base, override);
}
