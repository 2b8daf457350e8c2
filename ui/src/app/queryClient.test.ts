// Which query failures reach the banner: all of them, except those whose view shows
// the error inline (and says so in the query's meta), and a connection's lost service,
// which the connection health store takes (its banner says so, with the retries).
import { describe, expect, it, vi } from "vitest";
import type { AppError } from "../bindings/AppError";
import { ConnectionHealthStore, connectionState } from "./connectionHealth";
import { createQueryClient } from "./queryClient";

const down: AppError = { kind: "unavailable", message: "No broker answered within 10 s." };

function failing(): Promise<never> {
  // The platform rejects with the AppError itself (plain data), so this does too.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(down);
}

const ignore = () => undefined;

function setUp() {
  const report = vi.fn();
  const health = new ConnectionHealthStore({ now: () => 1_000, random: () => 0.5 });
  return { report, health, client: createQueryClient(report, health) };
}

describe("createQueryClient", () => {
  it("reports a failed query to the banner", async () => {
    const { report, client } = setUp();
    await client.query({ queryKey: ["x"], queryFn: failing }).catch(ignore);
    expect(report).toHaveBeenCalledWith(down);
  });

  it("leaves a failed query alone when its view shows the error inline", async () => {
    const { report, client } = setUp();
    await client.query({ queryKey: ["y"], queryFn: failing, meta: { errorShownInline: true } }).catch(ignore);
    expect(client.getQueryState(["y"])?.error).toEqual(down);
    expect(report).not.toHaveBeenCalled();
  });

  it("gives a connection's unreachable service to the health store, not to the banner", async () => {
    const { report, health, client } = setUp();
    await client.query({ queryKey: ["topics", "c1"], queryFn: failing }).catch(ignore);
    expect(report).not.toHaveBeenCalled();
    expect(connectionState(health.getSnapshot().get("c1"))).toBe("reconnecting");

    // Any answer from the same service ends it.
    await client.query({ queryKey: ["cluster", "c1"], queryFn: () => Promise.resolve("overview") });
    expect(connectionState(health.getSnapshot().get("c1"))).toBe("ok");
  });

  it("still reports other failures of a connection's queries", async () => {
    const { report, health, client } = setUp();
    const missing: AppError = { kind: "not_found", message: "Topic 'x' does not exist." };
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    await client.query({ queryKey: ["topic", "c1", "x"], queryFn: () => Promise.reject(missing) }).catch(ignore);
    expect(report).toHaveBeenCalledWith(missing);
    expect(health.getSnapshot().get("c1")).toBeUndefined();
  });
});
