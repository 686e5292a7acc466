// Regenerates docs/summary.schema.json from the zod types (run after `npm run build:cli`).
const fs = require("fs");
const path = require("path");
const { summaryJsonSchema } = require("../lib/engine/batch/summaryJsonSchema.js");

const file = path.join(__dirname, "..", "docs", "summary.schema.json");
fs.writeFileSync(file, JSON.stringify(summaryJsonSchema(), null, 2) + "\n");
console.log("wrote " + path.relative(process.cwd(), file));
