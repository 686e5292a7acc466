import { messagePageUrl, readMessageQuery } from "../../src/commands/messagePageUrl";

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
