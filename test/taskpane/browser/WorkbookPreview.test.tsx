import * as React from "react";
import { fireEvent, render, screen } from "@testing-library/react";
import type { CellMark } from "../../../src/engine/output/types";
import {
  PREVIEW_ROWS,
  WorkbookPreview,
  type PreviewSelection,
} from "../../../src/taskpane/browser/WorkbookPreview";
import { stringsFor } from "../../../src/taskpane/strings";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";

const strings = stringsFor("zh-CN");

const form = sheetFromRows(
  "自评表",
  [
    ["2024年度部门整体支出绩效自评表"],
    ["一级指标", "二级指标", "分值", "自评得分"],
    ["产出指标", "数量指标", 50, 60],
    [null, "质量指标", 50, { value: 0.969, numberFormat: "0.00%", text: "96.90%" }],
  ],
  ["A1:D1", "A3:A4"]
);
const notes = sheetFromRows("说明", [["填表说明"]]);
// The benchmark's size: 20,000 rows.
const big = sheetFromRows(
  "大表",
  Array.from({ length: 20000 }, (_, index) => ["第" + (index + 1) + "行", index + 1])
);
const marks: CellMark[] = [
  { sheet: "自评表", cell: "D3", severity: "error", note: "超过分值" },
  { sheet: "自评表", cell: "B4", severity: "warning", note: "无原因" },
];

function cell(address: string): HTMLElement {
  const found = document.querySelector('[data-cell="' + address + '"]');
  if (!found) throw new Error("no cell " + address + " drawn");
  return found as HTMLElement;
}

/** What the bar above the sheet says, part by part: the rows shown, then the legend. */
function toolbar(): string[] {
  const rows = screen.getByText(/^第 \d+–\d+ 行/);
  return Array.from(rows.parentElement!.children).map((part) => part.textContent ?? "");
}

/** The fill a legend entry shows beside its name. */
function swatch(name: string): string {
  const entry = screen.getByText(name);
  return (entry.firstElementChild as HTMLElement).style.backgroundColor;
}

function renderPreview(selection: PreviewSelection | null = null, cellMarks = marks) {
  const grid = workbookOf(form, notes, big);
  const view = render(
    <WorkbookPreview grid={grid} marks={cellMarks} selection={selection} strings={strings} />
  );
  return {
    ...view,
    select: (sheet: string, address: string, serial: number) =>
      view.rerender(
        <WorkbookPreview
          grid={grid}
          marks={cellMarks}
          selection={{ sheet, cell: address, serial }}
          strings={strings}
        />
      ),
  };
}

