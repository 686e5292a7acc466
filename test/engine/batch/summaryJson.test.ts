import { readFileSync } from "fs";
import * as path from "path";
import Ajv2020 from "ajv/dist/2020";
import { buildBatchSummary, batchExitCode } from "../../../src/engine/batch/buildBatchSummary";
import { summaryJson } from "../../../src/engine/batch/summaryJson";
import { summaryJsonSchema } from "../../../src/engine/batch/summaryJsonSchema";
import { summarySchema } from "../../../src/engine/batch/summarySchema";
import { batchFile, batchForm } from "./batchForms";

const files = [
  batchFile("a/项目一.xlsx", [
    batchForm({ errors: 1, warnings: 2, alerts: ["over-completion"], statedTotal: 91 }),
  ]),
  batchFile("b.xlsx", [], { status: "failed", notes: [{ code: "encrypted" }] }),
  batchFile("c.xls", [], {
    status: "skipped",
    notes: [{ code: "legacy-format", extension: ".xls" }],
  }),
  batchFile("d.xlsx", [batchForm({ rating: "良", kind: "department", budget: null })]),
];

describe("summaryJson", () => {
  const json = summaryJson(buildBatchSummary(files, { ignored: 3 }));

  it("states each file with its status and, when not scored, why", () => {
    expect(json.schemaVersion).toBe(1);
    expect(json.files.map((file) => [file.file, file.status, file.message])).toEqual([
      ["a/项目一.xlsx", "scored", undefined],
      [
        "b.xlsx",
        "failed",
        "工作簿已加密，请先取消密码再评分（Excel：文件 › 信息 › 保护工作簿 › 用密码进行加密，清空密码后保存）。",
      ],
      ["c.xls", "skipped", expect.stringContaining("请另存为 .xlsx")],
      ["d.xlsx", "scored", undefined],
    ]);
    expect("message" in json.files[0]).toBe(false);
  });

  it("states each form's numbers with the fields the schema names, and no others", () => {
    expect(json.files[0].forms[0]).toEqual({
      sheet: "项目自评表",
      title: "项目支出绩效自评表",
      unitName: "某区教育局",
      projectName: "校园安全工程",
      kind: "project",
      year: 2024,
      budget: { budget: 100, executed: 95, rate: 0.95, unit: "万元" },
      total: { score: 92, max: 100, complete: true },
      rating: "优",
      statedTotal: 91,
      statedRating: null,
      errors: 1,
      warnings: 2,
      alerts: ["over-completion"],
    });
  });

  it("totals the files and forms", () => {
    expect(json.totals).toEqual({
      files: 4,
      scored: 2,
      forms: 2,
      failed: 1,
      skipped: 1,
      ignored: 3,
      byRating: { 优: 1, 良: 1 },
    });
  });

  it("passes its own zod schema and the committed JSON Schema", () => {
    expect(summarySchema.parse(json)).toEqual(json);
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(
      JSON.parse(readFileSync(path.join(__dirname, "../../../docs/summary.schema.json"), "utf8"))
    );
    expect(validate(JSON.parse(JSON.stringify(json)))).toBe(true);
    expect(validate({ ...json, files: [{ file: "x", status: "lost", forms: [] }] })).toBe(false);
  });
});

describe("docs/summary.schema.json", () => {
  it("is the schema the zod types generate (run `npm run schema` after changing them)", () => {
    const committed = JSON.parse(
      readFileSync(path.join(__dirname, "../../../docs/summary.schema.json"), "utf8")
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(summaryJsonSchema())));
  });
});

describe("batchExitCode", () => {
  const totals = (over: object) => ({
    files: 1,
    scored: 1,
    failed: 0,
    skipped: 0,
    ignored: 0,
    forms: 1,
    errors: 0,
    warnings: 0,
    byRating: {},
    ...over,
  });
  it("is 0 when every file scored without errors, warnings or not", () => {
    expect(batchExitCode(totals({ warnings: 5 }))).toBe(0);
  });
  it("is 1 for errors, a failed file or a skipped one", () => {
    expect(batchExitCode(totals({ errors: 1 }))).toBe(1);
    expect(batchExitCode(totals({ files: 2, failed: 1 }))).toBe(1);
    expect(batchExitCode(totals({ files: 2, skipped: 1 }))).toBe(1);
  });
  it("is 2 when nothing was scored", () => {
    expect(batchExitCode(totals({ scored: 0, failed: 1, forms: 0 }))).toBe(2);
  });
});
