import departmentData from "./profiles/department.json";
import projectData from "./profiles/project.json";
import type { Profile } from "./profileSchema";

export type { Profile };

export const RATINGS = ["优", "良", "中", "差"] as const;
export type Rating = (typeof RATINGS)[number];

export const PROFILE_IDS = ["project", "department"] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/**
 * The bundled profiles. Their data is checked against profileSchema by the test suite (and any
 * profile from outside goes through loadProfile), so zod stays out of what the CLI and the task
 * pane load.
 */
export const PROFILES: Readonly<Record<ProfileId, Profile>> = {
  project: projectData as Profile,
  department: departmentData as Profile,
};

/** The rating of a total, by the profile's bands (lower bounds inclusive: 90 → 优, 89.99 → 良). */
export function ratingOf(total: number, profile: Profile): Rating {
  for (const rating of profile.ratingBands) {
    if (total >= rating.min) return rating.rating;
  }
  return profile.ratingBands[profile.ratingBands.length - 1].rating;
}
