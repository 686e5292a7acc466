/**
 * The WPS adapter's records in the workbook's custom properties: split under Excel's 255-character
 * limit, read back whole, shortened without leftovers, and shared by the pane and the ribbon page.
 */
import { describeWriteNotice } from "../../../src/workbook/describePortError";
import { NO_CUSTOM_PROPERTIES, saveSettings } from "../../../src/workbook/office/saveSettings";
import { DocumentPropertyStore } from "../../../src/workbook/wps/documentStore";
import { PROPERTY_CHUNK } from "../../../src/workbook/recordChunks";
import { WpsWorkbookPort } from "../../../src/workbook/wps/wpsWorkbookPort";
import { scoreOpenWorkbook } from "../../../src/workbook/scoreOpenWorkbook";
import { FakeEtHost } from "../../helpers/fakeEt";
import { fixturePath, seedFromXlsx } from "../office/officeTestKit";

function store(host: FakeEtHost): DocumentPropertyStore {
  return new DocumentPropertyStore(() => host.application.ActiveWorkbook, ["SelfEval.Test"]);
}

function save(target: DocumentPropertyStore): Promise<{ status: string }> {
  return new Promise((resolve) => target.saveAsync(resolve));
}

test("a long setting is split over properties of at most 240 characters and read back whole", async () => {
  const host = new FakeEtHost();
  const long = { text: "说明".repeat(700) };
  const first = store(host);
  first.set("SelfEval.Test", long);
  expect(await save(first)).toEqual({ status: "succeeded" });
  const count = Number(host.properties.get("SelfEval.Test.n"));
  expect(count).toBe(Math.ceil(JSON.stringify(long).length / PROPERTY_CHUNK));
  host.properties.forEach((value) => expect(value.length).toBeLessThanOrEqual(PROPERTY_CHUNK));
  expect(store(host).get("SelfEval.Test")).toEqual(long);

  // Shorter again: the chunks it no longer needs go.
  first.set("SelfEval.Test", { text: "短" });
  await save(first);
  expect(Array.from(host.properties.keys()).sort()).toEqual(["SelfEval.Test.0", "SelfEval.Test.n"]);
  first.remove("SelfEval.Test");
  await save(first);
  expect(host.properties.size).toBe(0);
});

test("a record damaged outside the add-in reads as none", () => {
  const host = new FakeEtHost();
  host.properties.set("SelfEval.Test.n", "2");
  host.properties.set("SelfEval.Test.0", '{"a":');
  expect(store(host).get("SelfEval.Test")).toBeNull();
  host.properties.set("SelfEval.Test.1", "1}");
  expect(store(host).get("SelfEval.Test")).toEqual({ a: 1 });
});

test("a build without custom properties makes saving fail with a reason, not a crash", async () => {
  const host = new FakeEtHost();
  const broken = new DocumentPropertyStore(
    () => ({ CustomDocumentProperties: null }) as unknown as Et.Workbook,
    ["SelfEval.Test"]
  );
  broken.set("SelfEval.Test", 1);
  const result = await save(broken);
  expect(result).toMatchObject({ status: "failed", error: { code: NO_CUSTOM_PROPERTIES } });
  expect(host.properties.size).toBe(0);
  // The notice about it, as the user reads it in either language.
  const failure = await saveSettings(broken);
  expect(failure).toEqual({ detail: expect.any(String), noCustomProperties: true });
  const notice = { code: "record-not-saved" as const, host: "wps" as const, ...failure! };
  expect(describeWriteNotice(notice, "zh-CN")).toBe(
    "评分标记的记录未能保存到文档属性（此版本的 WPS 表格不支持自定义文档属性），关闭文档后“清除标记”将无法还原这些单元格原来的填充色。"
  );
  expect(describeWriteNotice(notice, "en-US")).toContain("has no custom document properties");
});

test("marks the ribbon page made are cleared from the pane: both read the workbook's record", async () => {
  const host = new FakeEtHost();
  await seedFromXlsx(host.book, fixturePath("project-school-safety-2024"));
  const ribbon = new WpsWorkbookPort(() => host.application);
  const pane = new WpsWorkbookPort(() => host.application);
  const { written } = await scoreOpenWorkbook(ribbon);
  expect(await pane.clearMarks()).toBe(written!.marked);
  expect(await ribbon.clearMarks()).toBe(0);
});
