import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { StagedFolder } from "../../../src/cli/batch/stagedFolder";

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), "selfeval-staged-"));
}

function stage(folder: StagedFolder, relative: string, text: string): void {
  const file = folder.pathFor(relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe("StagedFolder", () => {
  it("creates the folder and its missing parents only at the commit", async () => {
    const root = scratch();
    const target = path.join(root, "a", "b");
    const folder = await StagedFolder.create(target);
    stage(folder, "x/y.xlsx", "1");
    expect(existsSync(target)).toBe(false);
    await folder.commit();
    await folder.discard();
    expect(readFileSync(path.join(target, "x", "y.xlsx"), "utf8")).toBe("1");
    expect(readdirSync(root)).toEqual(["a"]);
  });

  it("stages inside an existing folder, replaces files of the same name and leaves others", async () => {
    const target = scratch();
    writeFileSync(path.join(target, "old.xlsx"), "old");
    writeFileSync(path.join(target, "keep.txt"), "keep");
    const folder = await StagedFolder.create(target);
    expect(path.dirname(folder.staging)).toBe(target);
    stage(folder, "old.xlsx", "new");
    await folder.commit();
    await folder.discard();
    expect(readFileSync(path.join(target, "old.xlsx"), "utf8")).toBe("new");
    expect(readdirSync(target).sort()).toEqual(["keep.txt", "old.xlsx"]);
  });

  it("undoes a commit: the replaced file comes back and created folders go", async () => {
    const root = scratch();
    const target = path.join(root, "out");
    mkdirSync(target);
    writeFileSync(path.join(target, "a.xlsx"), "before");
    const folder = await StagedFolder.create(target);
    stage(folder, "a.xlsx", "after");
    stage(folder, "sub/b.xlsx", "b");
    const undo = await folder.commit();
    expect(readFileSync(path.join(target, "a.xlsx"), "utf8")).toBe("after");
    await undo();
    await folder.discard();
    expect(readdirSync(target)).toEqual(["a.xlsx"]);
    expect(readFileSync(path.join(target, "a.xlsx"), "utf8")).toBe("before");
  });

  it("puts everything back when a move fails half way (a folder where a file should go)", async () => {
    const target = scratch();
    writeFileSync(path.join(target, "a.xlsx"), "before");
    mkdirSync(path.join(target, "b.xlsx"));
    const folder = await StagedFolder.create(target);
    stage(folder, "a.xlsx", "after");
    stage(folder, "b.xlsx", "b");
    await expect(folder.commit()).rejects.toMatchObject({ code: "EISDIR" });
    await folder.discard();
    expect(readFileSync(path.join(target, "a.xlsx"), "utf8")).toBe("before");
    expect(readdirSync(target).sort()).toEqual(["a.xlsx", "b.xlsx"]);
  });

  it("refuses a target under a file", async () => {
    const root = scratch();
    writeFileSync(path.join(root, "file"), "");
    await expect(StagedFolder.create(path.join(root, "file", "out"))).rejects.toMatchObject({
      code: "ENOTDIR",
    });
  });
});
