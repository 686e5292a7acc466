/**
 * The text width and row height estimates: Excel does not fit a merged wrapped row to its text,
 * so these numbers are what makes a paragraph print whole. Each case is worked out by hand from
 * the rules in textWidth.ts and rowHeight.ts.
 */
import * as fc from "fast-check";
import {
  LineCounts,
  longestTextFittingHeight,
  neededRowHeight,
  outputRowHeight,
} from "../../../src/engine/output/rowHeight";
import {
  fitsOneLine,
  longestPrefixWithinLines,
  textWidth,
  wrappedLineCount,
} from "../../../src/engine/output/textWidth";
import type { OutputRow, OutputStyle } from "../../../src/engine/output/types";

describe("textWidth: units of a column's '0'", () => {
  test.each([
    ["", 0],
    ["abc 123", 7],
    ["中文", 4],
    ["ＡＢ", 4], // full-width Latin
    ["ｶﾀ", 2], // half-width katakana: narrow
    ["한글", 4],
    ["😀", 2], // a surrogate pair counts once, as wide
    ["a中😀b", 6],
    ["、。（）", 8], // CJK punctuation
  ])("%j → %d", (text, width) => {
    expect(textWidth(text)).toBe(width);
  });
});

describe("wrappedLineCount", () => {
  test.each([
    ["", 10, 1],
    ["0123456789", 10, 1],
    ["01234567890", 10, 2],
    ["中".repeat(10), 10, 2],
    ["a\nb", 10, 2],
    ["a\r\nb\rc", 10, 3],
    ["a\n\nb", 10, 3], // an empty line is a line
    ["abc", 0, 3], // no width: one unit a line
    ["a\n", 10, 2],
    ["\r\n\r\n", 10, 3],
    ["a\r\rb", 10, 3],
    ["😀".repeat(5) + "\n" + "😀".repeat(6), 10, 3], // a pair is one wide character
  ])("%j at %d units → %d lines", (text, width, lines) => {
    expect(wrappedLineCount(text, width)).toBe(lines);
  });

  it("counts as measuring each line of the text split at its line breaks does", () => {
    const pieces = ["中", "a", "\n", "\r", "\r\n", "😀", "\u3000", " "];
    let seed = 7;
    const next = (): number => (seed = (seed * 48271) % 2147483647);
    for (let n = 0; n < 300; n++) {
      let text = "";
      for (let k = next() % 40; k > 0; k--) text += pieces[next() % pieces.length];
      // Narrow, and wide enough for a short text's shortcut (two units a character at most).
      const width = (next() % 3 === 0 ? next() % 90 : next() % 12) + 1.5;
      const expected = text
        .split(/\r\n|\r|\n/)
        .reduce((sum, line) => sum + Math.max(1, Math.ceil(textWidth(line) / width)), 0);
      expect(wrappedLineCount(text, width)).toBe(expected);
      // The shortcut says one line only where measuring says so.
      if (fitsOneLine(text, width)) expect(expected).toBe(1);
    }
  });
});

function row(
  text: string,
  style: "body" | "title" | "heading" | "tableCell",
  merge?: number
): OutputRow {
  return merge ? { cells: [{ text, style }], mergeAcross: merge } : { cells: [{ text, style }] };
}

