import { readFileSync } from "fs";
import { pngSize } from "./manifestFiles";

const icons = require("../../scripts/build-icons.js") as {
  SIZES: number[];
  renderIcon(size: number): Buffer;
  iconPath(size: number): string;
};

describe("assets/icon-*.png", () => {
  it.each(icons.SIZES)(
    "%i px is square at its size and what scripts/build-icons.js draws",
    (size) => {
      expect(pngSize(icons.iconPath(size))).toEqual({ width: size, height: size });
      // Out of date: run `npm run icons` and commit the PNGs.
      expect(readFileSync(icons.iconPath(size)).equals(icons.renderIcon(size))).toBe(true);
    }
  );
});
