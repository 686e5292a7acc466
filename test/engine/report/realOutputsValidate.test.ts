/**
 * The committed JSON Schemas hold for what the tool really writes, checked with ajv (a second
 * implementation besides zod): `selfeval score --json` for the bundled examples, the test
 * workbooks and every real table of the corpus under every bundled rule set; `selfeval inspect
 * --json` for the same files; and `selfeval batch --json` over all of them.
 */
import { mkdtempSync, readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import type { ValidateFunction } from "ajv";
import { runBatch } from "../../../src/cli/commands/batch";
import { main } from "../../../src/cli/main";
import { RULE_SET_IDS } from "../../../src/engine/catalog";

const root = path.join(__dirname, "..", "..", "..");
const fixtures = path.join(root, "test", "fixtures");

function xlsxIn(folder: string): string[] {
  return readdirSync(folder)
    .filter((name) => name.endsWith(".xlsx"))
    .map((name) => path.join(folder, name));
}

/** The examples, the test workbooks with forms, and the corpus of real tables. */
const WORKBOOKS = [
  ...xlsxIn(path.join(root, "assets", "examples")),
  ...xlsxIn(path.join(fixtures, "layouts")).filter((file) => !/instructions-only/.test(file)),
  ...xlsxIn(path.join(fixtures, "real")),
  path.join(fixtures, "libreoffice", "libreoffice-saved-copy.xlsx"),
];

function schema(name: string): ValidateFunction {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(readFileSync(path.join(root, "docs", name), "utf8")));
}

const quiet = { stdout: () => undefined, stderr: () => undefined };
const label = (file: string) => path.relative(root, file);

/** The errors ajv finds, as readable lines; [] when the document is valid. */
function errorsOf(validate: ValidateFunction, document: unknown): string[] {
  if (validate(document)) return [];
  return (validate.errors ?? []).map((error) => error.instancePath + " " + error.message);
}

describe("docs/report.schema.json, against the reports selfeval writes", () => {
  const validate = schema("report.schema.json");
  const dir = mkdtempSync(path.join(tmpdir(), "selfeval-schema-"));

  it.each(WORKBOOKS.map(label))("holds for %s under every bundled rule set", async (file) => {
    for (const rules of RULE_SET_IDS) {
      const json = path.join(dir, path.basename(file) + "." + rules + ".json");
      const code = await main(
        ["score", path.join(root, file), "--rules", rules, "--json", json],
        quiet
      );
      expect(code).toBeLessThan(2);
      const report = JSON.parse(readFileSync(json, "utf8"));
      expect({ rules, errors: errorsOf(validate, report) }).toEqual({ rules, errors: [] });
    }
  });

  it("refuses a report that breaks it, so the checks above can fail", async () => {
    const json = path.join(dir, "broken.json");
    await main(["score", WORKBOOKS[0], "--json", json], quiet);
    const report = JSON.parse(readFileSync(json, "utf8"));
    expect(errorsOf(validate, report)).toEqual([]);
    expect(errorsOf(validate, { ...report, total: { ...report.total, score: "98" } })).not.toEqual(
      []
    );
    const { indicators, ...withoutIndicators } = report;
    expect(indicators.length).toBeGreaterThan(0);
    expect(errorsOf(validate, withoutIndicators)).not.toEqual([]);
  });
});

describe("docs/inspect.schema.json, against selfeval inspect --json", () => {
  const validate = schema("inspect.schema.json");
  const dir = mkdtempSync(path.join(tmpdir(), "selfeval-schema-"));

  it.each([...WORKBOOKS, path.join(fixtures, "layouts", "instructions-only.xlsx")].map(label))(
    "holds for %s",
    async (file) => {
      const json = path.join(dir, path.basename(file) + ".json");
      await main(["inspect", path.join(root, file), "--json", json], quiet);
      expect(errorsOf(validate, JSON.parse(readFileSync(json, "utf8")))).toEqual([]);
    }
  );

  it("refuses an inspection that breaks it", async () => {
    const json = path.join(dir, "broken.json");
    await main(["inspect", WORKBOOKS[0], "--json", json], quiet);
    const inspection = JSON.parse(readFileSync(json, "utf8"));
    expect(errorsOf(validate, inspection)).toEqual([]);
    const form = inspection.forms[0];
    const broken = { ...inspection, forms: [{ ...form, maxSource: "guessed" }] };
    expect(errorsOf(validate, broken)).not.toEqual([]);
  });
});

describe("docs/summary.schema.json, against selfeval batch --json", () => {
  it("holds for the batch of every workbook above, and refuses one that breaks it", async () => {
    const validate = schema("summary.schema.json");
    const json = path.join(mkdtempSync(path.join(tmpdir(), "selfeval-schema-")), "汇总.json");
    const code = await runBatch([...WORKBOOKS, "--json", json, "--quiet"], quiet, {
      cores: () => 1,
      workerScript: () => null,
      converter: async () => null,
      progress: null,
      onInterrupt: () => () => undefined,
    });
    expect(code).toBeLessThan(2);
    const summary = JSON.parse(readFileSync(json, "utf8"));
    expect(summary.totals.files).toBe(WORKBOOKS.length);
    expect(errorsOf(validate, summary)).toEqual([]);
    expect(
      errorsOf(validate, { ...summary, totals: { ...summary.totals, forms: "2" } })
    ).not.toEqual([]);
  });
});
