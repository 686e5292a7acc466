import * as React from "react";

/**
 * Whether the component is still on screen: an answer from the host (a read, a write, a file)
 * may come after the pane was closed or replaced, and then there is nothing left to update.
 */
export function useMounted(): () => boolean {
  const mounted = React.useRef(true);
  React.useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return React.useCallback(() => mounted.current, []);
}
