// One short heading per AppError kind, shared by the banner and inline errors so the
// same failure reads the same wherever it is shown.
import type { AppError } from "../bindings/AppError";

export const ERROR_KIND_TITLES: Record<AppError["kind"], string> = {
  not_found: "Not found",
  invalid_input: "Invalid input",
  forbidden: "Not allowed",
  unavailable: "Not reachable",
  storage: "Storage error",
  keyring: "Keyring error",
  internal: "Something went wrong",
};
