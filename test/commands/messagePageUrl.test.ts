import { describeScored } from "../../src/commands/commandMessage";
import {
  CUT_LINE,
  MAX_MESSAGE_URL_LENGTH,
  messagePageUrl,
  readMessageQuery,
} from "../../src/commands/messagePageUrl";
import { scoreWorkbook } from "../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../helpers/gridFromRows";
import { DEPARTMENT_HEADER } from "../helpers/templateHeaders";

function form(name: string) {
  return sheetFromRows(name, [
    DEPARTMENT_HEADER,
    ["履职效能", "服务", "门诊人次", 50, "≥10000人次", "10000人次", 60, null],
    ["管理效能", "预算", "预算执行率", 50, "≥95%", "96%", 50, null],
  ]);
}

const MESSAGE = {
  kind: "warning" as const,
  title: "评分完成",
  lines: ["「部门自评」总分 95 / 100，评级 优", "发现错误 1 个、警告 2 个 & 100% <b>"],
};

describe("messagePageUrl", () => {
  it("puts message.html beside the calling page, whatever its query", () => {
    const url = messagePageUrl(
      "https://host.example/addin/commands.html?_host_Info=Excel#x",
      MESSAGE
    );
    expect(url.startsWith("https://host.example/addin/message.html?kind=warning&title=")).toBe(
      true
    );
  });

  it("carries the message through the query string unchanged", () => {
    const url = messagePageUrl("https://localhost:3000/commands.html", MESSAGE);
    expect(readMessageQuery(url.slice(url.indexOf("?")))).toEqual(MESSAGE);
  });
});

describe("readMessageQuery", () => {
  it("is null without a title", () => {
    expect(readMessageQuery("?kind=error")).toBeNull();
    expect(readMessageQuery("")).toBeNull();
  });

  it("reads an unknown kind as an error and skips a mangled field", () => {
    expect(readMessageQuery("?kind=odd&title=%E5%A4%B1%E8%B4%A5&lines=%E0%A4%A")).toEqual({
      kind: "error",
      title: "失败",
      lines: [],
    });
  });
});

describe("messagePageUrl for Internet Explorer 11", () => {
  const PAGE = "https://addin.finance.example.gov.cn/selfeval/2024/commands.html?_host_Info=Excel";

  function scoredMessage(names: readonly string[]) {
    const grid = workbookOf(...names.map((name) => form(name)));
    const result = scoreWorkbook(grid);
    return describeScored({
      result,
      grid,
      columnMapErrors: [],
      written: {
        marked: 3,
        sheets: [
          { name: "评分结果", mode: "create" },
          { name: "自评表说明", mode: "create" },
        ],
        notices: [
          "此版本的 Excel 不支持单元格批注，问题仅列于“评分结果”工作表。",
          "此版本的 Excel 不支持合并单元格、列宽和行高，工作表“评分结果”“自评表说明”按默认格式写入。",
          "此版本的 Excel 不支持页面设置，打印工作表“评分结果”“自评表说明”前请在“页面布局”中选择 A4 纸并调整为一页宽。",
        ],
      },
    });
  }

  it("keeps five forms' totals and cuts the rest so that the address stays under 2,000 characters", () => {
    const names = ["一", "二", "三", "四", "五"].map(
      (n) => "2024年度某某市教育局第" + n + "项目支出绩效自评表"
    );
    const message = scoredMessage(names);
    // Uncut, the lines alone would pass the limit.
    expect(encodeURIComponent(message.lines.join("\n")).length).toBeGreaterThan(
      MAX_MESSAGE_URL_LENGTH
    );
    const url = messagePageUrl(PAGE, message);
    expect(url.length).toBeLessThanOrEqual(MAX_MESSAGE_URL_LENGTH);
    const read = readMessageQuery(url.slice(url.indexOf("?")))!;
    expect(read.title).toBe(message.title);
    // The five totals, as they were, first; the cut said at the end.
    expect(read.lines.slice(0, 5)).toEqual(message.lines.slice(0, 5));
    expect(read.lines.slice(0, 5).every((line) => /总分 .* \/ .*，评级/.test(line))).toBe(true);
    expect(read.lines[read.lines.length - 1]).toBe(CUT_LINE);
    expect(read.lines.length).toBeLessThan(message.lines.length + 1);
  });

  it("leaves a message that fits as it is", () => {
    const message = scoredMessage(["表一"]);
    const url = messagePageUrl("https://localhost:3000/commands.html", {
      ...message,
      lines: message.lines.slice(0, 2),
    });
    expect(readMessageQuery(url.slice(url.indexOf("?")))!.lines).toEqual(message.lines.slice(0, 2));
  });

  it("cuts a single line too long by itself, without breaking a character", () => {
    const url = messagePageUrl(PAGE, {
      kind: "error",
      title: "评分失败",
      lines: ["写入失败：工作表" + "“很长的工作表名称𠀀”".repeat(40) + "受保护。"],
    });
    expect(url.length).toBeLessThanOrEqual(MAX_MESSAGE_URL_LENGTH);
    const read = readMessageQuery(url.slice(url.indexOf("?")))!;
    expect(read.lines[0].startsWith("写入失败：工作表")).toBe(true);
    expect(read.lines[0].endsWith("…")).toBe(true);
    expect(read.lines[1]).toBe(CUT_LINE);
  });
});
