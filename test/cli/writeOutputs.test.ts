/**
 * The all-or-nothing writer, attacked as in issues 12 and 15: late failures, planted links,
 * devices and FIFOs, long names, concurrent runs, and every way the file system can say no.
 */
import { execFileSync, spawn, spawnSync } from "child_process";
import {
  constants,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  promises as fsp,
  readFileSync,
  readdirSync,
  realpathSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "fs";
import type { FileHandle } from "fs/promises";
import { tmpdir } from "os";
import * as path from "path";
import { UsageFailure } from "../../src/cli/cliIo";
import { fileErrorText, knownFileErrorCodes } from "../../src/cli/fileErrors";
import {
  checkOutputNames,
  samePath,
  writeAll,
  type OutputFileSystem,
} from "../../src/cli/writeOutputs";

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), "selfeval-write-"));
}

function systemError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(code + ": injected"), { code });
}

/** The message writeAll failed with (it must fail with a UsageFailure). */
async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(UsageFailure);
    return (error as Error).message;
  }
  throw new Error("expected a failure");
}

/** Files the writer may leave behind: temporary files, kept-aside originals, locks. */
function leftovers(dir: string): string[] {
  return readdirSync(dir).filter((name) => name.startsWith(".selfeval-"));
}

const isLinux = process.platform === "linux";
const linuxIt = isLinux ? it : it.skip;

