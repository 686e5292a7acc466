import {
  columnsForSheet,
  formatColumnMap,
  parseColumnMap,
  roleOfName,
} from "../../../src/engine/detect/columnMap";

describe("the column map", () => {
  it("reads Chinese role names, role ids and aliases, for every sheet or one", () => {
    const { map, errors } = parseColumnMap("分值=F，自评得分＝h; 自评表!实际完成值=E, target=D");
    expect(errors).toEqual([]);
    expect(map.entries.map((entry) => [entry.sheet, entry.role, entry.column])).toEqual([
      [null, "max", 6],
      [null, "score", 8],
      ["自评表", "actual", 5],
      [null, "target", 4],
    ]);
    expect(formatColumnMap(map)).toBe("分值=F,自评得分=H,自评表!实际完成值=E,年度指标值=D");
    expect(roleOfName("得分")).toBe("score");
    expect(roleOfName("偏差原因分析及改进措施")).toBe("reason");
  });

  it("names every entry it cannot read", () => {
    const { errors } = parseColumnMap("得分率=F,分值=5,分值=F,自评得分=F,指标值=AAAA,一级指标");
    expect(errors.map((error) => error.entry)).toEqual([
      "得分率=F",
      "分值=5",
      "自评得分=F",
      "指标值=AAAA",
      "一级指标",
    ]);
    expect(errors[0].message).toMatch(/不认识的列名“得分率”/);
    expect(errors[2].message).toMatch(/列F已指定为分值/);
  });

  it("lets a sheet's entries override the general ones, and refuses two roles on one column", () => {
    const { map } = parseColumnMap("分值=F,自评得分=H,表二!分值=G");
    expect(columnsForSheet(map, "表一").fixed).toEqual({ max: 6, score: 8 });
    expect(columnsForSheet(map, "表二").fixed).toEqual({ max: 7, score: 8 });
    const clash = columnsForSheet(parseColumnMap("分值=F,表二!自评得分=F").map, "表二");
    expect(clash.errors.map((error) => error.entry)).toEqual(["表二!自评得分=F"]);
    expect(clash.fixed).toEqual({});
  });
});
