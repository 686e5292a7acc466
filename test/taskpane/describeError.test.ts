import { describeError } from "../../src/taskpane/describeError";
import { WorkbookPortError } from "../../src/workbook/port";

describe("describeError", () => {
  const protectedWorkbook = new WorkbookPortError("write-failed", {
    code: "workbook-protected",
    host: "excel",
  });

  it("words a port's failure from its facts in the pane's language", () => {
    expect(describeError(protectedWorkbook, "en-US")).toBe(
      "The workbook's structure is protected, so no result sheet can be added. Unprotect it (Review › Protect Workbook) and score again."
    );
    expect(describeError(protectedWorkbook, "zh-CN")).toBe(protectedWorkbook.message);
  });

  it("shows words made elsewhere as they are, in either language", () => {
    const said = new WorkbookPortError("read-failed", "无法读取工作表。");
    expect(describeError(said, "en-US")).toBe("无法读取工作表。");
  });

  it("says a plain sentence for anything else, the details only in the console", () => {
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const bug = new TypeError("Cannot read properties of undefined");
      expect(describeError(bug, "en-US")).toBe(
        "The action could not be completed. Please try again; if it keeps failing, close and reopen this pane."
      );
      expect(describeError(bug, "zh-CN")).toBe(
        "操作未能完成，请重试。如果问题仍然存在，请关闭并重新打开此窗格。"
      );
      expect(consoleError).toHaveBeenCalledWith("绩效自评助手:", bug);
    } finally {
      consoleError.mockRestore();
    }
  });
});
