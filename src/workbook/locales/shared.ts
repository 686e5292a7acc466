/**
 * What the wording of the .xlsx layer shares between languages: sizes and cell addresses as the
 * user reads them.
 */
// From the light entry, not the index: the CLI loads this wording on its failure path, and under
// Node the index would load the whole engine into `selfeval --help`, `--version` and `rules`
// (test/cli/lazyCommands.test.ts).
import { toA1 } from "../../engine/catalog";
import type { UnreadableFacts } from "../xlsx/unreadableWorkbookError";

export function sizeText(bytes: number | undefined): string {
  if (bytes === undefined) return "";
  if (bytes >= 1024 * 1024 * 1024) return (bytes / 1024 / 1024 / 1024).toFixed(1) + " GiB";
  if (bytes >= 1024 * 1024) return Math.round(bytes / 1024 / 1024) + " MiB";
  if (bytes >= 1024) return Math.round(bytes / 1024) + " KiB";
  return bytes + " B";
}

export function cellOf(facts: UnreadableFacts): string {
  return facts.row !== undefined && facts.column !== undefined && facts.column <= 16384
    ? toA1(facts.row, facts.column)
    : "";
}
