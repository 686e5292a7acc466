// `npm run serve`: serves the production build (dist/) over plain http on this machine, for the
// task pane's browser mode and for browser tests. Office itself needs https: use `npm start` or a
// real web server for the add-in. Only node's http module, so it runs wherever Node does.
const fs = require("fs");
const http = require("http");
const path = require("path");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
};

/** The file under root that a request path names, or null when it names none (or leaves root). */
function fileFor(root, requestUrl) {
  let pathname;
  try {
    pathname = decodeURIComponent(requestUrl.split(/[?#]/)[0]);
  } catch {
    return null;
  }
  if (pathname === "/") pathname = "/taskpane.html";
  const file = path.resolve(root, "." + pathname);
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    return fs.statSync(file).isFile() ? file : null;
  } catch {
    return null;
  }
}

/** An http server for the files under root (GET and HEAD). */
function createServer(root) {
  const base = path.resolve(root);
  return http.createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD" });
      response.end();
      return;
    }
    const file = fileFor(base, request.url || "/");
    if (!file) {
      response.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
      response.end("未找到：" + request.url);
      return;
    }
    const extension = path.extname(file).toLowerCase();
    response.writeHead(200, {
      "Content-Type": TYPES[extension] || "application/octet-stream",
      "Content-Length": fs.statSync(file).size,
      // Hashed bundles never change; pages and the manifest must be fetched anew after a build.
      "Cache-Control": /\.[0-9a-f]{8}\.js$/.test(file) ? "max-age=31536000, immutable" : "no-cache",
    });
    if (request.method === "HEAD") response.end();
    else fs.createReadStream(file).pipe(response);
  });
}

module.exports = { createServer };

if (require.main === module) {
  const root = path.join(__dirname, "..", "dist");
  if (!fs.existsSync(path.join(root, "taskpane.html"))) {
    console.error("dist/ 中没有生产构建：请先运行 npm run build。");
    process.exit(1);
  }
  const port = process.env.PORT === undefined ? 3000 : Number(process.env.PORT);
  const server = createServer(root);
  server.on("error", (error) => {
    console.error("无法启动服务：" + error.message);
    process.exit(1);
  });
  server.listen(port, "127.0.0.1", () => {
    const address = "http://127.0.0.1:" + server.address().port + "/";
    console.log("Serving dist/ at " + address + "taskpane.html (Ctrl+C to stop)");
  });
}
