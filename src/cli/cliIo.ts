/** Where the CLI talks: stdout for results, stderr for failures. Tests pass their own. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** An output written to standard output ("-"): raw bytes, no line added. process.stdout when absent. */
  writeStandardOutput?: (bytes: Uint8Array | string) => Promise<void>;
}

export const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text + "\n"),
  stderr: (text) => process.stderr.write(text + "\n"),
  writeStandardOutput: (bytes) =>
    new Promise<void>((resolve, reject) => {
      process.stdout.write(bytes, (error) => (error ? reject(error) : resolve()));
    }),
};

/** A failure that ends the run with exit code 2 and one line on stderr. */
export class UsageFailure extends Error {}
