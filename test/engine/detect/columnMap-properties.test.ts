/**
 * Any column map on any form-like sheet: detection and scoring never throw, a map's errors name
 * its entries, and every role it binds without error is where it said.
 */
import fc from "fast-check";
import { columnLetters } from "../../../src/engine/grid/address";
import { parseColumnMap } from "../../../src/engine/detect/columnMap";
import { readWorkbook } from "../../../src/engine/detect/detectForms";
import { ROLE_LABELS } from "../../../src/engine/detect/roleLabels";
import { INDICATOR_COLUMN_ROLES } from "../../../src/engine/detect/types";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { sheetFromRows, workbookOf } from "../../helpers/gridFromRows";
import { PROJECT_HEADER } from "../../helpers/templateHeaders";

const sheet = sheetFromRows("自评表", [
  PROJECT_HEADER,
  ["产出指标", "数量指标", "培训人次", "≥100人次", "120人次", 50, 50],
  ["效益指标", "社会效益指标", "知晓率", "≥90%", "88%", 50, 48.89, "宣传不足"],
]);

const entry = fc
  .record({
    sheet: fc.constantFrom(null, "自评表", "别的表"),
    role: fc.constantFrom(...INDICATOR_COLUMN_ROLES),
    column: fc.integer({ min: 1, max: 12 }),
  })
  .map(
    ({ sheet: name, role, column }) =>
      (name ? name + "!" : "") + ROLE_LABELS[role] + "=" + columnLetters(column)
  );

describe("column maps (properties)", () => {
  it("never make detection or scoring throw, and bind what they name", () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 5 }), (entries) => {
        const { map, errors } = parseColumnMap(entries.join(","));
        for (const error of errors) expect(entries).toContain(error.entry);
        const reading = readWorkbook(workbookOf(sheet), { columnMap: map });
        const result = scoreWorkbook(workbookOf(sheet), { columnMap: map });
        expect(result.report.forms.length).toBe(reading.forms.length);
        if (reading.columnMapErrors.length > 0) return;
        for (const form of reading.forms)
          for (const bound of map.entries.filter((e) => e.sheet !== "别的表"))
            if (
              !map.entries.some(
                (e) => e.role === bound.role && e.sheet === "自评表" && bound.sheet === null
              )
            )
              expect(form.table.columns[bound.role]).toBe(bound.column);
      }),
      { numRuns: 400 }
    );
  });
});
