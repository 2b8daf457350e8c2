// Throttling of scrubbing and playback: one load at a time, the times asked for meanwhile
// collapsed into the newest, the screen ending on the last time, failures passed on, and
// nothing after dispose.
import { describe, expect, it } from "vitest";
import { LatestOnlyLoader, type LoadOutcome } from "./latestOnly";

function deferredLoads() {
  const pending = new Map<number, { resolve: (value: string) => void; reject: (error: Error) => void }>();
  const started: number[] = [];
  let inFlight = 0;
  let mostInFlight = 0;
  const load = (key: number) =>
    new Promise<string>((resolve, reject) => {
      started.push(key);
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const done = () => {
        inFlight -= 1;
      };
      pending.set(key, {
        resolve: (value) => {
          done();
          resolve(value);
        },
        reject: (error: Error) => {
          done();
          reject(error);
        },
      });
    });
  const settle = async (key: number, value?: string) => {
    const entry = pending.get(key);
    if (entry === undefined) throw new Error(`no load of ${String(key)} is running`);
    pending.delete(key);
    if (value === undefined) entry.reject(new Error(`failed ${String(key)}`));
    else entry.resolve(value);
    await Promise.resolve();
    await Promise.resolve();
  };
  return { load, settle, started, mostInFlight: () => mostInFlight };
}

describe("LatestOnlyLoader", () => {
  it("runs one load at a time and skips the keys asked for in between", async () => {
    const loads = deferredLoads();
    const delivered: LoadOutcome<number, string>[] = [];
    const loader = new LatestOnlyLoader(loads.load, (outcome) => delivered.push(outcome));
    loader.request(1);
    loader.request(2);
    loader.request(3);
    loader.request(4);
    expect(loads.started).toEqual([1]);

    await loads.settle(1, "one");
    expect(delivered).toEqual([{ key: 1, ok: true, value: "one" }]);
    // 2 and 3 were overtaken while 1 loaded: only the newest is loaded next.
    expect(loads.started).toEqual([1, 4]);

    await loads.settle(4, "four");
    expect(delivered.map((d) => d.key)).toEqual([1, 4]);
    expect(loads.started).toEqual([1, 4]);
    expect(loads.mostInFlight()).toBe(1);
  });

  it("does not load a key again that was asked for while it loaded", async () => {
    const loads = deferredLoads();
    const loader = new LatestOnlyLoader(loads.load, () => undefined);
    loader.request(7);
    loader.request(7);
    await loads.settle(7, "seven");
    expect(loads.started).toEqual([7]);
    loader.request(8);
    expect(loads.started).toEqual([7, 8]);
  });

  it("passes a failure on and goes on with the newest key", async () => {
    const loads = deferredLoads();
    const delivered: LoadOutcome<number, string>[] = [];
    const loader = new LatestOnlyLoader(loads.load, (outcome) => delivered.push(outcome));
    loader.request(1);
    loader.request(2);
    await loads.settle(1);
    expect(delivered[0]).toMatchObject({ key: 1, ok: false });
    await loads.settle(2, "two");
    expect(delivered[1]).toEqual({ key: 2, ok: true, value: "two" });
  });

  it("delivers nothing and starts nothing once disposed", async () => {
    const loads = deferredLoads();
    const delivered: LoadOutcome<number, string>[] = [];
    const loader = new LatestOnlyLoader(loads.load, (outcome) => delivered.push(outcome));
    loader.request(1);
    loader.request(2);
    loader.dispose();
    await loads.settle(1, "one");
    loader.request(3);
    expect(delivered).toEqual([]);
    expect(loads.started).toEqual([1]);
  });
});
