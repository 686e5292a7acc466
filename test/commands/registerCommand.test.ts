import { registerCommand } from "../../src/commands/registerCommand";

const action = jest.fn();

describe("registerCommand", () => {
  it("sets the global function and associates it where Office.actions exists", () => {
    const global: Record<string, unknown> = {};
    const associate = jest.fn();
    registerCommand({ global, office: { actions: { associate } } }, "scoreWorkbook", action);
    expect(global.scoreWorkbook).toBe(action);
    expect(associate).toHaveBeenCalledWith("scoreWorkbook", action);
  });

  it("sets only the global function for an office.js without Office.actions, or none at all", () => {
    const global: Record<string, unknown> = {};
    registerCommand({ global, office: {} }, "scoreWorkbook", action);
    registerCommand({ global, office: null }, "other", action);
    expect(global).toEqual({ scoreWorkbook: action, other: action });
  });

  it("keeps the global function when the association is refused", () => {
    const warn = jest.spyOn(console, "warn").mockImplementation(() => undefined);
    const global: Record<string, unknown> = {};
    const associate = () => {
      throw new Error("not supported");
    };
    expect(() =>
      registerCommand({ global, office: { actions: { associate } } }, "scoreWorkbook", action)
    ).not.toThrow();
    expect(global.scoreWorkbook).toBe(action);
    warn.mockRestore();
  });
});
