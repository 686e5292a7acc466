#!/usr/bin/env node
// `npm run build:wps`: the WPS 表格 add-in in dist-wps/, in the two forms bureaus deploy:
//
//   dist-wps/selfeval_<version>/      the add-in folder (ribbon.xml, index.html, main.js, …)
//   dist-wps/publish.xml              for a user's own jsaddons folder, beside that folder
//   dist-wps/selfeval_<version>.7z    the offline package an intranet server offers
//   dist-wps/jsplugins.xml            the list that names it (oem.ini JSPluginsServer=…)
//
// WPS_ADDIN_BASE_URL (http(s)://…/) is where the .7z will be served; without it jsplugins.xml
// names a placeholder address to replace. The .7z is made with 7zip-bin's 7za.
const { execFileSync } = require("child_process");
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const config = require("../webpack.wps.config.js");
const { version } = require("../package.json");

const ROOT = path.join(__dirname, "..");
const OUT = path.join(ROOT, "dist-wps");
const PLACEHOLDER_BASE = "http://wps-addins.example.gov.cn/selfeval/";

function baseUrl() {
  const value = (process.env.WPS_ADDIN_BASE_URL || "").trim();
  if (!value) {
    console.warn("WPS_ADDIN_BASE_URL is not set: dist-wps/jsplugins.xml names " + PLACEHOLDER_BASE);
    return PLACEHOLDER_BASE;
  }
  if (!/^https?:\/\/[^/]+/.test(value))
    throw new Error("WPS_ADDIN_BASE_URL must be an http:// or https:// address: " + value);
  return value.endsWith("/") ? value : value + "/";
}

function escapeAttribute(text) {
  return text.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
}

/** publish.xml as WPS keeps it in jsaddons/: the add-in in the folder <name>_<version> beside it. */
function publishXml() {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<jsplugins>",
    '  <jsplugin name="' +
      config.ADDIN_NAME +
      '" type="et" url="' +
      config.ADDIN_FOLDER +
      '" version="' +
      version +
      '" enable="enable_dev" install="null" customDomain=""/>',
    "</jsplugins>",
    "",
  ].join("\n");
}

/** jsplugins.xml for an intranet server: the offline package, downloaded once by each WPS. */
function jspluginsXml(base) {
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    "<jsplugins>",
    '  <jsplugin name="' +
      config.ADDIN_NAME +
      '" type="et" version="' +
      version +
      '" url="' +
      escapeAttribute(base + config.ADDIN_FOLDER + ".7z") +
      '"/>',
    "</jsplugins>",
    "",
  ].join("\n");
}

/** 7zip-bin's 7za for this machine; npm may unpack it without its execute bit. */
function sevenZip() {
  const binary = require("7zip-bin").path7za;
  try {
    fs.accessSync(binary, fs.constants.X_OK);
  } catch {
    fs.chmodSync(binary, 0o755);
  }
  return binary;
}

function build() {
  return new Promise((resolve, reject) => {
    const compiler = webpack(config({}, { mode: process.env.WPS_BUILD_MODE || "production" }));
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (stats.hasErrors()) return reject(new Error(stats.toString("errors-only")));
      resolve(stats);
    });
  });
}

async function main() {
  const base = baseUrl();
  fs.rmSync(OUT, { recursive: true, force: true });
  await build();
  fs.writeFileSync(path.join(OUT, "publish.xml"), publishXml());
  fs.writeFileSync(path.join(OUT, "jsplugins.xml"), jspluginsXml(base));
  const archive = path.join(OUT, config.ADDIN_FOLDER + ".7z");
  // The archive holds the folder itself: WPS unpacks it into jsaddons/<name>_<version>/.
  execFileSync(sevenZip(), ["a", "-t7z", "-bd", archive, config.ADDIN_FOLDER], {
    cwd: OUT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const files = fs.readdirSync(path.join(OUT, config.ADDIN_FOLDER));
  console.log(
    "dist-wps/" +
      config.ADDIN_FOLDER +
      "/ (" +
      files.length +
      " files), publish.xml, jsplugins.xml, " +
      path.basename(archive) +
      " (" +
      (fs.statSync(archive).size / 1024).toFixed(0) +
      " KiB)"
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
