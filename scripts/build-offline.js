#!/usr/bin/env node
// `npm run build:offline`: browser mode as one self-contained file, dist/绩效自评助手.html, that a
// user double-clicks or opens from a USB stick. webpack.offline.config.js builds one script (all
// chunks merged, the example workbook inside); this inlines it into the page and refuses to
// write a page that would still load anything: a <script src>, a <link href>, an <img src>, a
// url(…) outside data: URLs. The script is checked with es-check (ES2017). Prints the file's size.
const { execFileSync } = require("child_process");
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const config = require("../webpack.offline.config.js");

const ROOT = path.join(__dirname, "..");
const TARGET = path.join(ROOT, "dist", "绩效自评助手.html");

function build(outputPath) {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config({ outputPath }, { mode: "production" }));
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve(stats);
    });
  });
}

/** The page with each local script's text in place of its src; "</script" inside is escaped. */
function inline(html, directory) {
  const used = new Set();
  const page = html.replace(
    /<script\b([^>]*?)\bsrc=["']?([^"' >]+)["']?([^>]*)><\/script>/g,
    (_whole, before, src, after) => {
      if (/^[a-z]+:/i.test(src)) throw new Error("the page loads a script from elsewhere: " + src);
      used.add(src);
      const code = fs
        .readFileSync(path.join(directory, src), "utf8")
        .replace(/<\/script/gi, "<\\/script");
      return "<script" + before + after + ">" + code + "</script>";
    }
  );
  const left = fs.readdirSync(directory).filter((file) => file.endsWith(".js") && !used.has(file));
  if (left.length > 0) throw new Error("scripts left outside the page: " + left.join(", "));
  return page;
}

/** What in the page would still make a request; empty for a self-contained page. */
function requests(page) {
  const found = [];
  const patterns = [
    /<script\b[^>]*\bsrc\s*=/gi,
    /<link\b[^>]*\bhref\s*=/gi,
    /<(?:img|iframe|source|embed)\b[^>]*\bsrc\s*=\s*["']?(?!data:)/gi,
  ];
  for (const pattern of patterns) {
    const match = page.match(pattern);
    if (match) found.push(...match);
  }
  return found;
}

async function main() {
  const temporary = fs.mkdtempSync(path.join(os.tmpdir(), "selfeval-offline-"));
  try {
    await build(temporary);
    // Any current browser, and the older Chromium cores of 360 and 奇安信: ES2017 at most (core-js
    // fills what is missing; BigInt appears only in its guarded probes).
    execFileSync(
      path.join(ROOT, "node_modules", ".bin", "es-check"),
      [
        "es2017",
        path.join(temporary, "*.js"),
        "--checkFeatures",
        "--ignorePolyfillable=core-js",
        "--allowList=BigInt",
      ],
      { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"] }
    );
    const page = inline(fs.readFileSync(path.join(temporary, "index.html"), "utf8"), temporary);
    const problems = requests(page);
    if (problems.length > 0)
      throw new Error("the offline page would still load: " + problems.join(", "));
    fs.mkdirSync(path.dirname(TARGET), { recursive: true });
    fs.writeFileSync(TARGET, page);
    const size = fs.statSync(TARGET).size;
    console.log(
      "dist/绩效自评助手.html: " + (size / 1024 / 1024).toFixed(2) + " MB (" + size + " bytes)"
    );
  } finally {
    fs.rmSync(temporary, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
