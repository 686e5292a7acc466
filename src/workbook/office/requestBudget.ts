/**
 * Excel on the web refuses a request or a response over 5 MB (RichApi.Error.PayloadTooLarge).
 * Batches are therefore sized by an estimate of their payload, and a batch is split into
 * several `context.sync()` calls only where one request would pass the limit.
 *
 * The estimates, in bytes of JSON:
 * - Reading cells loads `formulas`, `text` and `numberFormat` (values only for formula cells,
 *   afterwards). A typical indicator table — short numbers, `""` for blanks, short Chinese text,
 *   "General" — costs about 7 + 7 + 10 bytes a cell: 24. Measured on the benchmark's table
 *   (20,000 rows × 9 columns): 4.16 MB, 23.1 bytes a cell. So 187,500 cells fit one request,
 *   and a 20,000 × 9 table (180,000 cells) is read in one.
 * - One range operation (a getRange, the navigation to its format and a property set or load)
 *   costs about 400 bytes of request.
 * - Written values are measured: their UTF-8 length as JSON.
 * The budget leaves 10 % of the 5 MB for the envelope and for texts longer than estimated.
 */
export const REQUEST_BUDGET_BYTES = 4500000;
export const READ_BYTES_PER_CELL = 24;
export const OPERATION_BYTES = 400;

/** Queues work into the current request, syncing first when the next part would not fit. */
export class RequestBudget {
  private spent = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit: number = REQUEST_BUDGET_BYTES
  ) {}

  /** Makes room for about `bytes` more in the current request. */
  async reserve(bytes: number): Promise<void> {
    if (this.spent > 0 && this.spent + bytes > this.limit) {
      await this.context.sync();
      this.spent = 0;
    }
    this.spent += bytes;
  }

  /** Sends what is queued. */
  async sync(): Promise<void> {
    await this.context.sync();
    this.spent = 0;
  }
}

/** UTF-8 bytes of a value as JSON, near enough to size a request. */
export function jsonBytes(value: unknown): number {
  const json = JSON.stringify(value);
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) {
    const code = json.charCodeAt(i);
    if (code > 0x7ff) bytes += 2;
    else if (code > 0x7f) bytes += 1;
  }
  return bytes;
}

/** Excel's refusal of a request or response over the payload limit. */
export function isPayloadTooLarge(error: unknown): boolean {
  const code = error && typeof error === "object" ? (error as { code?: unknown }).code : undefined;
  return (
    code === "RequestPayloadSizeLimitExceeded" ||
    code === "ResponsePayloadSizeLimitExceeded" ||
    code === "PayloadTooLarge"
  );
}
