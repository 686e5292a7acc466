/**
 * The progress line of `selfeval batch` on a terminal: how many files are done, the one being
 * read, and an estimate of the time left. Rewritten in place with a carriage return; nothing is
 * written when stderr is not a terminal (a log, a pipe) or with --quiet.
 */

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/** Seconds as "1:05" or "12 秒". */
export function durationText(seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  if (whole < 60) return whole + " 秒";
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  return minutes + " 分 " + (rest < 10 ? "0" : "") + rest + " 秒";
}

/** Cuts text to a display width (CJK characters count two), keeping its end (the file's name). */
function fitted(text: string, width: number): string {
  let used = 0;
  let start = text.length;
  while (start > 0) {
    const code = text.charCodeAt(start - 1);
    const w = code >= 0x2e80 ? 2 : 1;
    if (used + w > width) break;
    used += w;
    start--;
  }
  return start === 0 ? text : "…" + text.slice(start + 1);
}

export class BatchProgress {
  private done = 0;
  private current = "";
  private readonly startedAt: number;
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly stream: ProgressStream | null,
    private readonly now: () => number = Date.now
  ) {
    this.startedAt = now();
  }

  private get active(): boolean {
    return this.stream !== null && this.stream.isTTY === true;
  }

  started(file: string): void {
    this.current = file;
    this.render();
  }

  finished(): void {
    this.done++;
    this.render();
  }

  /** The line as it stands: "[12/200] 正在评分 a/b.xlsx，预计剩余 42 秒". */
  line(): string {
    const elapsed = (this.now() - this.startedAt) / 1000;
    const left =
      this.done > 0
        ? "，预计剩余 " + durationText((elapsed / this.done) * (this.total - this.done))
        : "";
    return "[" + this.done + "/" + this.total + "] 正在评分 " + this.current + left;
  }

  private render(): void {
    if (!this.active) return;
    const width = Math.max(20, (this.stream as ProgressStream).columns || 80) - 1;
    (this.stream as ProgressStream).write("\r\u001b[2K" + fitted(this.line(), width));
    this.shown = true;
  }

  /** Clears the line before the summary is printed. */
  end(): void {
    if (this.active && this.shown) (this.stream as ProgressStream).write("\r\u001b[2K");
  }
}
