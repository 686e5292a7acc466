import * as React from "react";
import { act, fireEvent, render, screen } from "@testing-library/react";
import {
  useExclusiveRun,
  type ExclusiveRunOptions,
} from "../../../src/taskpane/components/useExclusiveRun";

type Phase = "reading" | "writing";

/** A run the test finishes or fails by hand, with its phases. */
function deferred() {
  let finish: () => void = () => undefined;
  let fail: (error: unknown) => void = () => undefined;
  const promise = new Promise<void>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  return { promise, finish, fail };
}

/**
 * Two buttons that are never disabled (a pane disables its own; this shows what the hook does
 * when a second request comes anyway) and the phase as text.
 */
function Runner(props: {
  options: ExclusiveRunOptions<Phase>;
  action: (setPhase: (phase: Phase) => void) => Promise<void>;
  results: boolean[];
}) {
  const { phase, running, run } = useExclusiveRun<Phase>(props.options);
  const start = () => run("reading", props.action).then((ran) => props.results.push(ran));
  return (
    <div>
      <button type="button" onClick={start}>
        评分
      </button>
      <output data-testid="phase">{phase + (running ? " running" : "")}</output>
    </div>
  );
}

function setUp() {
  const calls: string[] = [];
  const options: ExclusiveRunOptions<Phase> = {
    onStart: () => calls.push("start"),
    onBusy: (phase) => calls.push("busy:" + phase),
    onError: (error) => calls.push("error:" + (error as Error).message),
  };
  return { calls, options };
}

describe("useExclusiveRun", () => {
  it("runs one action at a time: a second request is refused and told the phase under way", async () => {
    const { calls, options } = setUp();
    const run = deferred();
    let moveOn: (phase: Phase) => void = () => undefined;
    const results: boolean[] = [];
    render(
      <Runner
        options={options}
        results={results}
        action={(setPhase) => {
          moveOn = setPhase;
          return run.promise;
        }}
      />
    );
    expect(screen.getByTestId("phase").textContent).toBe("idle");
    fireEvent.click(screen.getByRole("button", { name: "评分" }));
    expect(screen.getByTestId("phase").textContent).toBe("reading running");
    act(() => moveOn("writing"));
    expect(screen.getByTestId("phase").textContent).toBe("writing running");

    fireEvent.click(screen.getByRole("button", { name: "评分" }));
    await act(async () => undefined);
    expect(calls).toEqual(["start", "busy:writing"]);
    expect(results).toEqual([false]);

    await act(async () => run.finish());
    expect(screen.getByTestId("phase").textContent).toBe("idle");
    expect(results).toEqual([false, true]);
  });

  it("runs again once the run before has finished", async () => {
    const { calls, options } = setUp();
    const results: boolean[] = [];
    render(<Runner options={options} results={results} action={() => Promise.resolve()} />);
    fireEvent.click(screen.getByRole("button", { name: "评分" }));
    await act(async () => undefined);
    fireEvent.click(screen.getByRole("button", { name: "评分" }));
    await act(async () => undefined);
    expect(calls).toEqual(["start", "start"]);
    expect(results).toEqual([true, true]);
  });

  it("hands a failure to onError, becomes idle and takes the next run", async () => {
    const { calls, options } = setUp();
    const results: boolean[] = [];
    render(
      <Runner
        options={options}
        results={results}
        action={() => Promise.reject(new Error("写入被拒绝"))}
      />
    );
    fireEvent.click(screen.getByRole("button", { name: "评分" }));
    await act(async () => undefined);
    expect(calls).toEqual(["start", "error:写入被拒绝"]);
    expect(screen.getByTestId("phase").textContent).toBe("idle");
    fireEvent.click(screen.getByRole("button", { name: "评分" }));
    await act(async () => undefined);
    expect(calls).toEqual(["start", "error:写入被拒绝", "start", "error:写入被拒绝"]);
    expect(results).toEqual([true, true]);
  });

  it("says nothing once the pane has gone: a failure after unmounting is not reported", async () => {
    const { calls, options } = setUp();
    const run = deferred();
    const view = render(<Runner options={options} results={[]} action={() => run.promise} />);
    fireEvent.click(screen.getByRole("button", { name: "评分" }));
    view.unmount();
    const consoleError = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      await act(async () => run.fail(new Error("late")));
      expect(calls).toEqual(["start"]);
      // React warns when a state update reaches an unmounted component; none does.
      expect(consoleError).not.toHaveBeenCalled();
    } finally {
      consoleError.mockRestore();
    }
  });
});
