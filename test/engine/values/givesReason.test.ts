import { givesReason } from "../../../src/engine/values/givesReason";

describe("givesReason", () => {
  it("takes filler for no reason", () => {
    for (const filler of ["", "。", "—", " / ", "无", "……"])
      expect(givesReason(filler)).toBe(false);
    for (const reason of ["场馆维修", "无法按期交付", "1.工期延误"])
      expect(givesReason(reason)).toBe(true);
  });
});
