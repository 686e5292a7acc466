import { execFile } from "child_process";
import { promises as fs, constants as fsConstants } from "fs";
import * as os from "os";
import * as path from "path";
import { pathToFileURL } from "url";

/**
 * Converts an old-format workbook (.xls, .et, .ods …) into an .xlsx inside `outputFolder` and
 * resolves to the new file's path; rejects with a short reason when it cannot.
 */
export type LegacyConverter = (input: string, outputFolder: string) => Promise<string>;

/** How long one conversion may take before it is given up. */
const CONVERSION_TIMEOUT_MS = 120000;

/** The LibreOffice program on the PATH (soffice, or libreoffice), or null when there is none. */
export async function findSoffice(
  searchPath: string = process.env.PATH || "",
  names: readonly string[] = process.platform === "win32"
    ? ["soffice.exe", "soffice.com"]
    : ["soffice", "libreoffice"]
): Promise<string | null> {
  for (const folder of searchPath.split(path.delimiter)) {
    if (folder === "") continue;
    for (const name of names) {
      const candidate = path.join(folder, name);
      try {
        await fs.access(candidate, fsConstants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/**
 * A converter that runs LibreOffice headless. Each run gets a profile folder of its own, so it
 * neither waits for nor disturbs a LibreOffice the user has open.
 */
export function sofficeConverter(soffice: string): LegacyConverter {
  return async (input, outputFolder) => {
    const profile = await fs.mkdtemp(path.join(os.tmpdir(), "selfeval-soffice-"));
    try {
      await new Promise<void>((resolve, reject) => {
        execFile(
          soffice,
          [
            "-env:UserInstallation=" + pathToFileURL(profile).href,
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx",
            "--outdir",
            outputFolder,
            path.resolve(input),
          ],
          { timeout: CONVERSION_TIMEOUT_MS, windowsHide: true },
          (error) => (error ? reject(error) : resolve())
        );
      });
    } catch (error) {
      const killed = (error as { killed?: boolean }).killed;
      throw new Error(killed ? "转换超时" : "转换程序出错");
    } finally {
      await fs.rm(profile, { recursive: true, force: true }).catch(() => undefined);
    }
    const converted = path.join(outputFolder, path.basename(input, path.extname(input)) + ".xlsx");
    const made = await fs.stat(converted).catch(() => null);
    if (!made || made.size === 0) throw new Error("没有生成 .xlsx 文件");
    return converted;
  };
}
