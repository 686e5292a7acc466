/**
 * What people expect of a command line (as prettier's and eslint's): --version, --help for the
 * program and for each command, --quiet for every command.
 */
import { existsSync, mkdtempSync, readFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { runBatch, type BatchEnvironment } from "../../src/cli/commands/batch";
import { main } from "../../src/cli/main";
import { runSelfeval as run } from "../helpers/runSelfeval";

const root = path.join(__dirname, "..", "..");
const fixtures = path.join(root, "test", "fixtures");
const department = path.join(fixtures, "department-education-2024.xlsx");
const withErrors = path.join(fixtures, "project-school-safety-2024.xlsx");
const instructionsOnly = path.join(fixtures, "layouts", "instructions-only.xlsx");
const COMMANDS = ["score", "inspect", "rules", "batch"];

function scratch(): string {
  return mkdtempSync(path.join(tmpdir(), "selfeval-cli-"));
}

describe("selfeval --version", () => {
  it.each(["--version", "-v"])("%s prints package.json's version and exits 0", async (flag) => {
    const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8"));
    expect(await run(flag)).toEqual({ code: 0, stdout: version, stderr: "" });
  });
});

describe("selfeval --help", () => {
  it.each(["--help", "-h"])(
    "%s lists the commands, one line each, then how to get their help",
    async (flag) => {
      const result = await run(flag);
      expect(result.code).toBe(0);
      expect(result.stderr).toBe("");
      const lines = result.stdout.split("\n");
      for (const command of COMMANDS)
        expect(
          lines.filter((line) => new RegExp("^  " + command + " +\\S").test(line))
        ).toHaveLength(1);
      const hint = lines.findIndex((line) => line.includes("selfeval <命令> --help"));
      const last = Math.max(
        ...COMMANDS.map((c) => lines.findIndex((l) => l.startsWith("  " + c + " ")))
      );
      expect(hint).toBeGreaterThan(last);
      // One line each: the overview is not the four usages run together.
      expect(result.stdout).not.toContain("--narrative-template");
    }
  );

  it("is what a bare selfeval says on stderr, exiting 2", async () => {
    const bare = await run();
    expect(bare.code).toBe(2);
    expect(bare.stdout).toBe("");
    expect(bare.stderr).toBe((await run("--help")).stdout);
  });
});

describe("selfeval <command> --help", () => {
  it.each(
    COMMANDS.flatMap((command) => [
      [command, "--help"],
      [command, "-h"],
    ])
  )("%s %s prints that command's usage and exits 0", async (command, flag) => {
    const result = await run(command, flag);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")[0]).toMatch(new RegExp("^用法：selfeval " + command + "\\b"));
    expect(result.stdout).toContain("--quiet");
    for (const other of COMMANDS.filter((each) => each !== command))
      expect(result.stdout).not.toContain("用法：selfeval " + other);
  });

  it("is where a wrong argument points", async () => {
    const result = await run("inspect", "--bogus");
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      "参数错误：未知选项 --bogus。运行 selfeval inspect --help 查看用法。"
    );
    expect((await run("score")).stderr).toContain("运行 selfeval score --help 查看用法。");
  });
});

describe("--quiet", () => {
  it("score: no summary on stdout, the same outputs and exit code", async () => {
    const dir = scratch();
    const loud = await run("score", withErrors, "--json", path.join(dir, "loud.json"));
    const quiet = await run("score", withErrors, "--json", path.join(dir, "quiet.json"), "-q");
    expect(loud.code).toBe(1);
    expect(loud.stdout).toContain("总分");
    expect(quiet).toEqual({ code: 1, stdout: "", stderr: "" });
    expect(readFileSync(path.join(dir, "quiet.json"), "utf8")).toBe(
      readFileSync(path.join(dir, "loud.json"), "utf8")
    );
  });

  it("score: with an output on standard output, nothing on stderr either", async () => {
    const written: string[] = [];
    const stderr: string[] = [];
    const code = await main(["score", department, "--json", "-", "--quiet"], {
      stdout: () => undefined,
      stderr: (text) => stderr.push(text),
      writeStandardOutput: async (bytes) => {
        written.push(String(bytes));
      },
    });
    expect(code).toBe(0);
    expect(JSON.parse(written.join("")).total.score).toBe(98.36);
    expect(stderr).toEqual([]);
  });

  it("score: a failure is still said on stderr", async () => {
    const result = await run("score", path.join(scratch(), "missing.xlsx"), "--quiet");
    expect(result.code).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain("missing.xlsx");
  });

  it("inspect: the reading is not shown, the JSON is written, a table not found is still said", async () => {
    const dir = scratch();
    const json = path.join(dir, "i.json");
    expect(await run("inspect", department, "--json", json, "--quiet")).toEqual({
      code: 0,
      stdout: "",
      stderr: "",
    });
    expect(JSON.parse(readFileSync(json, "utf8")).forms).toHaveLength(1);
    const none = await run("inspect", instructionsOnly, "-q");
    expect(none.code).toBe(2);
    expect(none.stdout).toBe("");
    expect(none.stderr).toContain("未找到");
  });

  it("rules: nothing is shown", async () => {
    expect((await run("rules")).stdout).toContain("national");
    expect(await run("rules", "--quiet")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("batch: no progress, no line per file, no totals; the summary is written", async () => {
    const dir = scratch();
    const json = path.join(dir, "汇总.json");
    const progress: string[] = [];
    const stdout: string[] = [];
    const env: BatchEnvironment = {
      cores: () => 1,
      workerScript: () => null,
      converter: async () => null,
      progress: { isTTY: true, columns: 100, write: (text: string) => progress.push(text) },
      onInterrupt: () => () => undefined,
    };
    const io = { stdout: (t: string) => stdout.push(t), stderr: (t: string) => stdout.push(t) };
    const code = await runBatch([department, withErrors, "--json", json, "--quiet"], io, env);
    expect(code).toBe(1);
    expect(stdout).toEqual([]);
    expect(progress).toEqual([]);
    expect(existsSync(json)).toBe(true);
    expect(JSON.parse(readFileSync(json, "utf8")).totals.forms).toBe(2);
    await runBatch([department, "--json", json], io, { ...env, progress: null });
    expect(stdout.join("\n")).toContain("合计：");
  });
});
