import {
  BIDI_CONTROL,
  escapeBidiControlsInJson,
  hasBidiControls,
  showBidiControls,
} from "../../../src/engine/values/bidiControls";
import { cellText } from "../../../src/engine/detect/sheetView";
import { sheetFromRows } from "../../helpers/gridFromRows";

describe("bidirectional control characters", () => {
  it("are found by character codes exactly where the regular expression finds them", () => {
    const differing: string[] = [];
    for (let code = 0; code <= 0xffff; code++) {
      const text = "a" + String.fromCharCode(code) + "文";
      if (hasBidiControls(text) !== BIDI_CONTROL.test(text)) differing.push(code.toString(16));
      else if (BIDI_CONTROL.test(text) === (showBidiControls(text) === text))
        differing.push(code.toString(16));
    }
    expect(differing).toEqual([]);
  });

  it("are shown, one by one, in cell text", () => {
    expect(showBidiControls("满意度\u202e%59")).toBe("满意度[U+202E]%59");
    expect(showBidiControls("\u2066a\u2069\u200e\u200f\u061c")).toBe(
      "[U+2066]a[U+2069][U+200E][U+200F][U+061C]"
    );
    expect(showBidiControls("普通文本")).toBe("普通文本");
    const sheet = sheetFromRows("表", [["名称\u202d"]]);
    expect(cellText(sheet.cell(1, 1))).toBe("名称[U+202D]");
  });

  it("stay the same data in JSON, written as escapes", () => {
    const json = escapeBidiControlsInJson(JSON.stringify({ sheet: "表\u202e1" }));
    expect(json).toBe('{"sheet":"表\\u202e1"}');
    expect(JSON.parse(json).sheet).toBe("表\u202e1");
  });
});
