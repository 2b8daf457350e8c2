// Which roles the UI offers the Flink job actions (savepoint, stop with savepoint, cancel)
// to: developer, admin. Only a hint for the UI: the backend refuses the same roles with
// kind "forbidden". Every role may view the cluster, the jobs and everything about them.
import { useRoleAllows } from "../../app/appInfo";
import { isBuilder } from "../../app/roles";

export const canOperateJobs = isBuilder;

export function useCanOperateJobs(): boolean {
  return useRoleAllows(canOperateJobs);
}
