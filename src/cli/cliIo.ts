/** Where the CLI talks: stdout for results, stderr for failures. Tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text + "\n"),
  stderr: (text) => process.stderr.write(text + "\n"),
};

/** A failure that ends the run with exit code 2 and one line on stderr. */
export class UsageFailure extends Error {}
