// Builds the selfeval command line into lib/selfeval/ (`npm run build:cli`, run by `npm ci` through
// "prepare"): one file for the command, one for the batch's worker threads, and a chunk for each
// part a run loads only when asked for (docx, zod's checks). Node reads, resolves and compiles one
// file instead of about 150 small CommonJS files from tsc, which was most of a fresh process's
// start (see README "Benchmark"). Dependencies (ssf, docx, zod) are bundled too: nothing under
// node_modules is resolved at run time.
const path = require("path");

module.exports = {
  mode: "production",
  target: "node20",
  context: __dirname,
  entry: {
    cli: "./src/cli/main.ts",
    batchWorker: "./src/cli/batch/batchWorker.ts",
  },
  output: {
    path: path.resolve(__dirname, "lib", "selfeval"),
    filename: "[name].js",
    chunkFilename: "[name].js",
    library: { type: "commonjs2" },
    clean: true,
  },
  // __dirname is the bundle's own folder (lib/selfeval/), as it is lib/cli/ for tsc's files:
  // package.json is two levels up from both, and the worker entry sits beside the command.
  node: { __dirname: false, __filename: false },
  devtool: false,
  optimization: {
    // Names in stack traces and profiles stay readable; the files are read once and never sent.
    minimize: process.env.MIN === "1",
    // The command and the worker are entries of their own: each loads only its own file.
    splitChunks: false,
    chunkIds: "named",
  },
  performance: { hints: false },
  stats: "errors-warnings",
  resolve: { extensions: [".ts", ".js", ".json"] },
  module: {
    rules: [
      {
        test: /\.ts$/,
        exclude: /node_modules/,
        use: {
          loader: "babel-loader",
          options: {
            configFile: false,
            babelrc: false,
            cacheDirectory: true,
            // Node 20 runs ES2022 as it is: only the types are taken out; import() stays for
            // webpack to split.
            presets: [
              ["@babel/preset-env", { targets: { node: "20" }, modules: false }],
              "@babel/preset-typescript",
            ],
          },
        },
      },
    ],
  },
};
