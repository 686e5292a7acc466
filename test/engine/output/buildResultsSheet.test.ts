import { buildResultsSheet } from "../../../src/engine/output/buildResultsSheet";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { PROJECT_HEADER } from "../../helpers/templateHeaders";

describe("buildResultsSheet", () => {
  it("lists a row that does not apply as not applicable, not as a score that cannot be determined", () => {
    const sheet = sheetFromRows("表", [
      PROJECT_HEADER,
      ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 100, 100],
      ["效益指标", "生态效益指标", "指标1:/", "/", "/"],
    ]);
    const results = buildResultsSheet(scoreWorkbook(workbookOf(sheet)));
    const texts = results.rows.map((row) =>
      row.cells.map((cell) =>
        cell === null ? "" : "text" in cell ? cell.text : String(cell.number)
      )
    );
    const row = texts.find((cells) => cells[0] === "效益指标 / 生态效益指标 / 指标1:/")!;
    expect(row).toEqual([
      "效益指标 / 生态效益指标 / 指标1:/",
      "/",
      "/",
      "—",
      "—",
      "不适用",
      "不适用，不计分",
      "3",
    ]);
    const styles = results.rows.flatMap((each) =>
      each.cells.map((cell) => (cell && "style" in cell ? cell.style : ""))
    );
    expect(styles).not.toContain("error");
  });
});
