/**
 * The hand-written XML helpers, one table per helper: each row is a piece of XML as some program
 * writes it and what the helper must make of it. The scored copy edits parts as text, so these
 * are what keeps every byte it does not mean to change.
 */
import {
  bindNamespacePrefix,
  childElements,
  elementAt,
  escapeSpreadsheetText,
  escapeXmlAttribute,
  escapeXmlText,
  findChild,
  getAttribute,
  insertionPoint,
  localNameOf,
  openElement,
  prefixForNamespace,
  relationshipIdOf,
  rootElement,
  setAttribute,
  startTagPattern,
  unescapeXml,
  withPrefix,
} from "../../../src/workbook/xlsx/xmlText";
import { decodeSpreadsheetText } from "../../../src/workbook/xlsx/spreadsheetText";
import { MalformedXmlError } from "../../../src/workbook/xlsx/malformedXml";

const SPREADSHEET = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

describe("getAttribute", () => {
  test.each([
    ['<c r="F14" s="3">', "s", "3"],
    ["<c r='F14' s='3'>", "s", "3"],
    ['<c r = "F14"  s =\n"3"/>', "s", "3"],
    ['<c x14ac:s="9" s="3">', "s", "3"], // a prefixed namesake is not the attribute
    ['<c cs="9">', "s", null],
    ['<c r="F14">', "s", null],
    ['<c t="a&gt;b&amp;c &#x4E2D;">', "t", "a>b&c 中"],
    ['<c t="x > y">', "t", "x > y"], // `>` may stand raw in a value
    ['<sheet name="a\'b">', "name", "a'b"],
    ["<sheet name='a\"b'>", "name", 'a"b'],
  ])("%s %s → %j", (tag, name, value) => {
    expect(getAttribute(tag, name)).toBe(value);
  });
});

describe("setAttribute", () => {
  test.each([
    ['<c r="F14" s="3">', "s", "7", '<c r="F14" s="7">'],
    ["<c r='F14' s='3'/>", "s", "7", "<c r='F14' s=\"7\"/>"],
    ['<c r="F14"/>', "s", "7", '<c r="F14" s="7"/>'],
    ['<c r="F14" >', "s", "7", '<c r="F14" s="7">'],
    ['<c x14ac:s="9" r="A1"/>', "s", "1", '<c x14ac:s="9" r="A1" s="1"/>'],
    ['<c t="x > y"/>', "s", "2", '<c t="x > y" s="2"/>'],
    ['<sheet name="a"/>', "name", 'x"<&>\n', '<sheet name="x&quot;&lt;&amp;&gt;&#10;"/>'],
  ])("%s: %s=%j → %s", (tag, name, value, expected) => {
    expect(setAttribute(tag, name, value)).toBe(expected);
  });
});

describe("startTagPattern", () => {
  test.each([
    ['<c r="A1"/><col min="1"/><cfRule/><c>', "c", ['<c r="A1"/>', "<c>"]],
    ['<x:c r="A1"/><c/>', "x:c", ['<x:c r="A1"/>']],
    ['<row r="1" t="a>b"><c/></row>', "row", ['<row r="1" t="a>b">']],
    ["<c\nr='A1'\n/>", "c", ["<c\nr='A1'\n/>"]],
  ])("%s: <%s> start tags", (xml, name, tags) => {
    const found: string[] = [];
    const pattern = startTagPattern(name);
    let match: RegExpExecArray | null;
    while ((match = pattern.exec(xml))) found.push(match[0]);
    expect(found).toEqual(tags);
  });
});

