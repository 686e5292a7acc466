/**
 * Browser mode's lazily loaded 汇总分析报告 builder (see browserTools.ts): only the 汇总分析报告
 * download needs it, so it is a chunk of its own rather than part of the pane's first load.
 */
export { buildBatchReport } from "../../engine";
