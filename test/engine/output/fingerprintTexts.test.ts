import { fingerprintTexts } from "../../../src/engine/output/fingerprintTexts";
import {
  outputSheetFingerprint,
  outputSheetTexts,
} from "../../../src/engine/output/outputSheetTexts";
import type { OutputRow } from "../../../src/engine/output/types";

/** The fingerprint as first defined: FNV-1a over every text followed by U+0001. */
function reference(texts: readonly string[]): string {
  let hash = 0x811c9dc5;
  for (const text of texts.map((t) => t + "\u0001")) {
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return ("0000000" + hash.toString(16)).slice(-8);
}

const ROWS: OutputRow[] = [
  { cells: [{ text: "评分结果", style: "title" }], mergeAcross: 8 },
  { cells: [] },
  {
    cells: [
      { text: "总分", style: "tableHeader" },
      { number: 87.5, format: "0.00" },
      null,
      { text: " \u3000\t", style: "tableCell" }, // blank: not a text
      { text: "" },
      { number: -0 },
      { text: "≥95%\n第二行 😀" },
    ],
  },
];

describe("fingerprints", () => {
  it.each([[[]], [[""]], [["结果", "1"]], [["a\u0001b", "😀", "\ud800"]]])(
    "fingerprintTexts(%j) is FNV-1a over each text and U+0001",
    (texts) => {
      expect(fingerprintTexts(texts)).toBe(reference(texts));
    }
  );

  it("outputSheetFingerprint is the fingerprint of outputSheetTexts, blank cells left out", () => {
    expect(outputSheetTexts(ROWS)).toEqual(["评分结果", "总分", "87.5", "0", "≥95%\n第二行 😀"]);
    expect(outputSheetFingerprint(ROWS)).toBe(fingerprintTexts(outputSheetTexts(ROWS)));
    expect(outputSheetFingerprint([])).toBe(fingerprintTexts([]));
  });
});