describe("elementAt: the whole element, namesakes nested inside it included", () => {
  test.each([
    ["<a><a></a><a/></a><a/>", 0, "<a><a></a><a/></a>"],
    ["<a><b><a><a>x</a></a></b></a>tail", 0, "<a><b><a><a>x</a></a></b></a>"],
    ['<x:a k="1"><x:a>in</x:a ></x:a >', 0, '<x:a k="1"><x:a>in</x:a ></x:a >'],
    ['<a t="</a>">x</a>', 0, '<a t="</a>">x</a>'], // a close tag inside an attribute value
    ["<a/><a>x</a>", 0, "<a/>"],
    ["<r><ab>1</ab><a>2</a></r>", 3, "<ab>1</ab>"], // <a> is not the start of <ab>
  ])("%s at %d", (xml, at, whole) => {
    const element = elementAt(xml, at);
    expect(xml.slice(element.start, element.end)).toBe(whole);
  });

  test("content and names of a prefixed element", () => {
    const xml = '<x:row r="2"><x:c/></x:row>';
    const row = elementAt(xml, 0);
    expect(row).toMatchObject({ qualifiedName: "x:row", localName: "row", empty: false });
    expect(xml.slice(row.startTagEnd, row.closeStart)).toBe("<x:c/>");
    expect(localNameOf("x:row")).toBe("row");
  });

  test.each([
    ["<a><b></b>", 0],
    ["text", 0],
  ])("%s: a MalformedXmlError, not a bare Error", (xml, at) => {
    expect(() => elementAt(xml, at)).toThrow(MalformedXmlError);
  });
});

describe("rootElement", () => {
  test.each([
    ['<?xml version="1.0"?>\n<!-- c --><worksheet/>', "worksheet", true],
    [
      "<?xml version='1.0'?><!--<fake/>--><x:worksheet xmlns:x='u'>a</x:worksheet>\n",
      "worksheet",
      false,
    ],
    ["\ufeff<r>x</r>", "r", false],
    ["<![CDATA[<no/>]]><r/>", "r", true],
  ])("%s → <%s>", (xml, localName, empty) => {
    const root = rootElement(xml);
    expect(root.localName).toBe(localName);
    expect(root.empty).toBe(empty);
    expect(xml.slice(root.end).trim()).toBe("");
  });

  test.each(["", "<!-- only a comment -->", "<r>unclosed", "<?xml version='1.0'"])(
    "%j: MalformedXmlError",
    (xml) => {
      expect(() => rootElement(xml)).toThrow(MalformedXmlError);
    }
  );
});

describe("namespaces and prefixes", () => {
  test.each([
    [`<worksheet xmlns="${SPREADSHEET}"/>`, SPREADSHEET, ""],
    [`<x:worksheet xmlns:x="${SPREADSHEET}"/>`, SPREADSHEET, "x:"],
    [`<x:worksheet xmlns:x='${SPREADSHEET}' xmlns:r="${RELATIONSHIPS}"/>`, RELATIONSHIPS, "r:"],
    [`<worksheet xmlns="${SPREADSHEET}"/>`, RELATIONSHIPS, null],
  ])("%s binds %s as %j", (xml, namespace, prefix) => {
    expect(prefixForNamespace(rootElement(xml), namespace)).toBe(prefix);
  });

  test.each([
    [`<w xmlns:r="${RELATIONSHIPS}"/>`, "r:", `<w xmlns:r="${RELATIONSHIPS}"/>`],
    ["<w/>", "r:", `<w xmlns:r="${RELATIONSHIPS}"/>`],
    // "r" is taken by another namespace: the next free name is bound.
    ['<w xmlns:r="urn:other"/>', "r1:", `<w xmlns:r="urn:other" xmlns:r1="${RELATIONSHIPS}"/>`],
    [
      '<w xmlns:r="urn:a" xmlns:r1="urn:b">x</w>',
      "r2:",
      `<w xmlns:r="urn:a" xmlns:r1="urn:b" xmlns:r2="${RELATIONSHIPS}">x</w>`,
    ],
  ])("%s: bind → %s", (xml, prefix, bound) => {
    expect(bindNamespacePrefix(xml, RELATIONSHIPS, "r")).toEqual({ xml: bound, prefix });
  });

  test.each([
    ["", '<c r="A1"><v>1</v></c>', '<c r="A1"><v>1</v></c>'],
    ["x:", '<c r="A1"><v>1</v></c>', '<x:c r="A1"><x:v>1</x:v></x:c>'],
    ["x:", "<t>a &lt;b&gt;</t>", "<x:t>a &lt;b&gt;</x:t>"],
  ])("withPrefix(%j, %s)", (prefix, markup, prefixed) => {
    expect(withPrefix(prefix, markup)).toBe(prefixed);
  });

  test.each([
    [' r:id="rId3"', "rId3"],
    [" rel:id='rId4' name=\"x\"", "rId4"],
    [' id="rId5"', null], // unprefixed id is not the relationship id
  ])("relationshipIdOf(%s) → %j", (attributes, id) => {
    expect(relationshipIdOf(attributes)).toBe(id);
  });
});

