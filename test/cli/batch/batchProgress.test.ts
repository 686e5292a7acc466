import { BatchProgress, durationText } from "../../../src/cli/batch/batchProgress";

describe("BatchProgress", () => {
  it("rewrites one line with the count, the file and the time left", () => {
    let now = 0;
    const written: string[] = [];
    const progress = new BatchProgress(
      4,
      { isTTY: true, columns: 80, write: (t) => written.push(t) },
      () => now
    );
    progress.started("a/一.xlsx");
    expect(written[0]).toBe("\r\u001b[2K[0/4] 正在评分 a/一.xlsx");
    now = 2000;
    progress.finished();
    // 2 s for one file, 3 to go
    expect(written[1]).toBe("\r\u001b[2K[1/4] 正在评分 a/一.xlsx，预计剩余 6 秒");
    progress.end();
    expect(written[2]).toBe("\r\u001b[2K");
  });

  it("cuts the line to the terminal's width, keeping the end", () => {
    const written: string[] = [];
    const progress = new BatchProgress(1, {
      isTTY: true,
      columns: 30,
      write: (t) => written.push(t),
    });
    progress.started("很长的文件夹名称/很长的文件名称.xlsx");
    const shown = written[0].replace("\r\u001b[2K", "");
    expect(shown.startsWith("…")).toBe(true);
    expect(shown.endsWith("很长的文件名称.xlsx")).toBe(true);
  });

  it("writes nothing to what is not a terminal", () => {
    const written: string[] = [];
    const progress = new BatchProgress(1, { isTTY: false, write: (t) => written.push(t) });
    progress.started("a.xlsx");
    progress.finished();
    progress.end();
    expect(written).toEqual([]);
  });
});

describe("durationText", () => {
  it("says seconds, then minutes and seconds", () => {
    expect(durationText(0.4)).toBe("0 秒");
    expect(durationText(59)).toBe("59 秒");
    expect(durationText(65)).toBe("1 分 05 秒");
  });
});