describe("writeAll writes every output or none", () => {
  it("writes text made piece by piece (a large report) whole, through its temporary file", async () => {
    const dir = scratch();
    const json = path.join(dir, "j.json");
    writeFileSync(json, "earlier report");
    // Pieces of every size, Chinese among them, past the writer's megabyte per write.
    const piece = (i: number) => "「指标" + i + "」" + "x".repeat(i % 97) + "\n";
    const count = 40000;
    await writeAll([
      {
        file: json,
        bytes: {
          *chunks() {
            for (let i = 0; i < count; i++) yield piece(i);
          },
        },
      },
    ]);
    let expected = "";
    for (let i = 0; i < count; i++) expected += piece(i);
    expect(readFileSync(json, "utf8")).toBe(expected);
    expect(readdirSync(dir)).toEqual(["j.json"]);
  });

  it("writes a piece larger than a write, and a pair of surrogates split between two pieces, as the text joined", async () => {
    const dir = scratch();
    const json = path.join(dir, "j.json");
    const pieces = ["开", "头".repeat(400000), "x".repeat(349525) + "\ud83d", "\ude00尾", "\ud83d"];
    await writeAll([
      {
        file: json,
        bytes: {
          *chunks() {
            yield* pieces;
          },
        },
      },
    ]);
    expect(readFileSync(json).equals(Buffer.from(pieces.join(""), "utf8"))).toBe(true);
  });

  it("begins bytes made later once every output is checked and the others are written", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    const json = path.join(dir, "j.json");
    writeFileSync(out, "earlier copy");
    const order: string[] = [];
    let begun: () => void = () => undefined;
    const copyBegun = new Promise<void>((resolve) => (begun = resolve));
    let finish: (bytes: Uint8Array) => void = () => undefined;
    const written = writeAll([
      {
        file: out,
        bytes: {
          make: () => {
            // Begun after the checks and the report: its lock and the report's temporary
            // file are there already.
            const there = leftovers(dir);
            order.push(
              "copy begun" +
                (there.some((name) => name.endsWith(".lock")) ? ", locked" : "") +
                (there.some((name) => name.endsWith(".tmp")) ? ", report written" : "")
            );
            begun();
            return new Promise<Uint8Array>((resolve) => (finish = resolve));
          },
        },
      },
      {
        file: json,
        bytes: {
          *chunks() {
            order.push("report made");
            yield "{}";
          },
        },
      },
    ]);
    await copyBegun;
    expect(order).toEqual(["report made", "copy begun, locked, report written"]);
    // Nothing is replaced before both are made.
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
    expect(existsSync(json)).toBe(false);
    finish(new Uint8Array([80, 75]));
    await written;
    expect(readFileSync(out, "utf8")).toBe("PK");
    expect(readFileSync(json, "utf8")).toBe("{}");
    expect(leftovers(dir)).toEqual([]);
  });

  it("takes a maker that throws at once as one whose bytes failed: the failure goes on as it is", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    writeFileSync(out, "earlier copy");
    const cause = new UsageFailure("评分副本无法生成。");
    await expect(
      writeAll([
        {
          file: out,
          bytes: {
            make: () => {
              throw cause;
            },
          },
        },
      ])
    ).rejects.toBe(cause);
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
    expect(leftovers(dir)).toEqual([]);
  });

  it("passes a failure to make bytes on as it is, with every output left as it was", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    const json = path.join(dir, "j.json");
    writeFileSync(out, "earlier copy");
    writeFileSync(json, "earlier report");
    const cause = new UsageFailure("评分副本无法生成：某个部件无法读取。");
    for (const file of [out, "-"]) {
      const written: Array<Uint8Array | string> = [];
      await expect(
        writeAll(
          [
            { file, bytes: { make: () => Promise.reject(cause) } },
            { file: json, bytes: "new report" },
          ],
          { standardOutput: async (bytes) => void written.push(bytes) }
        )
      ).rejects.toBe(cause);
      expect(written).toEqual([]);
      expect(readFileSync(out, "utf8")).toBe("earlier copy");
      expect(readFileSync(json, "utf8")).toBe("earlier report");
      expect(leftovers(dir)).toEqual([]);
    }
  });

  it("never begins bytes made later when an output fails its checks", async () => {
    const dir = scratch();
    let begun = false;
    const message = await failureOf(
      writeAll([
        {
          file: path.join(dir, "o.xlsx"),
          bytes: { make: async () => ((begun = true), new Uint8Array(1)) },
        },
        { file: path.join(dir, "missing", "j.json"), bytes: "report" },
      ])
    );
    expect(message).toContain("j.json");
    expect(begun).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it("leaves every output as it was when text made piece by piece fails half way", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    const json = path.join(dir, "j.json");
    writeFileSync(out, "earlier copy");
    writeFileSync(json, "earlier report");
    const failing = {
      *chunks(): Generator<string> {
        for (let i = 0; i < 3000; i++) yield "y".repeat(1000);
        throw systemError("ENOSPC");
      },
    };
    const message = await failureOf(
      writeAll([
        { file: out, bytes: "new copy" },
        { file: json, bytes: failing },
      ])
    );
    expect(message).toContain(json);
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
    expect(readFileSync(json, "utf8")).toBe("earlier report");
    expect(leftovers(dir)).toEqual([]);
  });

  it("leaves every output as it was when the disk fills while text made piece by piece is written", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    const json = path.join(dir, "j.json");
    writeFileSync(out, "earlier copy");
    writeFileSync(json, "earlier report");
    let writes = 0;
    let closedWhileWriting = false;
    // Two buffers take turns, but one write at a time goes to a file: never two in flight.
    let mostAtOnce = 0;
    const fileSystem: Partial<OutputFileSystem> = {
      open: (async (file: string, flags: number, mode?: number) => {
        const handle = await fsp.open(file, flags, mode);
        if (path.dirname(file) !== realpathSync(dir) || !file.endsWith(".tmp")) return handle;
        let writing = 0;
        // The third megabyte's write fails, after a wait: no write may still be running when
        // the file is closed and removed.
        const write = (async (...args: Parameters<FileHandle["write"]>) => {
          writing++;
          mostAtOnce = Math.max(mostAtOnce, writing);
          try {
            await new Promise((resolve) => setTimeout(resolve, 20));
            if (++writes === 3) throw systemError("ENOSPC");
            return await (handle.write as (...a: unknown[]) => unknown)(...args);
          } finally {
            writing--;
          }
        }) as FileHandle["write"];
        const close = async () => {
          if (writing > 0) closedWhileWriting = true;
          return handle.close();
        };
        return new Proxy(handle, {
          get: (target, name) =>
            name === "write" ? write : name === "close" ? close : Reflect.get(target, name),
        });
      }) as OutputFileSystem["open"],
    };
    const message = await failureOf(
      writeAll(
        [
          { file: out, bytes: "new copy" },
          {
            file: json,
            bytes: {
              *chunks() {
                for (let i = 0; i < 6000; i++) yield "指标".repeat(500);
              },
            },
          },
        ],
        { fileSystem }
      )
    );
    expect(message).toBe("无法写出 " + json + "：磁盘空间不足。");
    expect(closedWhileWriting).toBe(false);
    expect(mostAtOnce).toBe(1);
    expect(writes).toBe(3);
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
    expect(readFileSync(json, "utf8")).toBe("earlier report");
    expect(leftovers(dir)).toEqual([]);
  });

  it("sends text made piece by piece to standard output in one write", async () => {
    const written: Array<Uint8Array | string> = [];
    await writeAll(
      [
        {
          file: "-",
          bytes: {
            *chunks() {
              yield "{";
              yield "}\n";
            },
          },
        },
      ],
      { standardOutput: async (bytes) => void written.push(bytes) }
    );
    expect(written).toEqual(["{}\n"]);
  });

  it("writes all outputs and leaves nothing else behind", async () => {
    const dir = scratch();
    const result = await writeAll([
      { file: path.join(dir, "o.xlsx"), bytes: new Uint8Array([1, 2, 3]) },
      { file: path.join(dir, "j.json"), bytes: "{}\n" },
    ]);
    expect(result.usedStandardOutput).toBe(false);
    expect(Array.from(readFileSync(path.join(dir, "o.xlsx")))).toEqual([1, 2, 3]);
    expect(readFileSync(path.join(dir, "j.json"), "utf8")).toBe("{}\n");
    expect(readdirSync(dir).sort()).toEqual(["j.json", "o.xlsx"]);
  });

  it("checks every target before replacing any: a missing folder leaves the earlier output as it was", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    writeFileSync(out, "earlier copy");
    const message = await failureOf(
      writeAll([
        { file: out, bytes: "new copy" },
        { file: path.join(dir, "missing", "j.json"), bytes: "{}" },
      ])
    );
    expect(message).toBe(
      "无法写出 " + path.join(dir, "missing", "j.json") + "：目标文件夹不存在。"
    );
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
    expect(leftovers(dir)).toEqual([]);
  });

  it("an immutable report file: the earlier .xlsx is not replaced (exit 2 means nothing written)", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    const json = path.join(dir, "j.json");
    writeFileSync(out, "earlier copy");
    writeFileSync(json, "earlier report");
    // A real immutable file where chattr works (root on ext4), else the same refusal injected.
    let immutable = false;
    try {
      execFileSync("chattr", ["+i", json], { stdio: "ignore" });
      immutable = true;
    } catch {
      immutable = false;
    }
    const fileSystem: Partial<OutputFileSystem> = immutable
      ? {}
      : {
          open: (async (file: string, flags: number, mode?: number) => {
            if (file === json) throw systemError("EPERM");
            return fsp.open(file, flags, mode);
          }) as OutputFileSystem["open"],
        };
    try {
      const message = await failureOf(
        writeAll(
          [
            { file: out, bytes: "new copy" },
            { file: json, bytes: "new report" },
          ],
          { fileSystem }
        )
      );
      expect(message).toBe(
        "无法写出 " +
          json +
          "：系统不允许修改这个文件（文件可能被设为不可更改，或正在 Excel 中打开）。"
      );
    } finally {
      if (immutable) execFileSync("chattr", ["-i", json]);
    }
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
    expect(readFileSync(json, "utf8")).toBe("earlier report");
    expect(leftovers(dir)).toEqual([]);
  });

  it("a file held open by another program (EBUSY) is found before anything is replaced", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    const json = path.join(dir, "j.json");
    writeFileSync(out, "earlier copy");
    writeFileSync(json, "earlier report");
    const message = await failureOf(
      writeAll(
        [
          { file: out, bytes: "new" },
          { file: json, bytes: "new" },
        ],
        {
          fileSystem: {
            open: (async (file: string, flags: number, mode?: number) => {
              if (file === json && flags === constants.O_WRONLY) throw systemError("EBUSY");
              return fsp.open(file, flags, mode);
            }) as OutputFileSystem["open"],
          },
        }
      )
    );
    expect(message).toContain("文件正被其他程序占用");
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
  });

  it("a rename that fails late puts back every output already replaced", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    const json = path.join(dir, "j.json");
    const narrative = path.join(dir, "n.md");
    writeFileSync(out, "earlier copy");
    const inodeBefore = statSync(out).ino;
    const renamed: string[] = [];
    const message = await failureOf(
      writeAll(
        [
          { file: out, bytes: "new copy" },
          { file: narrative, bytes: "new narrative" },
          { file: json, bytes: "new report" },
        ],
        {
          fileSystem: {
            rename: async (from, to) => {
              if (to === json) throw systemError("EIO");
              renamed.push(String(to));
              return fsp.rename(from, to);
            },
          },
        }
      )
    );
    expect(renamed).toEqual(expect.arrayContaining([out, narrative]));
    expect(message).toBe("无法写出 " + json + "：磁盘读写出错（磁盘或 U 盘可能已损坏或已拔出）。");
    // The replaced file is back, the very same file; the new one is gone.
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
    expect(statSync(out).ino).toBe(inodeBefore);
    expect(existsSync(narrative)).toBe(false);
    expect(existsSync(json)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it("says plainly where the original is when it cannot be put back", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    const json = path.join(dir, "j.json");
    writeFileSync(out, "earlier copy");
    let failRestore = false;
    const message = await failureOf(
      writeAll(
        [
          { file: out, bytes: "new copy" },
          { file: json, bytes: "new report" },
        ],
        {
          fileSystem: {
            rename: async (from, to) => {
              if (to === json) {
                failRestore = true;
                throw systemError("EIO");
              }
              if (failRestore && to === out) throw systemError("EIO");
              return fsp.rename(from, to);
            },
          },
        }
      )
    );
    const kept = leftovers(dir).filter((name) => name.endsWith(".bak"));
    expect(kept).toHaveLength(1);
    expect(readFileSync(path.join(dir, kept[0]), "utf8")).toBe("earlier copy");
    expect(message).toContain("未能完全恢复原状：" + out + " 已被新内容替换，原文件保存在 ");
    expect(message).toContain(kept[0]);
  });

  it("keeps the permissions of a file it replaces", async () => {
    const dir = scratch();
    const out = path.join(dir, "private.json");
    writeFileSync(out, "old", { mode: 0o600 });
    await fsp.chmod(out, 0o600);
    await writeAll([{ file: out, bytes: "new" }]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
  });
});

