import type { CommandMessage } from "../../src/commands/commandMessage";
import {
  runScoreCommand,
  type CommandContext,
  type CommandEvent,
} from "../../src/commands/runScoreCommand";
import type { WritePlan } from "../../src/engine/output/types";
import {
  noticesOf,
  WorkbookPortError,
  type WorkbookPort,
  type WriteOutcome,
} from "../../src/workbook/port";
import { sheetFromRows, workbookOf } from "../helpers/gridFromRows";
import { DEPARTMENT_HEADER } from "../helpers/templateHeaders";

const FORM = workbookOf(
  sheetFromRows("部门自评", [
    DEPARTMENT_HEADER,
    ["履职效能", "服务", "门诊人次", 50, "≥10000人次", "9000人次", null, "就诊人数下降"],
    ["管理效能", "预算", "预算执行率", 50, "≥95%", "96%", 50, null],
  ])
);

const WRITTEN: WriteOutcome = {
  marked: 0,
  sheets: [
    { name: "评分结果", mode: "create" },
    { name: "自评表说明", mode: "create" },
  ],
  notices: ["此版本的 Excel 不支持批注，问题仅列于评分结果表。"],
};

function fakePort(overrides: Partial<WorkbookPort> = {}): WorkbookPort & { plans: WritePlan[] } {
  const plans: WritePlan[] = [];
  return {
    plans,
    read: async () => FORM,
    write: async (plan) => {
      plans.push(plan);
      return WRITTEN;
    },
    clearMarks: async () => 0,
    select: async () => undefined,
    ...overrides,
  };
}

function fakeEvent(): CommandEvent & { completed: jest.Mock } {
  return { completed: jest.fn() };
}

/** Runs the command and also records the message it showed and any rejection. */
async function run(
  port: WorkbookPort | Promise<WorkbookPort>,
  event = fakeEvent(),
  context: CommandContext = {}
) {
  const shown: CommandMessage[] = [];
  const order: string[] = [];
  event.completed.mockImplementation(() => order.push("completed"));
  const returned = await runScoreCommand(
    port,
    event,
    async (message) => {
      shown.push(message);
      order.push("shown");
    },
    context
  );
  return { returned, shown, order, event };
}

describe("runScoreCommand", () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  it("scores, writes the plan, shows the totals and completes once after the message", async () => {
    const port = fakePort();
    const { returned, shown, order, event } = await run(port);
    expect(port.plans).toHaveLength(1);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(order).toEqual(["shown", "completed"]);
    expect(shown).toEqual([returned]);
    expect(returned.kind).toBe("success");
    expect(returned.title).toBe("评分完成");
    // 50 × 9000/10000 = 45, plus 50
    expect(returned.lines).toContain("「部门自评」总分 95 / 100，评级 优");
    expect(returned.lines).toContain("结果已写入工作表「评分结果」「自评表说明」。");
    expect(returned.lines).toContain(WRITTEN.notices[0]);
  });

  it("reports a port failure in the port's own words and still completes", async () => {
    const port = fakePort({
      write: async () => {
        throw new WorkbookPortError("sheet-protected", "工作表「部门自评」受保护，无法标出问题。");
      },
    });
    const { returned, event } = await run(port);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(returned).toEqual({
      kind: "error",
      title: "评分失败",
      lines: ["工作表「部门自评」受保护，无法标出问题。"],
    });
  });

  it("reports an unexpected error with its message and still completes", async () => {
    const port = fakePort({
      read: async () => {
        throw new TypeError("context.workbook is undefined");
      },
    });
    const { returned, event } = await run(port);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(returned.kind).toBe("error");
    expect(returned.lines.join("\n")).toContain("context.workbook is undefined");
  });

  it("completes when Office never gave a port (the promise rejected)", async () => {
    const { returned, event } = await run(Promise.reject(new Error("Office.js 未加载")));
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(returned.kind).toBe("error");
    expect(returned.lines.join("\n")).toContain("Office.js 未加载");
  });

  it("writes nothing to a workbook without a form and says so", async () => {
    const port = fakePort({ read: async () => workbookOf(sheetFromRows("Sheet1", [["备注"]])) });
    const { returned, event } = await run(port);
    expect(port.plans).toHaveLength(0);
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(returned.kind).toBe("warning");
    expect(returned.title).toBe("未找到绩效指标表");
  });

  it("completes and resolves when the message cannot be shown", async () => {
    const event = fakeEvent();
    await expect(
      runScoreCommand(fakePort(), event, async () => {
        throw new Error("dialog refused");
      })
    ).resolves.toMatchObject({ kind: "success" });
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(consoleError).toHaveBeenCalled();
  });

  it("a second click while a run is under way ends at once with 正在评分，请稍候…, and runs nothing", async () => {
    let finishRead: () => void = () => undefined;
    let reads = 0;
    const port = fakePort({
      read: () => {
        reads++;
        return new Promise((resolve) => (finishRead = () => resolve(FORM)));
      },
    });
    const first = run(port);
    await Promise.resolve();
    const second = await run(port);
    expect(second.event.completed).toHaveBeenCalledTimes(1);
    const busy = {
      kind: "warning",
      title: "正在评分，请稍候…",
      lines: ["上一次评分尚未完成，完成后会显示结果。"],
    };
    expect(second.returned).toEqual(busy);
    expect(second.shown).toEqual([busy]);
    expect(reads).toBe(1);
    finishRead();
    const done = await first;
    expect(done.returned.title).toBe("评分完成");
    expect(port.plans).toHaveLength(1);
    // Once the first has finished, a click runs again, even after a failure.
    const failing = await run(
      fakePort({
        read: async () => {
          throw new Error("x");
        },
      })
    );
    expect(failing.returned.kind).toBe("error");
    expect((await run(fakePort())).returned.title).toBe("评分完成");
  });

  it("resolves even when Office refuses completed()", async () => {
    const event = fakeEvent();
    event.completed.mockImplementation(() => {
      throw new Error("already completed");
    });
    await expect(runScoreCommand(fakePort(), event, async () => undefined)).resolves.toMatchObject({
      title: "评分完成",
    });
  });
});