describe("outputRowHeight", () => {
  test.each<[string, OutputRow, number[], number | null]>([
    ["one short line: the default", row("短", "body"), [20], null],
    // usable (20 − 1) × 0.9 = 17.1 units; two paragraphs of 6 → 2 lines × 15 + 3.
    ["two lines", row("第一行\n第二行", "body"), [20], 33],
    // 14 pt: one line is 14 × 1.35 = 18.9, to the quarter point 19; needed though it is one line.
    ["a title of one line", row("标题", "title"), [30], 19],
    // usable (10 − 1) × 0.9 = 8.1; 40 units → 5 lines → 78.
    ["not merged: its own column", row("中".repeat(20), "body"), [10, 10, 10], 78],
    // merged over 30 units: (30 − 1) × 0.9 = 26.1; 40 units → 2 lines → 33.
    ["merged: the columns together", row("中".repeat(20), "body", 3), [10, 10, 10], 33],
    // no width set: Excel's 8.43; (8.43 − 1) × 0.9 = 6.687 → 12 units in 2 lines.
    ["no width: Excel's default", row("中".repeat(6), "body"), [], 33],
    ["cut at 409 points", row("长".repeat(20000), "body", 3), [16, 26, 26], 409],
  ])("%s", (_label, outputRow, widths, height) => {
    expect(outputRowHeight(outputRow, widths)).toBe(height);
  });

  test("numbers and unstyled text never make a row taller", () => {
    expect(
      outputRowHeight({ cells: [{ number: 1e30, format: "0.00" }, { text: "a\nb\nc" }] }, [2, 2])
    ).toBeNull();
  });

  test("the tallest cell of the row decides", () => {
    expect(
      outputRowHeight(
        { cells: [row("a\nb", "tableCell").cells[0], row("a\nb\nc\nd", "tableCell").cells[0]] },
        [10, 10]
      )
    ).toBe(4 * 15 + 3);
  });

  test("line counts kept for a sheet give every row the height it has measured afresh", () => {
    const texts = ["部门整体支出绩效自评表", "≥95%", "是", "a\nb", "中".repeat(40), "😀x", ""];
    const widths = [6, 12, 30, 9];
    const lineCounts = new LineCounts();
    let seed = 5;
    const next = (): number => (seed = (seed * 48271) % 2147483647);
    for (let n = 0; n < 2000; n++) {
      const cells = widths.map(() =>
        next() % 4 === 0
          ? null
          : { text: texts[next() % texts.length], style: "tableCell" as const }
      );
      const outputRow: OutputRow = next() % 5 === 0 ? { cells, mergeAcross: 2 } : { cells };
      expect(outputRowHeight(outputRow, widths, lineCounts)).toBe(
        outputRowHeight(outputRow, widths)
      );
    }
  });

  test("neededRowHeight says how tall beyond the cap, for splitting a paragraph", () => {
    const huge = row("长".repeat(20000), "body", 3);
    expect(neededRowHeight(huge, [16, 26, 26])!).toBeGreaterThan(409);
  });
});

describe("the longest text a row holds, found in one pass", () => {
  // Pieces that make every case of the line count: narrow and wide characters, surrogate
  // pairs and lone halves, each kind of line break, clause ends.
  const piece = fc.constantFrom(
    "a",
    "1",
    " ",
    "指",
    "标",
    "。",
    "；",
    "😀",
    "\ud83d",
    "\ude00",
    "\n",
    "\r",
    "\r\n",
    "x".repeat(30),
    "完成情况良好".repeat(5)
  );
  const text = fc.array(piece, { maxLength: 120 }).map((pieces) => pieces.join(""));

  it("longestPrefixWithinLines is the longest prefix wrappedLineCount keeps within the lines", () => {
    fc.assert(
      fc.property(
        text,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 8 }),
        fc.integer({ min: 0, max: 400 }),
        (value, width, lines, most) => {
          let expected = 0;
          for (let k = 1; k <= Math.min(most, value.length); k++)
            if (wrappedLineCount(value.slice(0, k), width) <= lines) expected = k;
            else break;
          expect(longestPrefixWithinLines(value, width, lines, most)).toBe(expected);
        }
      ),
      { numRuns: 400 }
    );
  });

  it("longestTextFittingHeight is the longest prefix whose row is no higher, in every style", () => {
    const styles: OutputStyle[] = ["title", "heading", "body", "tableHeader", "tableCell", "error"];
    fc.assert(
      fc.property(
        text,
        fc.constantFrom(...styles),
        fc.constantFrom([16, 26, 26], [4], [2, 3], [30, 0, 12]),
        fc.constantFrom(1, 2, 3),
        fc.constantFrom(-1, 0, 10, 15, 40, 100, 409),
        fc.integer({ min: 0, max: 400 }),
        (value, style, widths, span, maxHeight, most) => {
          const fits = (k: number): boolean =>
            (neededRowHeight(
              { cells: [{ text: value.slice(0, k), style }], mergeAcross: span },
              widths
            ) ?? 0) <= maxHeight;
          let expected = 0;
          for (let k = 1; k <= Math.min(most, value.length); k++)
            if (fits(k)) expected = k;
            else break;
          expect(longestTextFittingHeight(value, style, widths, span, maxHeight, most)).toBe(
            expected
          );
        }
      ),
      { numRuns: 400 }
    );
  });
});
