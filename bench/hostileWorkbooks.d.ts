import type { UnreadableReason } from "../src/workbook/xlsx/unreadableWorkbookError";

export interface HostileWorkbook {
  readonly name: string;
  /** What the file is, for the benchmark's table. */
  readonly what: string;
  readonly bytes: Uint8Array;
  readonly reason: UnreadableReason;
  /** What the Chinese message must say. */
  readonly message: RegExp;
}

export interface ZipPart {
  readonly data: Uint8Array;
  readonly size: number;
  readonly crc: number;
  /** A size the part declares instead of its own. */
  readonly declaredSize?: number;
}

export function hostileWorkbooks(): HostileWorkbook[];
export function zip(parts: Record<string, ZipPart>): Uint8Array;
export function deflated(text: string): ZipPart;
export function repeated(prefix: string, unit: string, count: number, suffix: string): ZipPart;
export function workbookParts(overrides?: Record<string, ZipPart | null>): Record<string, ZipPart>;
export function oleFile(streamNames: readonly string[]): Uint8Array;
