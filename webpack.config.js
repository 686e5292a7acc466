// Builds what runs in Office's webviews, down to ES5 with core-js polyfills: volume-licensed
// Office 2016/2019 runs add-ins in Internet Explorer 11. That is the task pane, the ribbon
// command's function file and its message dialog (each page loads office.js before its bundle),
// and the engine alone as a browser library (dist/selfeval-engine.js).
//
//   npm run build        production build into dist/; ADDIN_BASE_URL (https://…/) replaces
//                        https://localhost:3000/ in dist/manifest.xml, OFFICE_JS_URL the CDN office.js
//   npm run dev-server   https://localhost:3000 with office-addin-dev-certs' certificate if installed
const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

const DEV_URL = "https://localhost:3000/";
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const ENGINE = "selfeval-engine";

const ie11 = {
  loader: "babel-loader",
  options: {
    configFile: false,
    babelrc: false,
    // Dependencies are ES2015+ too (zod, @fluentui): compile them as scripts of unknown module type.
    sourceType: "unambiguous",
    cacheDirectory: true,
    presets: [
      [
        "@babel/preset-env",
        { targets: { ie: "11" }, useBuiltIns: "usage", corejs: "3.51", bugfixes: true },
      ],
      "@babel/preset-react",
      "@babel/preset-typescript",
    ],
  },
};

/** ADDIN_BASE_URL as the prefix the manifest's URLs get, ending in "/"; null when unset. */
function addinBaseUrl() {
  const value = (process.env.ADDIN_BASE_URL || "").trim();
  if (!value) return null;
  if (!/^https:\/\/[^/]+/.test(value)) {
    throw new Error(
      "ADDIN_BASE_URL must be an https:// address (Office loads add-ins only over HTTPS): " + value
    );
  }
  return value.endsWith("/") ? value : value + "/";
}

function rewriteManifest(content, baseUrl) {
  return baseUrl ? content.toString("utf8").split(DEV_URL).join(baseUrl) : content;
}

/**
 * How the dev server listens. office-addin-dev-certs' certificate when it is installed (trusted by
 * Office); otherwise webpack-dev-server's own self-signed one, which installs no CA (on Linux
 * office-addin-dev-certs would need sudo): browsers then ask to accept it, Office desktop will not
 * load from it. DEV_SERVER_HTTP=1 serves plain http (browser mode only).
 */
function devServerTransport() {
  if (process.env.DEV_SERVER_HTTP === "1") {
    console.warn(
      "dev-server: plain http (DEV_SERVER_HTTP=1); Office loads add-ins only over https."
    );
    return "http";
  }
  const directory = path.join(os.homedir(), ".office-addin-dev-certs");
  const file = (name) => path.join(directory, name);
  if (["localhost.crt", "localhost.key", "ca.crt"].every((name) => fs.existsSync(file(name)))) {
    return {
      type: "https",
      options: {
        ca: fs.readFileSync(file("ca.crt")),
        cert: fs.readFileSync(file("localhost.crt")),
        key: fs.readFileSync(file("localhost.key")),
      },
    };
  }
  console.warn(
    "dev-server: no certificate in " +
      directory +
      "; using a self-signed one. Run `npx office-addin-dev-certs install` for one Office trusts."
  );
  return "https";
}

module.exports = (env = {}, argv = {}) => {
  const production = (argv.mode || "production") === "production";
  const officeJsUrl = process.env.OFFICE_JS_URL || OFFICE_JS_CDN;
  const baseUrl = production ? addinBaseUrl() : null;
  if (production && !baseUrl && !env.WEBPACK_SERVE) {
    console.warn("ADDIN_BASE_URL is not set: dist/manifest.xml keeps " + DEV_URL);
  }
  const page = (filename, chunks, options) =>
    new HtmlWebpackPlugin({
      filename,
      chunks,
      inject: "body",
      scriptLoading: "blocking",
      templateParameters: { officeJsUrl },
      ...options,
    });
  // Entries other than the engine library share chunks; the engine stays one self-contained file.
  const shareable = (chunk) => chunk.name !== ENGINE;
  return {
    mode: production ? "production" : "development",
    target: ["web", "es5"],
    devtool: production ? false : "source-map",
    entry: {
      [ENGINE]: {
        import: "./src/engine/index.ts",
        library: { name: "SelfEvalEngine", type: "umd" },
      },
      taskpane: "./src/taskpane/index.tsx",
      commands: "./src/commands/commands.ts",
      message: "./src/commands/message.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      // The engine library keeps a stable name for pages outside the add-in; the rest change name
      // with their content, so Internet Explorer's cache never serves an old chunk to a new page.
      filename: (data) =>
        data.chunk.name === ENGINE || !production ? "[name].js" : "[name].[contenthash:8].js",
      chunkFilename: production ? "[name].[contenthash:8].js" : "[name].js",
      // Chunks load relative to the page: IE11 has no document.currentScript for "auto".
      publicPath: "",
      globalObject: "this",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".json"],
      // Nothing in the bundle needs Node's streams; a library probing for them gets none.
      fallback: { stream: false },
    },
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
    optimization: {
      splitChunks: { chunks: shareable },
    },
    plugins: [
      page("taskpane.html", ["taskpane"], { template: "./src/taskpane/taskpane.html" }),
      page("commands.html", ["commands"], { template: "./src/commands/commands.html" }),
      page("message.html", ["message"], { template: "./src/commands/message.html" }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (c) => rewriteManifest(c, baseUrl),
          },
        ],
      }),
    ],
    performance: { hints: false },
    devServer: env.WEBPACK_SERVE
      ? {
          host: "localhost",
          port: Number(process.env.npm_package_config_dev_server_port) || 3000,
          server: devServerTransport(),
          headers: { "Access-Control-Allow-Origin": "*" },
          static: false,
          // No React Fast Refresh here; a full reload is what Internet Explorer 11 can take.
          hot: false,
          liveReload: true,
          client: { overlay: false },
        }
      : undefined,
  };
};
