import * as React from "react";
import { useMounted } from "./useMounted";

/** What the pane is doing; "idle" when nothing. */
export type RunPhase<Phase extends string> = Phase | "idle";

export interface ExclusiveRunOptions<Phase extends string> {
  /** A run starts: what the last one said goes. */
  onStart(): void;
  /** A second run was asked for while `phase` is under way; it is not started. */
  onBusy(phase: Phase): void;
  /** The run threw: say so (the pane stays usable). */
  onError(error: unknown): void;
}

export interface ExclusiveRun<Phase extends string> {
  readonly phase: RunPhase<Phase>;
  readonly running: boolean;
  /**
   * Runs `action` unless a run is under way, starting in phase `first`; `setPhase` moves it on
   * (reading → writing). Resolves true when it ran, false when it was refused as busy. Never
   * rejects: a failure goes to onError.
   */
  run(first: Phase, action: (setPhase: (phase: Phase) => void) => Promise<void>): Promise<boolean>;
}

/**
 * One run at a time. A second click while the workbook is being read or written would read a
 * half-written workbook or paint the same cells twice, so it is refused and said (onBusy), and
 * the phase tells the progress label what the host is doing.
 */
export function useExclusiveRun<Phase extends string>(
  options: ExclusiveRunOptions<Phase>
): ExclusiveRun<Phase> {
  const isMounted = useMounted();
  const [phase, setPhaseState] = React.useState<RunPhase<Phase>>("idle");
  // A ref, not the state: two clicks may come before React renders the first one's phase.
  const current = React.useRef<Phase | null>(null);
  const setPhase = (next: Phase) => {
    if (current.current === null) return;
    current.current = next;
    if (isMounted()) setPhaseState(next);
  };
  const run = async (
    first: Phase,
    action: (setPhase: (phase: Phase) => void) => Promise<void>
  ): Promise<boolean> => {
    if (current.current !== null) {
      options.onBusy(current.current);
      return false;
    }
    current.current = first;
    options.onStart();
    setPhaseState(first);
    try {
      await action(setPhase);
    } catch (error) {
      if (isMounted()) options.onError(error);
    } finally {
      current.current = null;
      if (isMounted()) setPhaseState("idle");
    }
    return true;
  };
  return { phase, running: phase !== "idle", run };
}
