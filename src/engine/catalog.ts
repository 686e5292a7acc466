/**
 * A light entry point: the bundled rule sets (with their sources) and the kinds of form, as
 * data, without the reader, the scorer or the writers. A host that only lists them (`selfeval
 * rules`, a settings screen) imports this; index.ts re-exports all of it for every other use.
 */
export {
  PROFILES,
  PROFILE_IDS,
  RATINGS,
  ratingOf,
  type Profile,
  type ProfileId,
} from "./rules/profile";
export {
  BUNDLED_RULE_SET_FILES,
  DEFAULT_RULE_SET,
  RULE_SETS,
  RULE_SET_IDS,
  isRuleSetId,
  resolveRuleSet,
  type RuleSetId,
} from "./rules/ruleSets";
export {
  ratingByBands,
  type RatingBand,
  type RuleSet,
  type RuleSetOverride,
  type RuleSource,
} from "./rules/ruleSet";

/**
 * A1 addresses, which a host words its messages with on paths that must not load the engine
 * (the CLI's failure messages, reached from `selfeval --help` and `rules`): pure and tiny.
 */
export { columnLetters, toA1 } from "./grid/address";
