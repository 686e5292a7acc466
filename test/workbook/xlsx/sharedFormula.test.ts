import { slideFormula } from "../../../src/workbook/xlsx/sharedFormula";

describe("slideFormula", () => {
  it("moves relative references by the distance, keeping absolute parts", () => {
    expect(slideFormula("A1+$B1+C$1+$D$1", 2, 1)).toBe("B3+$B3+D$1+$D$1");
  });

  it("moves both ends of ranges, whole columns and whole rows", () => {
    expect(slideFormula("SUM(A1:B2)+SUM(C:C)+SUM(3:$4)", 1, 1)).toBe(
      "SUM(B2:C3)+SUM(D:D)+SUM(4:$4)"
    );
  });

  it("leaves string literals, functions, numbers and names alone", () => {
    expect(slideFormula('IF(A1="B2",LOG10(A1),1E3+2.5)&TAXRATE1', 1, 0)).toBe(
      'IF(A2="B2",LOG10(A2),1E3+2.5)&TAXRATE1'
    );
  });

  it("moves references on other sheets, quoted or not", () => {
    expect(slideFormula("Sheet1!A1+'项目 表'!B2+[1]Sheet!C3", 0, 2)).toBe(
      "Sheet1!C1+'项目 表'!D2+[1]Sheet!E3"
    );
  });

  it("gives #REF! for a reference moved off the sheet", () => {
    expect(slideFormula("A1048576+XFD1", 1, 0)).toBe("#REF!+XFD2");
    expect(slideFormula("XFD1", 0, 1)).toBe("#REF!");
  });

  it("returns the formula as it is when the cell is the master itself", () => {
    expect(slideFormula("A1*2", 0, 0)).toBe("A1*2");
  });
});
