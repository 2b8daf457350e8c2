// The integrity banner's words for every verdict the backend can give.
import { describe, expect, it } from "vitest";
import type { Integrity } from "../../../bindings/Integrity";
import { integrityVerdict, keyFingerprint } from "./integrity";

describe("integrityVerdict", () => {
  it.each<[Integrity, string, string]>([
    [
      { state: "signed", signer: "Dana (support lead)", public_key: "MCowBQYDK2VwAyEAq1b2c3d4e5f6g7h8i9j0" },
      "ok",
      "Intact — signed by Dana (support lead) (key MCowBQYDK2VwAyEA)",
    ],
    [{ state: "unsigned" }, "ok", "Intact — unsigned"],
    [{ state: "tampered", reason: "the content digest does not match (a row was edited, added or removed)" }, "danger", "Tampered: the content digest does not match (a row was edited, added or removed)"],
    [{ state: "incomplete" }, "warning", "Incomplete: the recording was cut short"],
    [{ state: "newer_version", version: 3 }, "warning", "Written by a newer version"],
  ])("says %j plainly", (integrity, tone, title) => {
    const verdict = integrityVerdict(integrity);
    expect(verdict.tone).toBe(tone);
    expect(verdict.title).toBe(title);
    expect(verdict.detail.length).toBeGreaterThan(20);
  });

  it("tells a newer file's version apart from the one this app reads", () => {
    expect(integrityVerdict({ state: "newer_version", version: 3 }).detail).toContain("format version 3; this Streamlens reads version 1");
  });

  it("fingerprints a key by its first 16 base64 characters", () => {
    expect(keyFingerprint("ABCDEFGHIJKLMNOPQRSTUVWXYZ")).toBe("ABCDEFGHIJKLMNOP");
  });
});
