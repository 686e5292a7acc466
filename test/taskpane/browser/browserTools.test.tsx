import { lazyBrowserTools } from "../../../src/taskpane/browser/browserTools";
import { baseNameOf, isXlsxName, XLSX_TYPE } from "../../../src/taskpane/browser/fileNames";
import { readFileBytes, saveBytes } from "../../../src/taskpane/browser/fileTransfer";

describe("browser mode's tools", () => {
  it("read a picked file's bytes", async () => {
    const bytes = await lazyBrowserTools.readFile(new Blob([new Uint8Array([1, 2, 3])]));
    expect(Array.from(bytes)).toEqual([1, 2, 3]);
    expect(Array.from(await readFileBytes(new Blob(["PK"])))).toEqual([80, 75]);
  });

  it("save through a download link named as asked, and through msSaveOrOpenBlob where it exists", () => {
    const created: Blob[] = [];
    const clicked: Array<{ href: string; download: string }> = [];
    const urls = URL as unknown as Record<string, unknown>;
    const original = { create: urls.createObjectURL, revoke: urls.revokeObjectURL };
    urls.createObjectURL = (blob: Blob) => {
      created.push(blob);
      return "blob:selfeval/1";
    };
    urls.revokeObjectURL = () => undefined;
    const click = jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (
      this: HTMLAnchorElement
    ) {
      clicked.push({ href: this.href, download: this.download });
    });
    try {
      saveBytes(new Uint8Array([80, 75]), "表-评分.xlsx", XLSX_TYPE);
      expect(clicked).toEqual([{ href: "blob:selfeval/1", download: "表-评分.xlsx" }]);
      expect(created[0].type).toBe(XLSX_TYPE);
      expect(created[0].size).toBe(2);
      expect(document.querySelector("a[download]")).toBeNull();

      const msSave = jest.fn(() => true);
      (navigator as unknown as Record<string, unknown>).msSaveOrOpenBlob = msSave;
      saveBytes(new Uint8Array([1]), "说明.docx", "application/octet-stream");
      expect(msSave).toHaveBeenCalledWith(expect.any(Blob), "说明.docx");
      expect(clicked).toHaveLength(1);
    } finally {
      delete (navigator as unknown as Record<string, unknown>).msSaveOrOpenBlob;
      urls.createObjectURL = original.create;
      urls.revokeObjectURL = original.revoke;
      click.mockRestore();
    }
  });

  it("name downloads after the file picked", () => {
    expect(baseNameOf("部门自评表.xlsx")).toBe("部门自评表");
    expect(baseNameOf("C:\\fakepath\\2024.项目.xlsx")).toBe("2024.项目");
    expect(baseNameOf(".xlsx")).toBe(".xlsx");
    expect(isXlsxName("表.XLSX")).toBe(true);
    expect(isXlsxName("表.xls")).toBe(false);
    expect(isXlsxName("表.xlsx.txt")).toBe(false);
  });
});
