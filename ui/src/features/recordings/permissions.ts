// Which roles the UI offers recording a job and replaying a recording to (developer, admin).
// Opening recordings is every role's — a troubleshooter works from them, offline. Only a
// hint for the UI: the backend refuses the same roles with kind "forbidden" (and refuses a
// replay into a prod connection for everyone).
import { useAppInfo } from "../../app/appInfo";
import type { Role } from "../../bindings/Role";

// A Record so that a new role has to be decided here, not silently denied or allowed.
const RECORDS_AND_REPLAYS: Record<Role, boolean> = {
  developer: true,
  admin: true,
  support: false,
  troubleshooter: false,
};

export function canRecordJobs(role: Role): boolean {
  return RECORDS_AND_REPLAYS[role];
}

/** Replaying produces into a topic: the same roles as recording. */
export function canReplayRecordings(role: Role): boolean {
  return RECORDS_AND_REPLAYS[role];
}

/** False until the role is known, so the button never flashes for a role without it. */
export function useCanRecordJobs(): boolean {
  const { data } = useAppInfo();
  return data !== undefined && canRecordJobs(data.role);
}

export function useCanReplayRecordings(): boolean {
  const { data } = useAppInfo();
  return data !== undefined && canReplayRecordings(data.role);
}
