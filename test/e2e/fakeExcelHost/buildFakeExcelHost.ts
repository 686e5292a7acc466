import * as os from "os";
import * as path from "path";
import { readFileSync } from "fs";
import webpack from "webpack";

/**
 * Bundles the stand-in office.js (or, given another entry, the stand-in WPS) for the browser (only Chromium runs it, so no ES5 here). The
 * fake's API-set table, read from @types/office-js with fs, is swapped for an empty one: the
 * host in the page has every API set.
 */
export function buildFakeExcelHost(
  entry = path.join(__dirname, "fakeExcelHostEntry.ts")
): Promise<string> {
  const outputPath = path.join(
    os.tmpdir(),
    "selfeval-" + path.basename(entry, ".ts") + "-" + process.pid
  );
  const compiler = webpack({
    mode: "development",
    devtool: false,
    target: "web",
    entry,
    output: { path: outputPath, filename: "fake-office.js" },
    resolve: { extensions: [".ts", ".js"] },
    plugins: [
      new webpack.NormalModuleReplacementPlugin(
        /[\\/]helpers[\\/]excelApiSets$|^\.\/excelApiSets$/,
        path.join(__dirname, "everyApiSet.ts")
      ),
      // Only this bundle sees it: the pane's own scripts keep no global Buffer.
      new webpack.ProvidePlugin({ Buffer: [path.join(__dirname, "byteLength.ts"), "Buffer"] }),
    ],
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          use: {
            loader: "babel-loader",
            options: {
              babelrc: false,
              configFile: false,
              presets: [
                ["@babel/preset-env", { targets: { chrome: "100" } }],
                "@babel/preset-typescript",
              ],
            },
          },
        },
      ],
    },
  });
  return new Promise((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error) return reject(error);
      if (!stats || stats.hasErrors())
        return reject(new Error(stats ? stats.toString("errors-only") : "webpack failed"));
      resolve(readFileSync(path.join(outputPath, "fake-office.js"), "utf8"));
    })
  );
}