describe("temporary files beside an output (issue 12)", () => {
  it("are created exclusively under unpredictable names, so a planted link redirects nothing", async () => {
    const dir = scratch();
    const victim = path.join(dir, "victim.txt");
    writeFileSync(victim, "precious");
    const out = path.join(dir, "o.xlsx");
    // The names the old writer used: .<name>.<pid>.tmp
    symlinkSync(victim, path.join(dir, ".o.xlsx." + process.pid + ".tmp"));
    const opened: Array<{ file: string; flags: number }> = [];
    const open = (async (file: string, flags: number, mode?: number) => {
      opened.push({ file: String(file), flags });
      return fsp.open(file, flags, mode);
    }) as OutputFileSystem["open"];
    await writeAll([{ file: out, bytes: "scored" }], { fileSystem: { open } });
    await writeAll([{ file: out, bytes: "scored again" }], { fileSystem: { open } });
    expect(readFileSync(victim, "utf8")).toBe("precious");
    expect(readFileSync(out, "utf8")).toBe("scored again");
    const temporaries = opened.filter((entry) => entry.file.endsWith(".tmp"));
    expect(temporaries).toHaveLength(2);
    expect(temporaries[0].file).not.toBe(temporaries[1].file);
    for (const entry of temporaries) {
      expect(path.basename(entry.file)).toMatch(/^\.selfeval-[0-9a-f]{16}\.tmp$/);
      expect(entry.flags & constants.O_EXCL).toBe(constants.O_EXCL);
      expect(entry.flags & constants.O_CREAT).toBe(constants.O_CREAT);
    }
  });

  it("a link planted at a temporary name makes the write fail, never follow it", async () => {
    const dir = scratch();
    const victim = path.join(dir, "victim.txt");
    writeFileSync(victim, "precious");
    // Whatever name is drawn, the link is already there (the attacker guessed right).
    const open = (async (file: string, flags: number, mode?: number) => {
      if (String(file).endsWith(".tmp") && !existsSync(file)) symlinkSync(victim, file);
      return fsp.open(file, flags, mode);
    }) as OutputFileSystem["open"];
    const message = await failureOf(
      writeAll([{ file: path.join(dir, "o.xlsx"), bytes: "x" }], { fileSystem: { open } })
    );
    expect(message).toContain("同名文件已存在");
    expect(readFileSync(victim, "utf8")).toBe("precious");
  });

  it("a legal 255-byte output name is written (the temporary name does not grow with it)", async () => {
    const dir = scratch();
    const name = "评".repeat(80) + "自评.json"; // 80×3 + 6 + 5 = 251 bytes… padded to 255 below
    const longName = name.replace(".json", "abcd.json");
    expect(Buffer.byteLength(longName)).toBe(255);
    const file = path.join(dir, longName);
    await writeAll([{ file, bytes: "{}" }]);
    expect(readFileSync(file, "utf8")).toBe("{}");
  });
});

