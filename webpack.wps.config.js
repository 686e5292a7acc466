// Builds the WPS 表格 add-in (WPS 加载项) into dist-wps/<name>_<version>/: the hidden entry page
// (index.html → main.js, the ribbon's callbacks), ribbon.xml, the task pane and the message
// dialog — none of them loads office.js. WPS runs add-ins in its own Chromium (CEF, its version
// unpublished; one field report shows a build without Chrome 92's crypto.randomUUID), so the
// code is compiled down to ES2017 (Chrome 58) with core-js polyfills. scripts/build-wps.js runs
// this and writes publish.xml, jsplugins.xml and the .7z beside the folder.
const fs = require("fs");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const { version } = require("./package.json");

/** The add-in's name in WPS's lists; its folder is <name>_<version>, as WPS expects. */
const ADDIN_NAME = "selfeval";
const ADDIN_FOLDER = ADDIN_NAME + "_" + version;

const es2017 = {
  loader: "babel-loader",
  options: {
    configFile: false,
    babelrc: false,
    sourceType: "unambiguous",
    cacheDirectory: true,
    presets: [
      [
        "@babel/preset-env",
        { targets: { chrome: "58" }, useBuiltIns: "usage", corejs: "3.51", bugfixes: true },
      ],
      "@babel/preset-react",
      "@babel/preset-typescript",
    ],
  },
};

/** The Excel add-in's dialog page without its office.js script. */
function messagePage() {
  return fs
    .readFileSync(path.join(__dirname, "src/commands/message.html"), "utf8")
    .replace(/\s*<script src="<%= officeJsUrl %>"><\/script>/, "");
}

const taskpaneHtml = [
  "<!doctype html>",
  '<html lang="zh-CN">',
  "<head>",
  '<meta charset="UTF-8" />',
  '<meta name="viewport" content="width=device-width, initial-scale=1" />',
  "<title>绩效自评助手</title>",
  "</head>",
  "<body>",
  '<div id="container">正在加载绩效自评助手…</div>',
  "</body>",
  "</html>",
].join("\n");

module.exports = (...args) => {
  const argv = args[1] || {};
  const production = (argv.mode || "production") === "production";
  return {
    mode: production ? "production" : "development",
    target: ["web", "es2017"],
    devtool: false,
    entry: {
      main: "./src/wps/main.ts",
      taskpane: "./src/wps/taskpane.tsx",
      message: "./src/commands/message.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist-wps", ADDIN_FOLDER),
      // Fixed names: index.html names main.js, and a new version is a new folder.
      filename: "[name].js",
      chunkFilename: "[name].js",
      // Offline add-ins run from file://: chunks load relative to the page, by script tag.
      publicPath: "",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      alias: { jszip$: path.resolve(__dirname, "node_modules/jszip/lib/index.js") },
      fallback: { stream: false },
    },
    module: {
      rules: [
        {
          test: /\.[cm]?[jt]sx?$/,
          exclude: /node_modules[\\/](core-js|webpack)[\\/]/,
          use: es2017,
        },
      ],
    },
    plugins: [
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        chunks: ["taskpane"],
        inject: "body",
        scriptLoading: "blocking",
        templateContent: taskpaneHtml,
      }),
      new HtmlWebpackPlugin({
        filename: "message.html",
        chunks: ["message"],
        inject: "body",
        scriptLoading: "blocking",
        templateContent: messagePage(),
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "src/wps/index.html", to: "index.html" },
          { from: "src/wps/ribbon.xml", to: "ribbon.xml" },
          {
            from: "src/wps/manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString("utf8").replace("__VERSION__", version),
          },
          { from: "assets/icon-*.png", to: "assets/[name][ext]" },
        ],
      }),
    ],
    performance: { hints: false },
  };
};

module.exports.ADDIN_NAME = ADDIN_NAME;
module.exports.ADDIN_FOLDER = ADDIN_FOLDER;
