// Which roles the UI offers the Flink job actions (savepoint, stop with savepoint, cancel)
// to. Only a hint for the UI: the backend refuses the same roles with kind "forbidden".
// Every role may view the cluster, the jobs and everything about them.
import { useAppInfo } from "../../app/appInfo";
import type { Role } from "../../bindings/Role";

// A Record so that a new role has to be decided here, not silently denied or allowed.
const OPERATES_JOBS: Record<Role, boolean> = {
  developer: true,
  admin: true,
  support: false,
  troubleshooter: false,
};

export function canOperateJobs(role: Role): boolean {
  return OPERATES_JOBS[role];
}

/** False until the role is known, so the buttons never flash for a role without them. */
export function useCanOperateJobs(): boolean {
  const { data } = useAppInfo();
  return data !== undefined && canOperateJobs(data.role);
}
