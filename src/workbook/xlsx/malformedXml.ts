/**
 * What the hand-written XML and zip layer throws when a part is not what it must be: markup that
 * is not well formed, an element the schema requires that is missing, a package past what a zip
 * holds. One typed error instead of bare Errors, so that the boundaries can tell a malformed
 * file from a fault of the tool: the reader words it as the file's fault (UnreadableWorkbookError
 * "bad-xml"), the writer as ScoredCopyError naming the part it was editing.
 */
export class MalformedXmlError extends Error {
  constructor(
    /** What was wrong, in English, for the technical detail ("unclosed <si>"). */
    readonly problem: string
  ) {
    super(problem);
    this.name = "MalformedXmlError";
    // ES5 output (browser mode): keep instanceof working for a subclass of Error.
    Object.setPrototypeOf(this, MalformedXmlError.prototype);
  }
}
