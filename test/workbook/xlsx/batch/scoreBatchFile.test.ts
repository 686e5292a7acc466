import { readFileSync } from "fs";
import * as path from "path";
import JSZip from "jszip";
import { scoreWorkbook } from "../../../../src/engine/scoreWorkbook";
import {
  readFailureNote,
  scoreBatchFile,
} from "../../../../src/workbook/xlsx/batch/scoreBatchFile";
import { readXlsxGrid } from "../../../../src/workbook/xlsx/readXlsxGrid";
import { compoundFile } from "../../../helpers/compoundFile";

const fixtures = path.join(__dirname, "..", "..", "..", "fixtures");
const project = new Uint8Array(
  readFileSync(path.join(fixtures, "project-school-safety-2024.xlsx"))
);
const instructions = new Uint8Array(
  readFileSync(path.join(fixtures, "layouts", "instructions-only.xlsx"))
);
const options = { scoreOptions: { fileName: "x.xlsx" } };

describe("scoreBatchFile", () => {
  it("gives the forms with the numbers selfeval score reports for the file alone", async () => {
    const outcome = await scoreBatchFile(project, options);
    const alone = scoreWorkbook((await readXlsxGrid(project)).grid, { fileName: "x.xlsx" });
    expect(outcome.status).toBe("scored");
    expect(outcome.notes).toEqual([]);
    expect(outcome.forms).toHaveLength(1);
    const form = alone.report.forms[0];
    expect(outcome.forms[0]).toMatchObject({
      total: form.total,
      rating: form.rating,
      budget: {
        budget: form.budget!.amounts.budget,
        executed: form.budget!.amounts.executed,
        rate: form.budget!.rate,
        unit: "万元",
      },
      errors: 2,
      warnings: 1,
    });
    expect(outcome.problems.map((p) => p.cell)).toEqual(alone.report.problems.map((p) => p.cell));
    expect(outcome.scoredCopy).toBeNull();
    expect(outcome.docx).toBeNull();
  });

  it("makes the scored copy and the 自评表说明 when asked", async () => {
    const rendered: number[] = [];
    const outcome = await scoreBatchFile(project, {
      ...options,
      scoredCopy: true,
      renderDocx: async (documents) => {
        rendered.push(documents.length);
        return new Uint8Array([1, 2, 3]);
      },
    });
    expect(rendered).toEqual([1]);
    expect(outcome.docx).toEqual(new Uint8Array([1, 2, 3]));
    const zip = await JSZip.loadAsync(outcome.scoredCopy!);
    expect(await zip.file("xl/workbook.xml")!.async("string")).toContain('name="评分结果"');
  });

  it("notes an output that could not be made, and still gives the row", async () => {
    const outcome = await scoreBatchFile(project, {
      ...options,
      renderDocx: async () => {
        throw new Error("磁盘已满");
      },
    });
    expect(outcome.status).toBe("scored");
    expect(outcome.forms).toHaveLength(1);
    expect(outcome.notes).toEqual([{ code: "output-failed", output: "docx", detail: "磁盘已满" }]);
  });

  it("fails an empty file, an encrypted one and one that is no package", async () => {
    expect(await scoreBatchFile(new Uint8Array(0), options)).toMatchObject({
      status: "failed",
      notes: [{ code: "empty" }],
    });
    expect(
      await scoreBatchFile(compoundFile(["EncryptionInfo", "EncryptedPackage"]), options)
    ).toMatchObject({ status: "failed", notes: [{ code: "encrypted" }] });
    expect(
      await scoreBatchFile(new TextEncoder().encode("PK\u0003\u0004 not a zip"), options)
    ).toMatchObject({
      status: "failed",
      notes: [{ code: "corrupt" }],
    });
  });

  it("skips an old binary workbook and a workbook without a form, keeping earlier notes", async () => {
    expect(await scoreBatchFile(compoundFile(["Workbook"]), options)).toMatchObject({
      status: "skipped",
      notes: [{ code: "legacy-format", extension: "xls" }],
    });
    const converted = { code: "converted" as const, extension: ".et" };
    expect(await scoreBatchFile(instructions, options, [converted])).toMatchObject({
      status: "skipped",
      notes: [converted, { code: "no-form" }],
    });
  });
});

describe("readFailureNote", () => {
  it("words the reader's typed refusals by their reason", () => {
    const refusal = (reason: string) => Object.assign(new Error(reason), { reason });
    expect(readFailureNote(refusal("encrypted"))).toEqual({ code: "encrypted" });
    expect(readFailureNote(refusal("legacy-xls"))).toEqual({
      code: "legacy-format",
      extension: "xls",
    });
    expect(readFailureNote(refusal("too-large"))).toMatchObject({ code: "refused" });
    expect(readFailureNote(refusal("not-zip"))).toEqual({ code: "corrupt" });
    expect(readFailureNote(new Error("other"))).toBeNull();
  });
});
