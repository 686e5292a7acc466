import {
  BrowserSettingsStore,
  browserStorage,
  fileSettings,
  STORAGE_PREFIX,
} from "../../../src/taskpane/browser/browserSettings";

/** A Storage in memory, optionally refusing writes (a full quota, a private window). */
function memoryStorage(refuse = false): Storage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  return {
    items,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (index: number) => Array.from(items.keys())[index] ?? null,
    getItem: (key: string) => (items.has(key) ? items.get(key)! : null),
    setItem: (key: string, value: string) => {
      if (refuse) throw new Error("QuotaExceededError");
      items.set(key, value);
    },
    removeItem: (key: string) => {
      items.delete(key);
    },
  };
}

describe("browser mode's settings", () => {
  it("keeps the choices in this browser's storage, where the next page finds them", () => {
    const storage = memoryStorage();
    new BrowserSettingsStore(storage).set("SelfEval.RuleSet", "yitihua");
    expect(storage.items.get(STORAGE_PREFIX + "SelfEval.RuleSet")).toBe("yitihua");
    expect(new BrowserSettingsStore(storage).get("SelfEval.RuleSet")).toBe("yitihua");
    // An empty value (恢复自动) removes the key.
    new BrowserSettingsStore(storage).set("SelfEval.RuleSet", "");
    expect(storage.items.size).toBe(0);
  });

  it("keeps them for the session where the browser refuses storage", () => {
    expect(browserStorage({ localStorage: memoryStorage(true) })).toBeNull();
    expect(browserStorage({})).toBeNull();
    const store = new BrowserSettingsStore(memoryStorage(true));
    store.set("SelfEval.Profile", "project");
    expect(store.get("SelfEval.Profile")).toBe("project");
    const without = new BrowserSettingsStore(null);
    expect(without.get("SelfEval.Profile")).toBeUndefined();
    without.set("SelfEval.Profile", "department");
    expect(without.get("SelfEval.Profile")).toBe("department");
    return expect(without.save()).resolves.toBeUndefined();
  });

  it("gives each file its own column map, and shares the other choices", () => {
    const storage = memoryStorage();
    const base = new BrowserSettingsStore(storage);
    const a = fileSettings(base, "a.xlsx");
    const b = fileSettings(base, "b.xlsx");
    a.set("SelfEval.ColumnMap", "分值=F");
    a.set("SelfEval.RuleSet", "guangxi");
    expect(b.get("SelfEval.ColumnMap")).toBeUndefined();
    expect(b.get("SelfEval.RuleSet")).toBe("guangxi");
    expect(storage.items.get(STORAGE_PREFIX + "SelfEval.ColumnMap|a.xlsx")).toBe("分值=F");
  });
});
