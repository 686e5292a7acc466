import {
  decodeSpreadsheetEscapes,
  stringItemReader,
  textContent,
  withoutMarkupDeclarations,
} from "../../../src/workbook/xlsx/stringItems";

function itemText(prefix: string, item: string): string {
  return stringItemReader(prefix)(item, 0, item.length);
}

describe("stringItemReader", () => {
  it("reads a plain item, keeping its white space", () => {
    expect(itemText("", '<t xml:space="preserve"> 指标 &amp; 值 </t>')).toBe(" 指标 & 值 ");
  });

  it.each([
    // A lone plain <t> (the common case, read without patterns) reads as any other <t>.
    ["", "<t>a &amp; b\r\nc_x000D_d&#13;</t>", "a & b\nc\rd\r"],
    ["x:", "<x:t>改_x005F_x0041_</x:t>", "改_x0041_"],
    ["", "<t></t>", ""],
    // Not a lone <t>: a run after it, or <t> of another name.
    ["", "<t>a</t><r><t>b</t></r>", "ab"],
    ["", "<t>a</t><rPh><t>x</t></rPh>", "a"],
    ["x:", "<t>a</t>", ""],
  ])("reads an item (prefix %j) %j as %j", (prefix, item, text) => {
    expect(itemText(prefix, item)).toBe(text);
  });

  it("joins rich text runs and leaves run properties and phonetic guides out", () => {
    const item =
      '<r><rPr><b/><sz val="11"/></rPr><t>实际</t></r><r><t xml:space="preserve">\n</t></r>' +
      '<r><rPr><i/></rPr><t>完成值</t></r><rPh sb="0" eb="2"><t>シジツ</t></rPh><phoneticPr fontId="1"/>';
    expect(itemText("", item)).toBe("实际\n完成值");
  });

  it("reads items whose elements carry a prefix, and empty <t/>", () => {
    expect(itemText("x:", "<x:r><x:t>a</x:t></x:r><x:r><x:t/></x:r><x:r><x:t>b</x:t></x:r>")).toBe(
      "ab"
    );
  });
});

describe("textContent", () => {
  it("normalises literal line ends as XML parsers do, but keeps a CR given as a reference", () => {
    expect(textContent("a\r\nb\rc&#13;d")).toBe("a\nb\nc\rd");
  });
});

describe("decodeSpreadsheetEscapes", () => {
  it("decodes _xHHHH_, and _x005F_ as a literal underscore", () => {
    expect(decodeSpreadsheetEscapes("a_x000D_b_x005F_x0041_c_x4e2d_")).toBe("a\rb_x0041_c中");
  });
});

describe("withoutMarkupDeclarations", () => {
  it("drops comments and processing instructions and turns CDATA into escaped text", () => {
    expect(withoutMarkupDeclarations("<a><!-- <c/> --><?pi x?><![CDATA[<b>&]]></a>")).toBe(
      "<a>&lt;b&gt;&amp;</a>"
    );
  });
});
