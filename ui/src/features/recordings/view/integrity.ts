// What the integrity banner says for each verdict, plainly: intact (signed by whom, with the
// key's fingerprint to compare, or unsigned), tampered (with the reason, in red), incomplete,
// or written by a newer version — and what each means for trusting the file.
import type { Integrity } from "../../../bindings/Integrity";

export type VerdictTone = "ok" | "warning" | "danger";

export interface IntegrityVerdict {
  tone: VerdictTone;
  title: string;
  detail: string;
}

/** The format version this build of Streamlens reads. */
export const READS_FORMAT_VERSION = 1;

/** A key's fingerprint as `streamlens open` prints it: the first 16 base64 characters. */
export function keyFingerprint(publicKey: string): string {
  return publicKey.slice(0, 16);
}

export function integrityVerdict(integrity: Integrity): IntegrityVerdict {
  switch (integrity.state) {
    case "signed":
      return {
        tone: "ok",
        title: `Intact — signed by ${integrity.signer} (key ${keyFingerprint(integrity.public_key)})`,
        detail:
          "The content matches its digest and the signature verifies. The signature says who sealed the file: compare the key's fingerprint with the one the signer gave you.",
      };
    case "unsigned":
      return {
        tone: "ok",
        title: "Intact — unsigned",
        detail: "The content matches its digest. Nobody signed it, so it does not say who made it.",
      };
    case "tampered":
      return {
        tone: "danger",
        title: `Tampered: ${integrity.reason}`,
        detail: "The file was changed after it was recorded. Do not rely on what it shows: ask the person who recorded it for the original.",
      };
    case "incomplete":
      return {
        tone: "warning",
        title: "Incomplete: the recording was cut short",
        detail: "The recorder stopped without sealing the file (it crashed or was killed). What was written before that is shown.",
      };
    case "newer_version":
      return {
        tone: "warning",
        title: "Written by a newer version",
        detail: `The file is in format version ${String(integrity.version)}; this Streamlens reads version ${String(READS_FORMAT_VERSION)}. Update Streamlens to read all of it.`,
      };
  }
}
