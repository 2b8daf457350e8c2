// Which roles the UI offers recording a job and replaying a recording to (developer, admin).
// Opening recordings is every role's — a troubleshooter works from them, offline. Only a
// hint for the UI: the backend refuses the same roles with kind "forbidden" (and refuses a
// replay into a prod connection for everyone).
import { useRoleAllows } from "../../app/appInfo";
import { isBuilder } from "../../app/roles";

export const canRecordJobs = isBuilder;

/** Replaying produces into a topic: the same roles as recording. */
export const canReplayRecordings = isBuilder;

export function useCanReplayRecordings(): boolean {
  return useRoleAllows(canReplayRecordings);
}
