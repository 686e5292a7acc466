/**
 * A lazy entry point: the checks a finance bureau's own files pass before they are used — a
 * rule set (`--rules file.json`) and a narrative wording (`--narrative-template`). They bring
 * zod, so hosts load this with import() when such a file is given, and zod stays out of every
 * other run and out of the task pane's bundle.
 */
export { InvalidRuleSetError, loadRuleSetFile } from "./rules/ruleSetSchema";
export {
  InvalidNarrativeTemplateError,
  loadNarrativeTemplateOverride,
} from "./narrative/narrativeTemplateSchema";
