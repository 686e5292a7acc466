import { promises as fs } from "fs";
import type { NarrativeTemplateOverride } from "../engine";
import { UsageFailure } from "./cliIo";
import { fileErrorText } from "./fileErrors";

/** Reads and checks a bureau's own wording (--narrative-template). */
export async function readNarrativeTemplateFile(file: string): Promise<NarrativeTemplateOverride> {
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageFailure(
      "无法读取措辞模板 " +
        file +
        "：" +
        (code === "ENOENT" ? "文件不存在" : fileErrorText(error)) +
        "。"
    );
  }
  // zod comes with the schema: loaded only for a template, it stays out of every other run.
  const { InvalidNarrativeTemplateError, loadNarrativeTemplateOverride } =
    await import("../engine/checks");
  try {
    return loadNarrativeTemplateOverride(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    if (error instanceof InvalidNarrativeTemplateError)
      throw new UsageFailure("措辞模板 " + file + " 有误：" + error.message + "。");
    throw error;
  }
}
