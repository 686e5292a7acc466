import {
  checkProlog,
  decodeXmlBytes,
  indexOfDeclaration,
} from "../../../src/workbook/xlsx/xmlEncoding";

function utf16(text: string, bigEndian: boolean, mark: boolean): Uint8Array {
  const bytes: number[] = mark ? (bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]) : [];
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes.push(...(bigEndian ? [code >> 8, code & 0xff] : [code & 0xff, code >> 8]));
  }
  return new Uint8Array(bytes);
}

describe("decodeXmlBytes", () => {
  const xml = '<?xml version="1.0" encoding="UTF-16"?><a>指标𠀀</a>';

  it.each([
    [true, true],
    [false, true],
    [true, false],
    [false, false],
  ])(
    "decodes UTF-16 (big-endian %s, mark %s) and declares UTF-8 for the copy",
    (bigEndian, mark) => {
      expect(decodeXmlBytes(utf16(xml, bigEndian, mark))).toBe(xml.replace("UTF-16", "UTF-8"));
    }
  );

  it("decodes UTF-8 without TextDecoder (Internet Explorer 11) as TextDecoder does, bad bytes as U+FFFD", () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...new TextEncoder().encode("<a>指标𠀀é</a>"),
      0xc3,
      0x28,
      0xed,
      0xa0,
      0x80,
    ]);
    const expected = new TextDecoder("utf-8").decode(bytes);
    const saved = globalThis.TextDecoder;
    try {
      (globalThis as { TextDecoder?: unknown }).TextDecoder = undefined;
      expect(decodeXmlBytes(bytes)).toBe(expected);
    } finally {
      globalThis.TextDecoder = saved;
    }
  });
});

describe("declarations", () => {
  it("are found as DOCTYPE or ENTITY, in either case, and nothing else", () => {
    expect(indexOfDeclaration("<a><![CDATA[x]]><!-- y --></a>")).toBe(-1);
    expect(indexOfDeclaration("<a/><!doctype a>")).toBe(4);
    expect(indexOfDeclaration("<!ENTITY x 'y'>")).toBe(0);
  });

  it("in a prolog: clean once the root starts, unfinished when the head ends first", () => {
    expect(checkProlog('<?xml version="1.0"?>\n<!-- c --><root><!DOCTYPE x>')).toBe("clean");
    expect(checkProlog('<?xml version="1.0"?><!DOCTYPE root [<!ENTITY a "b">]><root/>')).toBe(
      "declaration"
    );
    expect(checkProlog("<?xml version=")).toBe("unfinished");
    expect(checkProlog("<!-- a long comment")).toBe("unfinished");
    expect(checkProlog("<!DOC")).toBe("unfinished");
  });
});