describe("runScoreCommand in Office's language", () => {
  let consoleError: jest.SpyInstance;
  beforeEach(() => {
    consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
  });
  afterEach(() => consoleError.mockRestore());

  const english = { language: Promise.resolve("en-US" as const) };

  it("speaks English once Office says it runs in English, the write's notices included", async () => {
    const port = fakePort({
      write: async (plan) => ({
        marked: plan.marks.length,
        sheets: [{ name: "评分结果", mode: "create" }],
        ...noticesOf([{ code: "no-page-setup", sheets: ["评分结果"] }]),
      }),
    });
    const { returned } = await run(port, fakeEvent(), english);
    expect(returned.title).toBe("Scoring finished");
    expect(returned.lines).toEqual([
      "“部门自评”: total 95 / 100, rating 优 (excellent)",
      "No problems found.",
      "Results written to sheet “评分结果”.",
      "This version of Excel cannot set up pages: before printing sheet “评分结果”, choose A4 and fit to one page wide (Page Layout).",
      "Open the assistant's task pane to go to each problem.",
    ]);
  });

  it("words a port's failure in English", async () => {
    const port = fakePort({
      write: async () => {
        throw new WorkbookPortError("write-failed", { code: "workbook-protected", host: "excel" });
      },
    });
    const { returned } = await run(port, fakeEvent(), english);
    expect(returned).toEqual({
      kind: "error",
      title: "Scoring failed",
      lines: [
        "The workbook's structure is protected, so no result sheet can be added. Unprotect it (Review › Protect Workbook) and score again.",
      ],
    });
  });

  it("speaks Chinese when Office's language cannot be had", async () => {
    const { returned, event } = await run(fakePort(), fakeEvent(), {
      language: Promise.reject(new Error("Office.onReady failed")),
    });
    expect(event.completed).toHaveBeenCalledTimes(1);
    expect(returned.title).toBe("评分完成");
  });

  it("says a second click is refused in English", async () => {
    let finishRead: () => void = () => undefined;
    const port = fakePort({
      read: () => new Promise((resolve) => (finishRead = () => resolve(FORM))),
    });
    const first = run(port, fakeEvent(), english);
    await Promise.resolve();
    const second = await run(port, fakeEvent(), english);
    expect(second.returned).toEqual({
      kind: "warning",
      title: "Scoring is under way…",
      lines: ["The previous run has not finished yet; its result will be shown when it has."],
    });
    finishRead();
    expect((await first).returned.title).toBe("Scoring finished");
  });
});
