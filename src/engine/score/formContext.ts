import type { SheetGrid } from "../grid/types";
import type { DetectedForm } from "../detect/types";
import type { Profile } from "../rules/profile";
import type { RuleSet } from "../rules/ruleSet";
import type { ProblemCollector } from "../validate/problemCollector";

/**
 * What scoring one form needs to know, passed whole to every step (as HyperFormula's function
 * plugins take one state object): the sheet, what detection found on it, the kind of form, the
 * bureau's rules, and where problems are recorded.
 */
export interface FormContext {
  readonly sheet: SheetGrid;
  readonly detected: DetectedForm;
  readonly profile: Profile;
  readonly ruleSet: RuleSet;
  readonly problems: ProblemCollector;
  /** The form's place among the workbook's forms: the report's `form` of its entries. */
  readonly index: number;
}
