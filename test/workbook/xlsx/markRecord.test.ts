/**
 * The mark record's pure serialise/parse functions, shared with the WPS adapter: new fields
 * (mark colour, the fill under the mark, the note's exact text) round-trip whatever the text
 * holds, and records written before them are still read.
 */
import {
  MARK_RECORD_NAMESPACE,
  formatMarkRecord,
  parseMarkRecord,
  type MarkRecord,
} from "../../../src/workbook/xlsx/markRecord";

describe("the mark record", () => {
  it("reads a record written before fills and notes were kept", () => {
    const old =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
      `<selfevalMarks xmlns="${MARK_RECORD_NAMESPACE}"><sheet id="1"><c r="F14" s="3" m="27"/></sheet>` +
      '<sheet name="旧表"><c r="$b$2" s="0" m="5"/></sheet></selfevalMarks>';
    expect(parseMarkRecord(old)).toEqual(
      new Map([
        ["#1", [{ reference: "F14", original: 3, mark: 27 }]],
        ["旧表", [{ reference: "B2", original: 0, mark: 5 }]],
      ])
    );
  });

  it("round-trips notes and fills whatever they hold", () => {
    const note =
      "【错误】「=1+1」实际完成值未填写\n第二行 <b>&amp; \u0001控制 _x0001_ 字面 😀 \u202e反向";
    const record: MarkRecord = new Map([
      [
        "#2",
        [
          {
            reference: "F14",
            original: 3,
            mark: 27,
            markFill: "FFFFC7CE",
            originalFill:
              '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/></patternFill></fill>',
            note,
          },
          { reference: "G3", original: 5, mark: 5, note: "【警告】只有批注" },
        ],
      ],
    ]);
    const xml = formatMarkRecord(record);
    // Well-formed for any XML reader: no raw control character, no raw markup from the note.
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
    expect(xml).not.toContain("<b>");
    expect(parseMarkRecord(xml)).toEqual(record);
  });

  it("is not fooled by a part that is not ours", () => {
    expect(parseMarkRecord("<selfevalMarks/>")).toBeNull();
    expect(parseMarkRecord("not xml")).toBeNull();
  });
});
