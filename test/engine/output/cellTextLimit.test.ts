import {
  EXCEL_CELL_TEXT_LIMIT,
  SHORTENED_NOTE,
  fitCellText,
  splitToFit,
} from "../../../src/engine/output/cellTextLimit";
import { buildNarrativeSheet } from "../../../src/engine/output/buildNarrativeSheet";
import { neededRowHeight, outputRowHeight } from "../../../src/engine/output/rowHeight";
import type { NarrativeBlock } from "../../../src/engine/narrative/types";

/** What splitToFit asks of a measure that only says yes or no: the longest prefix, by halving. */
const byHalving =
  (fits: (piece: string) => boolean) =>
  (text: string, most: number): number => {
    if (most >= text.length && fits(text)) return text.length;
    let low = 0;
    let high = Math.min(most, text.length);
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(text.slice(0, middle))) low = middle;
      else high = middle - 1;
    }
    return low;
  };

/** The pieces as splitToFit cut them before it took `longest`: halving [1, 8192] with `fits`. */
const halving = (text: string, fits: (piece: string) => boolean): string[] => {
  const pieces: string[] = [];
  let rest = text;
  while (rest.length > 1 && !fits(rest)) {
    let low = 1;
    let high = Math.min(rest.length - 1, 8192);
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (fits(rest.slice(0, middle))) low = middle;
      else high = middle - 1;
    }
    let cut = low;
    for (let i = low - 1; i >= Math.floor((low * 2) / 3) && i > 0; i--)
      if (/[。；！？;!?\n]/.test(rest.charAt(i))) {
        cut = i + 1;
        break;
      }
    const code = rest.charCodeAt(cut - 1);
    if (cut > 1 && code >= 0xd800 && code <= 0xdbff) cut--;
    pieces.push(rest.slice(0, cut));
    rest = rest.slice(cut);
  }
  pieces.push(rest);
  return pieces;
};

describe("Excel's limits on a cell", () => {
  it("leaves a text that fits as it is, and shortens a longer one saying so", () => {
    expect(fitCellText("短文本")).toBe("短文本");
    const long = "字".repeat(60396);
    const fitted = fitCellText(long);
    expect(fitted.length).toBe(EXCEL_CELL_TEXT_LIMIT);
    expect(fitted.endsWith(SHORTENED_NOTE)).toBe(true);
  });

  it("never cuts between the halves of a surrogate pair", () => {
    const text = "😀".repeat(20000);
    const fitted = fitCellText(text);
    expect(fitted.length).toBeLessThanOrEqual(EXCEL_CELL_TEXT_LIMIT);
    expect(fitted.replace(SHORTENED_NOTE, "")).toBe(
      "😀".repeat((fitted.length - SHORTENED_NOTE.length) / 2)
    );
    const pieces = splitToFit(text, (_rest, most) => Math.min(most, 1001));
    expect(pieces.join("")).toBe(text);
    for (const piece of pieces) expect(piece.length % 2).toBe(0);
  });

  it("cuts where halving the whole range would cut, for any measure", () => {
    const words = ["指标", "完成。", "😀", "a", "；", "\n", "偏差原因分析", "x".repeat(40)];
    let seed = 3;
    const next = (): number => (seed = (seed * 48271) % 2147483647);
    for (let n = 0; n < 60; n++) {
      let text = "";
      for (let k = next() % 400; k > 0; k--) text += words[next() % words.length];
      // Monotone measures: by length, and by lines in a width (a prefix never needs more).
      const limit = (next() % 300) + 2;
      const width = (next() % 20) + 3;
      const byLength = (piece: string) => piece.length <= limit;
      const byLines = (piece: string) =>
        piece
          .split("\n")
          .reduce((lines, line) => lines + Math.max(1, Math.ceil(line.length / width)), 0) <= 6;
      for (const fits of [byLength, byLines])
        expect(splitToFit(text, byHalving(fits))).toEqual(halving(text, fits));
    }
  });

  it("splits at the end of a sentence, and the pieces joined are the text", () => {
    const text = ("第一句很长。" + "内容".repeat(30) + "；").repeat(50);
    const pieces = splitToFit(text, (_rest, most) => Math.min(most, 500));
    expect(pieces.join("")).toBe(text);
    expect(pieces.length).toBeGreaterThan(1);
    for (const piece of pieces.slice(0, -1)) {
      expect(piece.length).toBeLessThanOrEqual(500);
      expect(piece).toMatch(/[。；]$/);
    }
  });

  it("the 自评表说明 sheet carries a 60,396-character paragraph whole, in rows that fit", () => {
    const paragraph = "因客观原因项目延期，已报财政局备案。".repeat(3600).slice(0, 60396);
    const sheet = buildNarrativeSheet([
      {
        blocks: [
          { kind: "title", text: "说明" },
          { kind: "paragraph", text: paragraph },
        ],
      },
    ]);
    const texts = sheet.rows.slice(1).map((row) => {
      const cell = row.cells[0];
      return cell && "text" in cell ? cell.text : "";
    });
    expect(texts.join("")).toBe(paragraph);
    for (const row of sheet.rows) {
      const cell = row.cells[0];
      if (cell && "text" in cell)
        expect(cell.text.length).toBeLessThanOrEqual(EXCEL_CELL_TEXT_LIMIT);
      expect(outputRowHeight(row, sheet.columnWidths) ?? 0).toBeLessThanOrEqual(409);
    }
    // Each row is as full as Excel lets it be: about 27 lines of the three columns' width.
    expect(texts.length).toBeLessThan(120);
  });

  it("cuts the 自评表说明's texts where searching with the row's height would cut them", () => {
    // buildNarrativeSheet finds each row's longest text in one pass (longestTextFittingHeight);
    // halving with the row's height, as splitToFit once did, gives the same rows.
    const words = ["指标", "完成。", "😀", "a", "；", "\n", "\r\n", "偏差原因分析", "x".repeat(40)];
    let seed = 11;
    const next = (): number => (seed = (seed * 48271) % 2147483647);
    for (let n = 0; n < 40; n++) {
      let text = "";
      for (let k = next() % 3000; k > 0; k--) text += words[next() % words.length];
      for (const style of ["title", "heading", "body"] as const) {
        const block: NarrativeBlock =
          style === "title"
            ? { kind: "title", text }
            : style === "heading"
              ? { kind: "heading", level: 1, text }
              : { kind: "paragraph", text };
        const rows = buildNarrativeSheet([{ blocks: [block] }]).rows;
        const searched = halving(
          text,
          (piece) =>
            piece.length <= EXCEL_CELL_TEXT_LIMIT &&
            (neededRowHeight({ cells: [{ text: piece, style }], mergeAcross: 3 }, [16, 26, 26]) ??
              0) <= 409
        );
        expect(rows.map((row) => (row.cells[0] as { text: string }).text)).toEqual(searched);
      }
    }
  });

  it("a row never asks for more than Excel's 409 points", () => {
    const row = { cells: [{ text: "字".repeat(30000), style: "body" as const }], mergeAcross: 3 };
    expect(outputRowHeight(row, [16, 26, 26])).toBe(409);
  });
});