describe("devices, FIFOs and standard output", () => {
  linuxIt("writes /dev/null in place: it stays a device", async () => {
    await writeAll([{ file: "/dev/null", bytes: "{}" }]);
    expect(statSync("/dev/null").isCharacterDevice()).toBe(true);
  });

  linuxIt("writes a FIFO in place, after the files, and the reader gets the bytes", async () => {
    const dir = scratch();
    const fifo = path.join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    // The reader is another process (a read in this one would hold a thread of the pool).
    const reader = spawn("cat", [fifo]);
    const chunks: Buffer[] = [];
    reader.stdout.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise<void>((resolve) => reader.on("close", () => resolve()));
    // Until cat has the pipe open, the writer says nobody reads it; then it writes.
    for (let tries = 0; ; tries++) {
      try {
        await writeAll([
          { file: fifo, bytes: "report" },
          { file: path.join(dir, "o.xlsx"), bytes: "copy" },
        ]);
        break;
      } catch (error) {
        if (tries > 200 || !String(error).includes("没有程序在读取")) throw error;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
    await ended;
    expect(Buffer.concat(chunks).toString()).toBe("report");
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });

  linuxIt("refuses at once a FIFO nobody reads, instead of waiting forever", async () => {
    const dir = scratch();
    const fifo = path.join(dir, "pipe");
    execFileSync("mkfifo", [fifo]);
    const out = path.join(dir, "o.xlsx");
    writeFileSync(out, "earlier");
    const message = await failureOf(
      writeAll([
        { file: out, bytes: "new" },
        { file: fifo, bytes: "report" },
      ])
    );
    expect(message).toBe(
      "无法写出 " + fifo + "：这是一个管道，但没有程序在读取它（写入会一直等待）。"
    );
    expect(readFileSync(out, "utf8")).toBe("earlier");
  });

  linuxIt("never writes a device other than /dev/null, a terminal or its own output", async () => {
    const message = await failureOf(writeAll([{ file: "/dev/kmsg", bytes: "{}" }]));
    expect(message).toContain("这是一个设备文件，不会写入");
  });

  it('"out/" names a folder, not a file called "out"', async () => {
    const dir = scratch();
    const message = await failureOf(writeAll([{ file: path.join(dir, "out") + "/", bytes: "{}" }]));
    expect(message).toContain("以“/”结尾的是文件夹");
    expect(readdirSync(dir)).toEqual([]);
  });

  it('"-" goes to standard output, and the caller is told', async () => {
    const received: Array<Uint8Array | string> = [];
    const dir = scratch();
    const result = await writeAll(
      [
        { file: "-", bytes: "{}" },
        { file: path.join(dir, "o.xlsx"), bytes: "copy" },
      ],
      {
        standardOutput: async (bytes) => {
          received.push(bytes);
        },
      }
    );
    expect(received).toEqual(["{}"]);
    expect(result.usedStandardOutput).toBe(true);
  });

  it("a failing standard output puts back the files already replaced", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    writeFileSync(out, "earlier copy");
    const message = await failureOf(
      writeAll(
        [
          { file: out, bytes: "new" },
          { file: "-", bytes: "{}" },
        ],
        {
          standardOutput: async () => {
            throw systemError("EPIPE");
          },
        }
      )
    );
    expect(message).toBe("无法写出 标准输出：接收输出的程序已经关闭。");
    expect(readFileSync(out, "utf8")).toBe("earlier copy");
  });
});

describe("links", () => {
  it("an output that is a link to a file: the file gets the new content, the link stays", async () => {
    const dir = scratch();
    const real = path.join(dir, "real.json");
    const link = path.join(dir, "link.json");
    writeFileSync(real, "old");
    symlinkSync(real, link);
    await writeAll([{ file: link, bytes: "new" }]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(real, "utf8")).toBe("new");
  });

  it("a dangling link is followed to the file it names, by the same-file check and by the write", async () => {
    const dir = scratch();
    const target = path.join(dir, "sub", "report.json");
    mkdirSync(path.join(dir, "sub"));
    const link = path.join(dir, "dangling.json");
    symlinkSync(path.join("sub", "report.json"), link);
    expect(await samePath(link, target)).toBe(true);
    await expect(
      checkOutputNames("in.xlsx", [
        { option: "json", file: link },
        { option: "narrative", file: target },
      ])
    ).rejects.toThrow("--json 和 --narrative 不能是同一个文件。");
    await writeAll([{ file: link, bytes: "{}" }]);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target, "utf8")).toBe("{}");
  });

  it("a hard link to the input is the input", async () => {
    const dir = scratch();
    const input = path.join(dir, "in.xlsx");
    writeFileSync(input, "input");
    linkSync(input, path.join(dir, "alias.xlsx"));
    await expect(
      checkOutputNames(input, [{ option: "out", file: path.join(dir, "alias.xlsx") }])
    ).rejects.toThrow("就是输入文件");
  });

  it('only one output may be "-"', async () => {
    await expect(
      checkOutputNames("in.xlsx", [
        { option: "json", file: "-" },
        { option: "narrative", file: "-" },
      ])
    ).rejects.toThrow("只能有一个输出写到标准输出（-）：--json 和 --narrative 都是 -。");
  });

  it("a loop of links is named in Chinese", async () => {
    const dir = scratch();
    symlinkSync(path.join(dir, "b"), path.join(dir, "a"));
    symlinkSync(path.join(dir, "a"), path.join(dir, "b"));
    const message = await failureOf(writeAll([{ file: path.join(dir, "a"), bytes: "x" }]));
    expect(message).toContain("符号链接");
  });
});

