import {
  createOfficeSettingsStore,
  readProfileSetting,
} from "../../src/taskpane/settings/settingsStore";
import { InMemorySettingsStore } from "../../src/taskpane/settings/settingsStore";
import { languageOf, stringsFor } from "../../src/taskpane/strings";
import { enUS } from "../../src/taskpane/strings/en-US";
import { zhCN } from "../../src/taskpane/strings/zh-CN";
import { themeFromOffice } from "../../src/taskpane/theme";

describe("languageOf", () => {
  it("chooses English only for an English display language", () => {
    expect(languageOf("en-US")).toBe("en-US");
    expect(languageOf("EN-gb")).toBe("en-US");
    expect(languageOf("zh-CN")).toBe("zh-CN");
    expect(languageOf("zh-TW")).toBe("zh-CN");
    expect(languageOf("de-DE")).toBe("zh-CN");
    expect(languageOf(undefined)).toBe("zh-CN");
    expect(languageOf("")).toBe("zh-CN");
  });

  it("keeps the labels other tools drive the pane by in Chinese", () => {
    expect(stringsFor("zh-CN")).toBe(zhCN);
    expect(stringsFor("en-US")).toBe(enUS);
    expect([zhCN.scoreButton, zhCN.total, zhCN.rating]).toEqual(["一键评分", "总分", "评级"]);
    expect(Object.keys(enUS).sort()).toEqual(Object.keys(zhCN).sort());
  });
});

describe("settings", () => {
  type SaveCallback = (result: { status: unknown; error?: { message?: string } | null }) => void;

  function fakeOfficeSettings(status: string) {
    const values = new Map<string, unknown>();
    return {
      values,
      saved: 0,
      get(name: string) {
        return values.has(name) ? values.get(name) : null;
      },
      set(name: string, value: unknown) {
        values.set(name, value);
      },
      saveAsync(callback?: SaveCallback) {
        this.saved++;
        callback?.({ status, error: status === "failed" ? { message: "quota" } : null });
      },
    };
  }

  it("keeps values in Office's document settings and saves them with saveAsync", async () => {
    const office = fakeOfficeSettings("succeeded");
    const store = createOfficeSettingsStore(office, "failed");
    store.set("SelfEval.Profile", "project");
    expect(office.values.get("SelfEval.Profile")).toBe("project");
    await expect(store.save()).resolves.toBeUndefined();
    expect(office.saved).toBe(1);
    expect(readProfileSetting(store)).toBe("project");
  });

  it("reloads the document's settings before saving, so another instance's record survives", async () => {
    // The document as the ribbon command saved it, after this pane loaded its own copy.
    const document = new Map<string, unknown>([["SelfEval.Marks.v1", { by: "command" }]]);
    const pane = fakeOfficeSettings("succeeded");
    const office = {
      ...pane,
      refreshAsync(callback?: (result: unknown) => void) {
        pane.values.clear();
        document.forEach((value, key) => pane.values.set(key, value));
        callback?.({ status: "succeeded" });
      },
      saveAsync(callback?: SaveCallback) {
        document.clear();
        pane.values.forEach((value, key) => document.set(key, value));
        callback?.({ status: "succeeded" });
      },
    };
    const store = createOfficeSettingsStore(office, "failed");
    store.set("SelfEval.Profile", "department");
    await store.save();
    expect(document.get("SelfEval.Profile")).toBe("department");
    expect(document.get("SelfEval.Marks.v1")).toEqual({ by: "command" });
  });

  it("rejects when saveAsync reports a failure", async () => {
    const store = createOfficeSettingsStore(fakeOfficeSettings("failed"), "failed");
    await expect(store.save()).rejects.toThrow("quota");
  });

  it("reads anything but a known profile as 自动", () => {
    expect(readProfileSetting(new InMemorySettingsStore())).toBeUndefined();
    expect(readProfileSetting(new InMemorySettingsStore({ "SelfEval.Profile": "auto" }))).toBe(
      undefined
    );
    expect(readProfileSetting(new InMemorySettingsStore({ "SelfEval.Profile": "mixed" }))).toBe(
      undefined
    );
    expect(
      readProfileSetting(new InMemorySettingsStore({ "SelfEval.Profile": "department" }))
    ).toBe("department");
  });
});

describe("themeFromOffice", () => {
  it("maps the Office theme's colours into a Fluent theme", () => {
    const theme = themeFromOffice({
      bodyBackgroundColor: "#262626",
      bodyForegroundColor: "#ffffff",
      controlBackgroundColor: "444444",
      controlForegroundColor: "#f0f0f0",
      isDarkTheme: true,
    })!;
    expect(theme.semanticColors.bodyBackground).toBe("#262626");
    expect(theme.semanticColors.bodyText).toBe("#ffffff");
    expect(theme.semanticColors.buttonBackground).toBe("#444444");
    expect(theme.semanticColors.buttonText).toBe("#f0f0f0");
    expect(theme.isInverted).toBe(true);
    // Hover and pressed backgrounds follow the dark body, not Fluent's light defaults.
    expect(theme.palette.neutralLighter).toBe("#2f2f2f");
    expect(theme.palette.neutralLight).toBe("#373737");
    expect(theme.palette.neutralSecondary).toBe("#adadad");
  });

  it("leaves Fluent's default theme without usable colours", () => {
    expect(themeFromOffice(undefined)).toBeUndefined();
    expect(
      themeFromOffice({
        bodyBackgroundColor: "",
        bodyForegroundColor: "#000000",
        controlBackgroundColor: "",
        controlForegroundColor: "",
      })
    ).toBeUndefined();
  });
});
