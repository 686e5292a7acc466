/**
 * The one error writing a scored copy can end in: the package holds something the writer cannot
 * add to safely. Its message is Chinese and names the part ("部件 xl/comments1.xml 结构异常"),
 * for the CLI and the task pane to show as it is; `detail` keeps the technical cause.
 */
export class ScoredCopyError extends Error {
  constructor(
    message: string,
    /** The part being edited when it failed, "" when none. */
    readonly part: string,
    readonly detail: string = ""
  ) {
    super(message);
    this.name = "ScoredCopyError";
    // ES5 output (browser mode): keep instanceof working for a subclass of Error.
    Object.setPrototypeOf(this, ScoredCopyError.prototype);
  }
}

/** The usual failure: a part whose structure the writer could not follow. */
export function malformedPart(part: string, detail: string): ScoredCopyError {
  return new ScoredCopyError(
    part === "" ? "工作簿结构异常" : "部件 " + part + " 结构异常",
    part,
    detail
  );
}
