// Builds browser mode as one script for the offline file (scripts/build-offline.js inlines it
// into dist/绩效自评助手.html). Whatever chunks browser mode splits off elsewhere (the xlsx
// reader and writer, docx, …) are merged back into the one script, so nothing is ever loaded by
// URL; the example workbook comes in as a data: URL. Compiled to ES2017 (Chrome 58), which every
// current browser and the Chromium-based browsers of government desktops (360, 奇安信) run.
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");

module.exports = (...args) => {
  const argv = args[1] || {};
  const outputPath = (args[0] && args[0].outputPath) || path.resolve(__dirname, "dist-offline");
  return {
    mode: argv.mode || "production",
    target: ["web", "es2017"],
    devtool: false,
    entry: { offline: "./src/offline/index.tsx" },
    output: { path: outputPath, filename: "[name].js", publicPath: "", clean: true },
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
          use: {
            loader: "babel-loader",
            options: {
              configFile: false,
              babelrc: false,
              sourceType: "unambiguous",
              cacheDirectory: true,
              presets: [
                [
                  "@babel/preset-env",
                  {
                    targets: { chrome: "58" },
                    useBuiltIns: "usage",
                    corejs: "3.51",
                    bugfixes: true,
                  },
                ],
                "@babel/preset-react",
                "@babel/preset-typescript",
              ],
            },
          },
        },
        { test: /\.xlsx$/, type: "asset/inline" },
      ],
    },
    optimization: { splitChunks: false, runtimeChunk: false },
    plugins: [
      // Every import() lands in the one chunk: no chunk is ever requested.
      new webpack.optimize.LimitChunkCountPlugin({ maxChunks: 1 }),
      new HtmlWebpackPlugin({
        filename: "index.html",
        inject: "body",
        scriptLoading: "blocking",
        minify: false,
        templateContent: [
          "<!doctype html>",
          '<html lang="zh-CN">',
          "<head>",
          '<meta charset="UTF-8" />',
          '<meta name="viewport" content="width=device-width, initial-scale=1" />',
          "<title>绩效自评助手</title>",
          "</head>",
          "<body>",
          '<div id="container">正在加载绩效自评助手…（如长时间停在此处，请换用较新的浏览器打开本文件）</div>',
          "</body>",
          "</html>",
        ].join("\n"),
      }),
    ],
    performance: { hints: false },
  };
};
