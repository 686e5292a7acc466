import { PROFILES, ratingOf } from "../../../src/engine/rules/profile";
import { InvalidProfileError, loadProfile } from "../../../src/engine/rules/profileSchema";
import departmentData from "../../../src/engine/rules/profiles/department.json";
import projectData from "../../../src/engine/rules/profiles/project.json";

describe("ratingOf", () => {
  it.each([
    [100, "优"],
    [90, "优"], // 财预〔2020〕10号: 90（含）以上为优
    [89.99, "良"],
    [80, "良"],
    [79.99, "中"],
    [60, "中"],
    [59.99, "差"],
    [0, "差"],
  ])("rates %d as %s", (total, rating) => {
    expect(ratingOf(total, PROFILES.project)).toBe(rating);
    expect(ratingOf(total, PROFILES.department)).toBe(rating);
  });
});

describe("profiles", () => {
  it("are bundled as valid profiles: the schema accepts them unchanged", () => {
    expect(loadProfile(projectData)).toEqual(PROFILES.project);
    expect(loadProfile(departmentData)).toEqual(PROFILES.department);
  });

  it("weigh 100 in all: 预算执行率 10 + 产出 50 + 效益 30 + 满意度 10; 履职效能 50 + 管理效能 50", () => {
    const project = PROFILES.project;
    expect(project.budget!.weight + project.topLevelWeights.reduce((s, w) => s + w.weight, 0)).toBe(
      100
    );
    expect(PROFILES.department.topLevelWeights.reduce((s, w) => s + w.weight, 0)).toBe(100);
    expect(PROFILES.department.budget).toBeNull();
  });

  it("are validated when loaded", () => {
    expect(() => loadProfile({ ...projectData, totalMax: -1 })).toThrow(InvalidProfileError);
    expect(() =>
      loadProfile({
        ...projectData,
        ratingBands: [
          { rating: "良", min: 80, source: "" },
          { rating: "优", min: 90, source: "" },
        ],
      })
    ).toThrow(/ordered/);
    expect(() =>
      loadProfile({
        ...projectData,
        qualitativeBands: { ...projectData.qualitativeBands, partial: { min: 0.8, max: 0.6 } },
      })
    ).toThrow(InvalidProfileError);
    expect(() => loadProfile("project")).toThrow(InvalidProfileError);
  });

  it("holds an older local band variant as data", () => {
    // 100–80 / 80–50 / 50–0, a local variant, is only a profile setting
    const local = loadProfile({
      ...projectData,
      qualitativeBands: {
        ...projectData.qualitativeBands,
        partial: { min: 0.5, max: 0.8 },
        notAchieved: { min: 0, max: 0.5 },
      },
    });
    expect(local.qualitativeBands.partial.min).toBe(0.5);
  });
});
