/**
 * The scored copy is made by writeAll itself, once every output is checked and locked and the
 * report written (score.ts hands it a maker, LaterBytes). A copy that cannot be made must still
 * end the run as before: exit 2, the copy's own message, and every output as it was.
 */
import JSZip from "jszip";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { buildHandWrittenTemplate } from "../../workbook/xlsx/handWrittenTemplate";
import { runSelfeval } from "../../helpers/runSelfeval";

describe("selfeval score when the copy cannot be made", () => {
  it("exits 2 with the copy's message, the report and the earlier copy left as they were", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "selfeval-copy-fails-"));
    const zip = await JSZip.loadAsync(await buildHandWrittenTemplate());
    // Read by the writer only (to add its notes beside the user's), never by the reader.
    zip.file("xl/comments1.xml", "<comments><authors>");
    const input = path.join(dir, "自评表.xlsx");
    writeFileSync(input, await zip.generateAsync({ type: "uint8array" }));
    const out = path.join(dir, "自评表-评分.xlsx");
    const json = path.join(dir, "report.json");
    writeFileSync(out, "earlier copy");
    writeFileSync(json, "earlier report");

    const result = await runSelfeval("score", input, "--out", out, "--json", json);

    expect(result.code).toBe(2);
    expect(result.stderr).toContain("无法写出评分副本：部件 xl/comments1.xml 结构异常。");
    expect(result.stderr).not.toContain("内部错误");
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
    expect(readFileSync(json, "utf8")).toBe("earlier report");
    expect(readdirSync(dir).sort()).toEqual(["report.json", "自评表-评分.xlsx", "自评表.xlsx"]);
  }, 20000);
});
