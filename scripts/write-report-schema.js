// Regenerates docs/report.schema.json from the zod types (run after `npm run build:cli`).
const fs = require("fs");
const path = require("path");
const { reportJsonSchema } = require("../lib/engine/report/reportJsonSchema.js");

const file = path.join(__dirname, "..", "docs", "report.schema.json");
fs.writeFileSync(file, JSON.stringify(reportJsonSchema(), null, 2) + "\n");
console.log("wrote " + path.relative(process.cwd(), file));