describe("children", () => {
  const xml =
    '<worksheet><!-- <cols/> --><?pi x?><dimension ref="A1"/><x:cols><col/></x:cols>' +
    "<sheetData><row><c/></row></sheetData></worksheet>";

  test("childElements lists the children only, past comments and processing instructions", () => {
    expect(childElements(xml, rootElement(xml)).map((child) => child.qualifiedName)).toEqual([
      "dimension",
      "x:cols",
      "sheetData",
    ]);
  });

  test.each([
    ["cols", "x:cols"],
    ["sheetData", "sheetData"],
    ["row", null], // a grandchild is not a child
    ["pi", null],
  ])("findChild %s → %j", (localName, qualifiedName) => {
    const child = findChild(xml, rootElement(xml), localName);
    expect(child ? child.qualifiedName : null).toBe(qualifiedName);
  });

  const ORDER = ["sheetPr", "dimension", "cols", "sheetData", "mergeCells", "legacyDrawing"];
  test.each([
    ["<w><dimension/><sheetData/></w>", "cols", "<w><dimension/>".length],
    ["<w><dimension/><sheetData/></w>", "legacyDrawing", "<w><dimension/><sheetData/>".length],
    ["<w><sheetData/></w>", "sheetPr", "<w>".length],
    [
      // Office wraps newer elements in mc:AlternateContent: it stands where its choice would.
      '<w><sheetData/><mc:AlternateContent><mc:Choice Requires="x"><legacyDrawing/></mc:Choice></mc:AlternateContent></w>',
      "mergeCells",
      "<w><sheetData/>".length,
    ],
  ])("insertionPoint in %s for <%s>", (parent, localName, at) => {
    expect(insertionPoint(parent, rootElement(parent), ORDER, localName)).toBe(at);
  });

  describe("a child already measured is taken as it is, not measured again", () => {
    const sheet = '<w><cols/><sheetData><row r="1"><c/></row></sheetData><legacyDrawing/></w>';
    const root = rootElement(sheet);
    const sheetData = findChild(sheet, root, "sheetData")!;
    // A span that is not what the text holds shows whether it was used.
    const marked = { ...sheetData, attributes: " measured" };

    test("findChild, childElements and insertionPoint walk past it", () => {
      expect(findChild(sheet, root, "sheetData", marked)).toBe(marked);
      expect(findChild(sheet, root, "legacyDrawing", marked)).toEqual(
        findChild(sheet, root, "legacyDrawing")
      );
      expect(childElements(sheet, root, marked)[1]).toBe(marked);
      expect(insertionPoint(sheet, root, ORDER, "mergeCells", marked)).toBe(
        insertionPoint(sheet, root, ORDER, "mergeCells")
      );
    });

    test("one measured at another place is not used", () => {
      const elsewhere = { ...marked, start: sheetData.start + 1 };
      expect(findChild(sheet, root, "sheetData", elsewhere)).toEqual(sheetData);
      expect(childElements(sheet, root, elsewhere)).toEqual(childElements(sheet, root));
    });
  });

  test("an element the order does not know is a MalformedXmlError", () => {
    const parent = "<w/>";
    expect(() => insertionPoint(parent, rootElement(parent), ORDER, "nothing")).toThrow(
      MalformedXmlError
    );
  });

  test.each([
    ['<x:sheets count="1"/>', '<x:sheets count="1"></x:sheets>', '<x:sheets count="1">'.length],
    ["<sheets />", "<sheets></sheets>", "<sheets>".length],
    ["<sheets>a</sheets>", "<sheets>a</sheets>", "<sheets>a".length],
  ])("openElement %s", (xml, opened, appendAt) => {
    expect(openElement(xml, rootElement(xml))).toEqual({ xml: opened, appendAt });
  });
});

