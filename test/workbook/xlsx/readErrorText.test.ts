import { readErrorText } from "../../../src/workbook/xlsx/readErrorText";
import {
  UnreadableWorkbookError,
  type UnreadableFacts,
  type UnreadableReason,
} from "../../../src/workbook/xlsx/unreadableWorkbookError";

const cases: Array<[UnreadableReason, UnreadableFacts, string, string]> = [
  [
    "not-zip",
    {},
    "不是有效的 .xlsx 工作簿（文件已损坏，或不是 Excel 工作簿）。",
    "not an .xlsx workbook",
  ],
  ["encrypted", {}, "工作簿已加密，请先取消密码再评分", "encrypted"],
  [
    "legacy-xls",
    {},
    "这是旧版 .xls 格式，请在 Excel 或 WPS 中另存为 .xlsx 后再评分。",
    "legacy .xls",
  ],
  [
    "too-large",
    { declaredBytes: 400 * 1048576, limitBytes: 256 * 1048576 },
    "文件解压后共 400 MiB，超过 256 MiB 的上限。",
    "to 400 MiB past the limit of 256 MiB",
  ],
  [
    "too-large",
    { part: "xl/worksheets/sheet1.xml", declaredBytes: 4096, limitBytes: 4096 },
    "部件 xl/worksheets/sheet1.xml 解压后超出了它声明的大小（4 KiB）。",
    "inflates past the size it declares (4 KiB)",
  ],
  ["doctype", { part: "xl/workbook.xml" }, "xl/workbook.xml 含有 DOCTYPE 或实体声明", "DOCTYPE"],
  [
    "too-many-rows",
    { sheet: "自评表", row: 1048577 },
    "工作表「自评表」的行号 1048577 超出了 Excel 的上限",
    "row 1048577",
  ],
  [
    "too-many-columns",
    { sheet: "自评表", row: 3, column: 16385 },
    "工作表「自评表」第 3 行有单元格超出了 Excel 的最后一列 XFD",
    "XFD",
  ],
  ["strict-ooxml", {}, "Strict Open XML", "Strict Open XML"],
  [
    "malformed",
    { malformed: "bad-shared-string", sheet: "自评表", row: 2, column: 3 },
    "工作表「自评表」单元格 C2 引用了不存在的共享字符串",
    'sheet "自评表", cell C2',
  ],
  [
    "malformed",
    { malformed: "missing-part", part: "[Content_Types].xml" },
    "（缺少 [Content_Types].xml）",
    "[Content_Types].xml is missing",
  ],
];

describe("readErrorText", () => {
  it.each(cases)(
    "words %s in Chinese and English, naming the file",
    (reason, facts, chinese, english) => {
      const error = new UnreadableWorkbookError(reason, facts);
      const zh = readErrorText(error, "部门自评表.xlsx");
      expect(zh.startsWith("无法读取 部门自评表.xlsx：")).toBe(true);
      expect(zh).toContain(chinese);
      expect(zh).not.toMatch(/undefined|NaN|null/);
      const en = readErrorText(error, "a.xlsx", "en-US");
      expect(en.startsWith("Cannot read a.xlsx: ")).toBe(true);
      expect(en).toContain(english);
      expect(en).not.toMatch(/undefined|NaN|null/);
    }
  );

  it("has a sentence for every kind of malformed package", () => {
    const details = [
      "broken-zip",
      "unsupported-compression",
      "corrupt-entry",
      "missing-part",
      "bad-xml",
      "missing-sheet",
      "bad-shared-string",
    ] as const;
    for (const malformed of details) {
      const error = new UnreadableWorkbookError("malformed", {
        malformed,
        part: "xl/x.xml",
        sheet: "表",
        row: 1,
        column: 1,
      });
      expect(readErrorText(error, "f.xlsx")).toMatch(
        /^无法读取 f\.xlsx：不是有效的 \.xlsx 工作簿（.+），文件可能已损坏。$/
      );
    }
  });
});
