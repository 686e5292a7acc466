// Regenerates docs/report.schema.json and docs/inspect.schema.json from the zod types (run after
// `npm run build:cli`).
const fs = require("fs");
const path = require("path");
const { reportJsonSchema } = require("../lib/engine/report/reportJsonSchema.js");
const { inspectJsonSchema } = require("../lib/engine/report/inspectSchema.js");

for (const [name, schema] of [
  ["report.schema.json", reportJsonSchema()],
  ["inspect.schema.json", inspectJsonSchema()],
]) {
  const file = path.join(__dirname, "..", "docs", name);
  fs.writeFileSync(file, JSON.stringify(schema, null, 2) + "\n");
  console.log("wrote " + path.relative(process.cwd(), file));
}