describe("WorkbookPreview", () => {
  it("shows a tab per sheet and the first sheet's displayed text, cells named by address", () => {
    renderPreview();
    expect(screen.getAllByRole("tab").map((tab) => tab.textContent)).toEqual([
      "自评表",
      "说明",
      "大表",
    ]);
    expect(screen.getByRole("tab", { name: "自评表" }).getAttribute("aria-selected")).toBe("true");
    expect(cell("B3").textContent).toBe("数量指标");
    expect(cell("D4").textContent).toBe("96.90%");
    expect(screen.getAllByRole("columnheader").map((header) => header.textContent)).toEqual([
      "A",
      "B",
      "C",
      "D",
    ]);
  });

  it("draws merged cells as one, spanning their area", () => {
    renderPreview();
    expect(cell("A1").getAttribute("colspan")).toBe("4");
    expect(cell("A1").textContent).toBe("2024年度部门整体支出绩效自评表");
    expect(document.querySelector('[data-cell="B1"]')).toBeNull();
    expect(cell("A3").getAttribute("rowspan")).toBe("2");
    expect(document.querySelector('[data-cell="A4"]')).toBeNull();
  });

  it("fills problem cells as scoring marked them in Excel: red for errors, yellow for warnings", () => {
    renderPreview();
    expect(cell("D3").getAttribute("data-mark")).toBe("error");
    expect(cell("D3").style.backgroundColor).toBe("rgb(255, 199, 206)"); // FFC7CE
    expect(cell("B4").getAttribute("data-mark")).toBe("warning");
    expect(cell("B4").style.backgroundColor).toBe("rgb(255, 235, 156)"); // FFEB9C
    expect(cell("C3").getAttribute("data-mark")).toBeNull();
    // Above the sheet: the rows shown, then the legend of the two fills.
    expect(toolbar()).toEqual(["第 1–4 行，共 4 行", "错误", "警告"]);
    expect(swatch("错误")).toBe("rgb(255, 199, 206)");
    expect(swatch("警告")).toBe("rgb(255, 235, 156)");
    // No 提示 among these marks: the legend does not name it.
    expect(screen.queryByText("提示")).toBeNull();
  });

  it("fills a 提示 cell in Excel's light blue for what a rule did, and the legend names it", () => {
    renderPreview(null, [
      ...marks,
      { sheet: "自评表", cell: "A2", severity: "info", note: "不适用，不考核该指标" },
    ]);
    expect(cell("A2").getAttribute("data-mark")).toBe("info");
    expect(cell("A2").style.backgroundColor).toBe("rgb(221, 235, 247)"); // DDEBF7
    expect(toolbar()).toEqual(["第 1–4 行，共 4 行", "错误", "警告", "提示"]);
    expect(swatch("提示")).toBe("rgb(221, 235, 247)");
  });

  it("marks the selected cell, on its own sheet, and moves the mark with the next selection", () => {
    const view = renderPreview();
    expect(document.querySelector("[data-selected]")).toBeNull();
    view.select("自评表", "D3", 1);
    expect(cell("D3").getAttribute("data-selected")).toBe("true");
    expect(cell("D3").getAttribute("aria-selected")).toBe("true");
    view.select("说明", "A1", 2);
    expect(screen.getByRole("tab", { name: "说明" }).getAttribute("aria-selected")).toBe("true");
    expect(cell("A1").textContent).toBe("填表说明");
    expect(cell("A1").getAttribute("data-selected")).toBe("true");
    expect(document.querySelectorAll("[data-selected]")).toHaveLength(1);
  });

  it("marks a merged area when one of its covered cells is selected", () => {
    const view = renderPreview();
    view.select("自评表", "A4", 1);
    expect(cell("A3").getAttribute("data-selected")).toBe("true");
  });

  it("scrolls the selected cell into view", () => {
    const scrolled: string[] = [];
    const original = HTMLElement.prototype.scrollIntoView;
    HTMLElement.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this.getAttribute("data-cell") ?? "?");
    };
    try {
      const view = renderPreview();
      view.select("大表", "B15000", 1);
      expect(scrolled).toEqual(["B15000"]);
    } finally {
      HTMLElement.prototype.scrollIntoView = original;
    }
  });

  it("draws a bounded window of a 20,000-row sheet, moving it to a selected row", () => {
    const view = renderPreview();
    fireEvent.click(screen.getByRole("tab", { name: "大表" }));
    expect(document.querySelectorAll("tbody tr")).toHaveLength(PREVIEW_ROWS);
    expect(toolbar()[0]).toBe("第 1–" + PREVIEW_ROWS + " 行，共 20000 行");
    expect(document.querySelector('[data-cell="A15000"]')).toBeNull();

    view.select("大表", "A15000", 1);
    expect(document.querySelectorAll("tbody tr")).toHaveLength(PREVIEW_ROWS);
    expect(cell("A15000").textContent).toBe("第15000行");
    expect(cell("A15000").getAttribute("data-selected")).toBe("true");
    expect(cell("A14990").textContent).toBe("第14990行");
    const [first, last] = toolbar()[0].match(/\d+/g)!.map(Number);
    expect(last - first + 1).toBe(PREVIEW_ROWS);
    expect(first <= 15000 && 15000 <= last).toBe(true);

    // The window's last page ends at the last row.
    view.select("大表", "B20000", 2);
    expect(cell("B20000").textContent).toBe("20000");
    expect(document.querySelectorAll("tbody tr")).toHaveLength(PREVIEW_ROWS);
  });

  it("pages through a long sheet", () => {
    renderPreview();
    fireEvent.click(screen.getByRole("tab", { name: "大表" }));
    expect(screen.getByRole("button", { name: "上一页" }).hasAttribute("disabled")).toBe(true);
    fireEvent.click(screen.getByRole("button", { name: "下一页" }));
    expect(cell("A" + (PREVIEW_ROWS + 1)).textContent).toBe("第" + (PREVIEW_ROWS + 1) + "行");
    fireEvent.click(screen.getByRole("button", { name: "上一页" }));
    expect(cell("A1").textContent).toBe("第1行");
  });

  it("says when a sheet is empty", () => {
    render(
      <WorkbookPreview
        grid={workbookOf(sheetFromRows("空表", []))}
        marks={[]}
        selection={null}
        strings={strings}
      />
    );
    expect(screen.queryByRole("grid")).toBeNull();
    expect(screen.getByText(/为空/).textContent).toBe("此工作表为空。");
  });
});
