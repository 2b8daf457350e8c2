// Which roles the UI offers message reading and producing to, and who reads masked data by
// default. Only a hint for the UI: the backend refuses the same roles (and producing on prod
// connections) as "forbidden", and masks by the workspace policy.
import { isBuilder } from "../../app/roles";
import type { Environment } from "../../bindings/Environment";
import type { Role } from "../../bindings/Role";

// Records so that a new role has to be decided here, not silently denied or allowed.
const READS_MESSAGES: Record<Role, boolean> = {
  developer: true,
  admin: true,
  // Masked by the backend's data path before anything reaches the window.
  support: true,
  // Troubleshooters work from recordings; live data needs a policy grant.
  troubleshooter: false,
};

const PRODUCES: Record<Role, boolean> = {
  developer: true,
  admin: true,
  support: false,
  troubleshooter: false,
};

export function canReadMessages(role: Role): boolean {
  return READS_MESSAGES[role];
}

export function canProduce(role: Role, environment: Environment): boolean {
  return PRODUCES[role] && environment !== "prod";
}

/**
 * The backend's default: developers and admins read unmasked except on prod connections;
 * everyone else reads masked. A workspace policy may grant or deny more per topic.
 */
export function readsMaskedByDefault(role: Role, environment: Environment): boolean {
  return !isBuilder(role) || environment === "prod";
}
