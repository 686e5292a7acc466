import { main } from "../../src/cli/main";

/** Runs `selfeval` with these arguments as main does, keeping what it says on stdout and stderr. */
export async function runSelfeval(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (t) => stdout.push(t), stderr: (t) => stderr.push(t) });
  return { code, stdout: stdout.join("\n"), stderr: stderr.join("\n") };
}