describe("paths that cannot be written say why in Chinese, and the error handling never throws", () => {
  it("an output whose folder is a file", async () => {
    const dir = scratch();
    writeFileSync(path.join(dir, "file"), "x");
    const message = await failureOf(
      writeAll([{ file: path.join(dir, "file", "o.json"), bytes: "{}" }])
    );
    expect(message).toBe(
      "无法写出 " + path.join(dir, "file", "o.json") + "：路径中有一段是文件而不是文件夹。"
    );
  });

  it("a folder given as an output", async () => {
    const dir = scratch();
    const message = await failureOf(writeAll([{ file: dir, bytes: "{}" }]));
    expect(message).toBe("无法写出 " + dir + "：这是一个文件夹，请给出文件名。");
  });

  linuxIt("a system folder that takes no new files (/proc)", async () => {
    const message = await failureOf(
      writeAll([{ file: "/proc/selfeval-report.json", bytes: "{}" }])
    );
    expect(message).not.toContain("目标文件夹不存在");
    expect(message).toMatch(/这个文件夹不能新建文件|没有访问权限/);
  });

  it("a read-only disk (EROFS) and a full one (ENOSPC) while writing", async () => {
    for (const [code, words] of [
      ["EROFS", "只读"],
      ["ENOSPC", "磁盘空间不足"],
    ]) {
      const dir = scratch();
      const message = await failureOf(
        writeAll([{ file: path.join(dir, "o.json"), bytes: "{}" }], {
          fileSystem: {
            open: (async () => {
              throw systemError(code);
            }) as OutputFileSystem["open"],
          },
        })
      );
      expect(message).toContain(words);
      expect(message).not.toContain(code);
    }
  });

  it("every file-system code has a Chinese sentence; an unknown one is still a sentence", () => {
    for (const code of knownFileErrorCodes()) {
      const text = fileErrorText(systemError(code));
      expect(text).toMatch(/[\u4e00-\u9fff]/);
      expect(text).not.toContain(code);
    }
    expect(fileErrorText(systemError("EWEIRD"))).toBe("操作系统拒绝了这次操作（错误代码 EWEIRD）");
    expect(fileErrorText(new Error("not a system error"))).toBe("操作系统报告了未知错误");
  });
});