describe("escaping", () => {
  test.each([
    // Text that needs nothing comes back as it is, at the edges of what needs nothing too.
    ["\t\n %'=;?\ud7ff\ue000\ufffd 中文", "\t\n %'=;?\ud7ff\ue000\ufffd 中文"],
    ["a_xb", "a_xb"],
    ["&", "&amp;"],
    ["a<", "a&lt;"],
    [">", "&gt;"],
    ["\r", "&#13;"],
    ["\u001f", "_x001F_"],
    ["\ufffe", "_x" + "FFFE_"],
    ["\ud83d\ude00", "\ud83d\ude00"],
    ["\ud83d", "\ufffd"],
    ["a_x0041_", "a_x005F_x0041_"],
  ])("escapeSpreadsheetText(%j)", (text, escaped) => {
    expect(escapeSpreadsheetText(text)).toBe(escaped);
  });

  test.each([
    ["a<b>&\"c'", "a&lt;b&gt;&amp;\"c'"],
    ["中文", "中文"],
  ])("escapeXmlText(%j)", (text, escaped) => {
    expect(escapeXmlText(text)).toBe(escaped);
  });

  test.each([
    ['a<b>&"c', "a&lt;b&gt;&amp;&quot;c"],
    ["x\ny\r\tz", "x&#10;y&#13;&#9;z"],
  ])("escapeXmlAttribute(%j)", (text, escaped) => {
    expect(escapeXmlAttribute(text)).toBe(escaped);
  });

  test.each([
    ["&lt;&gt;&amp;&quot;&apos;", "<>&\"'"],
    ["&#20013;&#x6587;", "中文"],
    ["&#x1F600;", "😀"],
    ["&#x110000;", "&#x110000;"], // past Unicode: left as it is
    ["&unknown; & x", "&unknown; & x"],
  ])("unescapeXml(%j)", (text, plain) => {
    expect(unescapeXml(text)).toBe(plain);
  });

  // Excel's _xHHHH_ escapes for what XML 1.0 cannot carry, and their inverse.
  test.each([
    ["plain", "plain"],
    ["a\u0001b", "a_x0001_b"],
    ["tab\tline\nkept", "tab\tline\nkept"],
    ["cr\r", "cr&#13;"],
    ["_x0041_", "_x005F_x0041_"], // a literal escape in the text keeps its underscore
    ["_x004_", "_x004_"], // not an escape: left alone
    ["_x12G4_", "_x12G4_"],
    ["\uffff", "_xFFFF_"],
    ["\ud800x", "\ufffdx"], // a lone surrogate cannot be written
    ["😀", "😀"],
    ["<&>", "&lt;&amp;&gt;"],
  ])("escapeSpreadsheetText(%j) → %j", (text, escaped) => {
    expect(escapeSpreadsheetText(text)).toBe(escaped);
  });

  test.each([
    "plain",
    "a\u0001b\u001fc",
    "_x0041_ and _x005F_",
    "tab\tline\ncr\r",
    "😀 中文 <&>",
    "\uffff\ufffe",
  ])("decodeSpreadsheetText undoes escapeSpreadsheetText: %j", (text) => {
    expect(decodeSpreadsheetText(escapeSpreadsheetText(text))).toBe(text);
  });

  test.each([
    ["_x000D_", "\r"],
    ["_x000d_", "\r"],
    ["a_x005F_x0041_", "a_x0041_"],
    ["&amp;_x0041_", "&A"],
  ])("decodeSpreadsheetText(%j) → %j", (markup, text) => {
    expect(decodeSpreadsheetText(markup)).toBe(text);
  });
});
