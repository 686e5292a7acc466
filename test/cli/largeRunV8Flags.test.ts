import { execFileSync, spawnSync } from "child_process";
import {
  LARGE_RUN_GC_FLAGS,
  LARGE_RUN_TIERING_FLAGS,
  LARGE_WORKBOOK_ROWS,
  LAST_PHASE_GC_FLAGS,
  tuneV8AfterReading,
  tuneV8ForLastPhase,
} from "../../src/cli/largeRunV8Flags";

describe("V8 set for a large single run", () => {
  it("leaves a form-sized workbook to V8's defaults, to its last phase too", () => {
    expect(tuneV8AfterReading(LARGE_WORKBOOK_ROWS - 1)).toBe(false);
    expect(tuneV8ForLastPhase()).toBe(false);
  });

  it("uses flags this Node's V8 knows (a later V8 that drops one fails here, not silently)", () => {
    const options = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
    for (const flag of LARGE_RUN_GC_FLAGS.concat(LAST_PHASE_GC_FLAGS, LARGE_RUN_TIERING_FLAGS))
      expect(options).toContain(flag.split("=")[0] + " ");
  });

  it("raises the budget from V8's default, which this Node still has", () => {
    // The budget is four times the default: a Node whose V8 changed the default fails here,
    // so that the factor measured is looked at again.
    const options = execFileSync(process.execPath, ["--v8-options"], { encoding: "utf8" });
    expect(options).toContain("default: --interrupt-budget=67584");
    expect(LARGE_RUN_TIERING_FLAGS).toEqual(["--interrupt-budget=" + 4 * 67584]);
  });

  it("keeps the code cache usable when the budget is set at run time", () => {
    // A chunk loaded after the flags are set (the .docx writer) still takes its cache.
    const script = `
      const vm = require("vm");
      const v8 = require("v8");
      const source = "function add(a) { return a + 1; } add(2);";
      const first = new vm.Script(source);
      first.runInThisContext();
      const cachedData = first.createCachedData();
      for (const flag of ${JSON.stringify(LARGE_RUN_GC_FLAGS.concat(LARGE_RUN_TIERING_FLAGS))})
        v8.setFlagsFromString(flag);
      process.stdout.write(String(new vm.Script(source, { cachedData }).cachedDataRejected));
    `;
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    expect(child.stdout).toBe("false");
  });

  // In a child process (flags are the process's): the young generation stops growing once set.
  const youngGeneration = (tune: boolean): { before: number; after: number } => {
    const script = `
      const v8 = require("v8");
      const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === "new_space").space_size;
      // A few scavenges first, so that both semi-spaces are in use when measured.
      for (let i = 0; i < 100000; i++) new Array(8);
      const before = newSpace();
      if (${tune}) for (const flag of ${JSON.stringify(LARGE_RUN_GC_FLAGS)}) v8.setFlagsFromString(flag);
      // Objects that live a little while, as a scoring run's do: a window of 200,000 kept.
      const window = new Array(200000);
      for (let i = 0; i < 1500000; i++) window[i % 200000] = { i, text: "指标" + i };
      process.stdout.write(JSON.stringify({ before, after: newSpace() }));
    `;
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    return JSON.parse(child.stdout) as { before: number; after: number };
  };

  it("keeps the young generation at its size when set, where V8 alone grows it", () => {
    const untuned = youngGeneration(false);
    expect(untuned.after).toBeGreaterThan(untuned.before);
    const tuned = youngGeneration(true);
    expect(tuned.after).toBeLessThanOrEqual(tuned.before);
  });

  // Also in a child: the old generation's growth, read by V8 at each full collection.
  const fullCollections = (flags: readonly string[]): number => {
    const script = `
      const v8 = require("v8");
      const { PerformanceObserver, constants } = require("perf_hooks");
      for (const flag of ${JSON.stringify(flags)}) v8.setFlagsFromString(flag);
      let full = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          if (entry.detail.kind !== constants.NODE_PERFORMANCE_GC_MINOR) full++;
      }).observe({ entryTypes: ["gc"] });
      // Data that stays, made steadily, as a large run's old generation grows.
      const kept = [];
      for (let i = 0; i < 3000000; i++) kept.push({ i, text: "指标" + i });
      setTimeout(() => process.stdout.write(String(full)), 20);
    `;
    const child = spawnSync(process.execPath, ["-e", script], { encoding: "utf8" });
    return Number(child.stdout);
  };

  it("lets the old generation grow further in the last phase: fewer full collections", () => {
    const large = fullCollections(LARGE_RUN_GC_FLAGS);
    const last = fullCollections(LARGE_RUN_GC_FLAGS.concat(LAST_PHASE_GC_FLAGS));
    expect(large).toBeGreaterThan(0);
    expect(last).toBeLessThan(large);
  });
});