describe("concurrent runs into the same outputs", () => {
  it("never leave the .xlsx of one and the .json of the other", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    const json = path.join(dir, "j.json");
    // Each run is slow at a different file: without a lock, A's .xlsx is replaced by B's
    // while A's .json arrives last.
    const delays: Record<string, number> = {
      "copy A": 0,
      "report A": 80,
      "copy B": 40,
      "report B": 0,
    };
    const slow: Partial<OutputFileSystem> = {
      rename: async (from, to) => {
        const content = readFileSync(from, "utf8");
        await new Promise((resolve) => setTimeout(resolve, delays[content] ?? 0));
        return fsp.rename(from, to);
      },
    };
    const runs = ["A", "B"].map((run) =>
      writeAll(
        [
          { file: out, bytes: "copy " + run },
          { file: json, bytes: "report " + run },
        ],
        { fileSystem: slow }
      )
    );
    await Promise.all(runs);
    const copy = readFileSync(out, "utf8").slice(-1);
    expect(readFileSync(json, "utf8")).toBe("report " + copy);
    expect(leftovers(dir)).toEqual([]);
  });

  it("a run that waits too long says so and changes nothing", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    writeFileSync(out, "earlier");
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const first = writeAll([{ file: out, bytes: "first" }], {
      fileSystem: {
        rename: async (from, to) => {
          await held;
          return fsp.rename(from, to);
        },
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    const message = await failureOf(
      writeAll([{ file: out, bytes: "second" }], { lockWaitMs: 100 })
    );
    expect(message).toContain("另一个 selfeval 正在写出这个文件");
    release();
    await first;
    expect(readFileSync(out, "utf8")).toBe("first");
  });

  it("takes over the lock of a run that ended without releasing it", async () => {
    const dir = scratch();
    const out = path.join(dir, "o.xlsx");
    // A process that has ended: its pid is free.
    const ended = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], {
      encoding: "utf8",
    });
    let planted = false;
    const fileSystem: Partial<OutputFileSystem> = {
      open: (async (file: string, flags: number, mode?: number) => {
        if (String(file).endsWith(".lock") && !planted) {
          planted = true;
          writeFileSync(file, ended.stdout); // the dead run's lock, found on the first try
        }
        return fsp.open(file, flags, mode);
      }) as OutputFileSystem["open"],
    };
    await writeAll([{ file: out, bytes: "written" }], { fileSystem, lockWaitMs: 1000 });
    expect(readFileSync(out, "utf8")).toBe("written");
    expect(leftovers(dir)).toEqual([]);
  });
});
