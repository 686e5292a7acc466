import * as React from "react";
import { registerIcons } from "@fluentui/react/lib/Styling";

// The few icons MessageBar draws, as inline SVG: initializeIcons() would fetch Fluent's icon font
// from a CDN, which an offline or locked-down Office may not reach, and costs bundle weight.
const svg = (path: string) => (
  <svg viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" aria-hidden="true">
    <path d={path} fillRule="evenodd" />
  </svg>
);

const CIRCLE = "M8 1a7 7 0 1 1 0 14A7 7 0 0 1 8 1z";

let registered = false;

/** Registers the pane's icons once per page. */
export function registerPaneIcons(): void {
  if (registered) return;
  registered = true;
  registerIcons({
    icons: {
      Info: svg(CIRCLE + "M7.25 7h1.5v5h-1.5zM8 4a.9.9 0 1 0 0 1.8A.9.9 0 0 0 8 4z"),
      ErrorBadge: svg(
        CIRCLE +
          "M5.2 4.1 8 6.9l2.8-2.8 1.1 1.1L9.1 8l2.8 2.8-1.1 1.1L8 9.1l-2.8 2.8-1.1-1.1L6.9 8 4.1 5.2z"
      ),
      Warning: svg(
        "M8 1 15.5 14.5H.5zM7.25 6v4.5h1.5V6zM8 11.3a.85.85 0 1 0 0 1.7.85.85 0 0 0 0-1.7z"
      ),
      Completed: svg(CIRCLE + "M6.9 10.9 4 8l1.06-1.06 1.84 1.84 4.04-4.04L12 5.8z"),
    },
  });
}
