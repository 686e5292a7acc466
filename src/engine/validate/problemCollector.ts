import { messageZhCN } from "../messages/zh-CN";
import { problemSeverity, type Problem, type ProblemFacts } from "./problem";

/** Collects a run's problems, one per (code, cell), in the order they are found. */
export class ProblemCollector {
  private readonly problems: Problem[] = [];
  private readonly seen = new Set<string>();

  /** `discard`: a reading whose problems nobody asks for (labelMaxima's first, silent one) keeps none. */
  constructor(
    private readonly sheet: string,
    private readonly discard = false
  ) {}

  add(cell: string, facts: ProblemFacts): void {
    if (this.discard) return;
    const key = facts.code + "@" + cell;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.problems.push({
      code: facts.code,
      severity: problemSeverity(facts),
      sheet: this.sheet,
      cell,
      facts,
      message: messageZhCN(facts),
    });
  }

  /** Whether a problem of this code was recorded on this cell. */
  has(code: Problem["code"], cell: string): boolean {
    return this.seen.has(code + "@" + cell);
  }

  list(): Problem[] {
    return this.problems.slice();
  }
}
