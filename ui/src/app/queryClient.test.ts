// Which query failures reach the banner: all of them, except those whose view shows
// the error inline (and says so in the query's meta).
import { describe, expect, it, vi } from "vitest";
import type { AppError } from "../bindings/AppError";
import { createQueryClient } from "./queryClient";

const down: AppError = { kind: "unavailable", message: "No broker answered within 10 s." };

function failing(): Promise<never> {
  // The platform rejects with the AppError itself (plain data), so this does too.
  // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
  return Promise.reject(down);
}

const ignore = () => undefined;

describe("createQueryClient", () => {
  it("reports a failed query to the banner", async () => {
    const report = vi.fn();
    const client = createQueryClient(report);
    await client.query({ queryKey: ["x"], queryFn: failing }).catch(ignore);
    expect(report).toHaveBeenCalledWith(down);
  });

  it("leaves a failed query alone when its view shows the error inline", async () => {
    const report = vi.fn();
    const client = createQueryClient(report);
    await client.query({ queryKey: ["y"], queryFn: failing, meta: { errorShownInline: true } }).catch(ignore);
    expect(client.getQueryState(["y"])?.error).toEqual(down);
    expect(report).not.toHaveBeenCalled();
  });
});
