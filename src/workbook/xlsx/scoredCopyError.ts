/**
 * The one error writing a scored copy can end in: the package holds something the writer cannot
 * add to safely. Its facts say why and where (the part); its message is the Chinese clause for
 * them ("部件 xl/comments1.xml 结构异常"), which the CLI frames as 无法写出评分副本：…; the
 * locale files word the same facts in English.
 */
import { zhCN } from "../locales/zh-CN";

export type ScoredCopyReason =
  /** The bytes are not a zip package. */
  | "not-zip"
  /** A part the package must have is missing ([Content_Types].xml, the workbook part). */
  | "missing-part"
  /** A Strict Open XML workbook: the writer adds only transitional markup. */
  | "strict-ooxml"
  /** A part whose structure the writer could not follow. */
  | "malformed-part"
  /** The plan names a new sheet the workbook already has. */
  | "sheet-name-taken"
  /** The copy would pass what a zip without ZIP64 holds. */
  | "too-large";

export interface ScoredCopyFacts {
  readonly reason: ScoredCopyReason;
  /** The part being edited when it failed, "" when none. */
  readonly part: string;
  /** The sheet concerned (sheet-name-taken). */
  readonly sheet?: string;
  /** too-large: the parts the copy would have, or its size in bytes. */
  readonly entries?: number;
  readonly bytes?: number;
  /** The technical cause (English, not for the user's sentence). */
  readonly detail?: string;
}

export class ScoredCopyError extends Error {
  readonly facts: ScoredCopyFacts;

  constructor(facts: ScoredCopyFacts) {
    super(zhCN.scoredCopy(facts));
    this.name = "ScoredCopyError";
    this.facts = facts;
    // ES5 output (browser mode): keep instanceof working for a subclass of Error.
    Object.setPrototypeOf(this, ScoredCopyError.prototype);
  }

  /** The part being edited when it failed, "" when none. */
  get part(): string {
    return this.facts.part;
  }

  get detail(): string {
    return this.facts.detail ?? "";
  }
}

/** The usual failure: a part whose structure the writer could not follow. */
export function malformedPart(part: string, detail: string): ScoredCopyError {
  return new ScoredCopyError({ reason: "malformed-part", part, detail });
}
