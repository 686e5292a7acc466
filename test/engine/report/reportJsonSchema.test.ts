import { readFileSync } from "fs";
import * as path from "path";
import { reportJsonSchema } from "../../../src/engine/report/reportJsonSchema";

describe("docs/report.schema.json", () => {
  it("is the schema the zod types generate (run `npm run schema` after changing them)", () => {
    const committed = JSON.parse(
      readFileSync(path.join(__dirname, "../../../docs/report.schema.json"), "utf8")
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
  });

  it("keeps the fields other tools read", () => {
    const schema = reportJsonSchema() as { required: string[] };
    expect(schema.required).toEqual(
      expect.arrayContaining([
        "schemaVersion",
        "file",
        "profile",
        "total",
        "rating",
        "budget",
        "groups",
        "indicators",
        "problems",
        "forms",
      ])
    );
  });
});
