/**
 * The one error the .xlsx reader throws: why the file cannot be read, as a code, and the facts
 * behind it. The words for the user are made apart, per language, by readErrorText.ts.
 */

/** Why a file cannot be read. */
export type UnreadableReason =
  /** Neither a zip package nor an OLE file: not a workbook at all. */
  | "not-zip"
  /** An OLE file holding EncryptedPackage/EncryptionInfo (a password-protected workbook), or a zip entry encrypted with a password. */
  | "encrypted"
  /** An OLE file that is not encrypted: a legacy .xls/.et workbook. */
  | "legacy-xls"
  /** The parts inflate, by their declared sizes or as they actually inflate, beyond the limits. */
  | "too-large"
  /** A part carries a document type declaration (<!DOCTYPE, <!ENTITY): never expanded, never fetched. */
  | "doctype"
  /** A row index above 1,048,576. */
  | "too-many-rows"
  /** A column beyond XFD (16,384). */
  | "too-many-columns"
  /** A workbook saved as Strict Open XML, which the scored copy could not be written in. */
  | "strict-ooxml"
  /** A zip, but not a well-formed .xlsx package. */
  | "malformed";

/** What exactly is malformed, for the wording. */
export type MalformedDetail =
  /** The zip's directory is cut short or points outside the file. */
  | "broken-zip"
  /** An entry compressed with a method other than stored or deflate. */
  | "unsupported-compression"
  /** An entry inflates to fewer bytes than it declares, or its compressed data is corrupt. */
  | "corrupt-entry"
  /** A part the package must have is missing ([Content_Types].xml, the workbook part). */
  | "missing-part"
  /** A part that is not well-formed XML (no root element, an unclosed element…). */
  | "bad-xml"
  /** A sheet listed in the workbook whose part is missing. */
  | "missing-sheet"
  /** A cell refers to a shared string that does not exist. */
  | "bad-shared-string";

export interface UnreadableFacts {
  /** The part concerned, as named in the zip ("xl/worksheets/sheet1.xml"). */
  readonly part?: string;
  /** The sheet concerned, by its name in the workbook. */
  readonly sheet?: string;
  /** The cell concerned, A1, when known. */
  readonly cell?: string;
  /** The row index found, for too-many-rows. */
  readonly row?: number;
  /** The column number found, for too-many-columns. */
  readonly column?: number;
  /** The file's size in bytes. */
  readonly fileBytes?: number;
  /** The size a part (or, without a part, the whole package) declares, inflated. */
  readonly declaredBytes?: number;
  /** How far a part actually inflated before reading stopped. */
  readonly actualBytes?: number;
  /** The limit that was passed, in bytes. */
  readonly limitBytes?: number;
  readonly malformed?: MalformedDetail;
  /** Technical detail for the curious (English, not for the user's sentence). */
  readonly detail?: string;
}

/** Thrown when bytes are not an .xlsx workbook the tool can read; nothing has been written. */
export class UnreadableWorkbookError extends Error {
  readonly reason: UnreadableReason;
  readonly facts: UnreadableFacts;

  constructor(reason: UnreadableReason, facts: UnreadableFacts = {}) {
    super(
      reason +
        (facts.part ? " in " + facts.part : "") +
        (facts.sheet ? " (sheet " + facts.sheet + ")" : "") +
        (facts.detail ? ": " + facts.detail : "")
    );
    this.name = "UnreadableWorkbookError";
    this.reason = reason;
    this.facts = facts;
    // ES5 output: keep instanceof working for a subclass of Error.
    Object.setPrototypeOf(this, UnreadableWorkbookError.prototype);
  }
}
