import { promises as fs } from "fs";
import * as path from "path";
import { scoreWorkbook } from "../../../src/engine/scoreWorkbook";
import { buildNarrative } from "../../../src/engine/narrative/buildNarrative";
import { narrativeTemplateFor } from "../../../src/engine/narrative/narrativeTemplate";
import { renderNarrativeMarkdown } from "../../../src/engine/narrative/renderNarrativeMarkdown";
import { readXlsxGrid } from "../../../src/workbook/xlsx/readXlsxGrid";

const FIXTURES = path.join(__dirname, "../../fixtures");

async function narrativeOf(fixture: string): Promise<string> {
  const workbook = await readXlsxGrid(await fs.readFile(path.join(FIXTURES, fixture + ".xlsx")));
  const result = scoreWorkbook(workbook.grid);
  return renderNarrativeMarkdown(
    result.forms.map((form) => buildNarrative(form, narrativeTemplateFor(form.profile.id)))
  );
}

// The expected texts were written by hand from the fixtures' tables, not captured from the generator.
describe("the fixtures' 自评表说明", () => {
  it.each(["department-education-2024", "project-school-safety-2024"])(
    "%s reads as written by hand",
    async (fixture) => {
      const expected = await fs.readFile(
        path.join(FIXTURES, "narratives", fixture + ".md"),
        "utf8"
      );
      expect(await narrativeOf(fixture)).toBe(expected);
    }
  );
});
