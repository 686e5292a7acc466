import { readFileSync } from "fs";
import * as path from "path";
import { inspectJsonSchema } from "../../../src/engine/report/inspectSchema";

describe("docs/inspect.schema.json", () => {
  it("is the schema the zod types generate (run `npm run schema` after changing them)", () => {
    const committed = JSON.parse(
      readFileSync(path.join(__dirname, "../../../docs/inspect.schema.json"), "utf8")
    );
    expect(committed).toEqual(JSON.parse(JSON.stringify(inspectJsonSchema())));
  });

  it("keeps the fields the issue named", () => {
    const schema = inspectJsonSchema() as {
      required: string[];
      properties: { forms: { items: { required: string[] } } };
    };
    expect(schema.required).toEqual(expect.arrayContaining(["schemaVersion", "forms"]));
    expect(schema.properties.forms.items.required).toEqual(
      expect.arrayContaining([
        "sheet",
        "title",
        "headerRows",
        "columns",
        "maxSource",
        "indicatorRows",
        "skippedRows",
      ])
    );
  });
});
