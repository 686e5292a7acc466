// Builds what runs in Office's webviews, down to ES5 with core-js polyfills: volume-licensed
// Office 2016/2019 runs add-ins in Internet Explorer 11. For now that is the engine as a browser
// library (dist/selfeval-engine.js); the task pane and command pages join it with the add-in.
const path = require("path");

const ie11 = {
  loader: "babel-loader",
  options: {
    configFile: false,
    babelrc: false,
    // Dependencies are ES2015+ too (zod): compile them as scripts of unknown module type.
    sourceType: "unambiguous",
    presets: [
      [
        "@babel/preset-env",
        { targets: { ie: "11" }, useBuiltIns: "usage", corejs: "3.51", bugfixes: true },
      ],
      "@babel/preset-typescript",
    ],
  },
};

module.exports = (_env, argv = {}) => ({
  mode: argv.mode || "production",
  target: ["web", "es5"],
  devtool: argv.mode === "development" ? "source-map" : false,
  entry: { "selfeval-engine": "./src/engine/index.ts" },
  output: {
    path: path.resolve(__dirname, "dist"),
    filename: "[name].js",
    library: { name: "SelfEvalEngine", type: "umd" },
    globalObject: "this",
    clean: true,
  },
  resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
  module: {
    rules: [
      {
        test: /\.[cm]?[jt]sx?$/,
        // core-js must not be run through its own polyfill injection.
        exclude: /node_modules[\\/](core-js|webpack)[\\/]/,
        use: ie11,
      },
    ],
  },
  performance: { hints: false },
});
