// The app facts the backend reports (version, paths, the role commands run under) and
// the role the policy granted at start. The role only decides what the UI offers; the
// backend enforces it on every command. "View as" replaces the app info's role; the
// granted role stays what the first app info of the run said, until a policy reload
// (a saved policy) grants one anew.
import { queryOptions, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import type { Role } from "../bindings/Role";
import { fetchAppInfo } from "../platform";

/** The first element of every app-info query key; "view as" reloads every other query. */
export const APP_INFO_KEY = "app-info";

export const appInfoQuery = queryOptions({ queryKey: [APP_INFO_KEY], queryFn: fetchAppInfo, staleTime: Infinity });

export function useAppInfo() {
  return useQuery(appInfoQuery);
}

/** False until the role is known, so an action never flashes for a role without it. */
export function useRoleAllows(allows: (role: Role) => boolean): boolean {
  const { data } = useAppInfo();
  return data !== undefined && allows(data.role);
}

const grantedRoleKey = [APP_INFO_KEY, "granted-role"] as const;

/** The role the policy granted: the role of the first app info seen. undefined until known. */
export function useGrantedRole(): Role | undefined {
  const queryClient = useQueryClient();
  const { data } = useQuery({
    queryKey: grantedRoleKey,
    // Read once (the app info is fetched once, or is already cached) and kept for the run.
    queryFn: async () => (await queryClient.query({ ...appInfoQuery, staleTime: "static" })).role,
    staleTime: Infinity,
    gcTime: Infinity,
  });
  return data;
}

/** After a policy reload ("view as" reset): `role`, the role in force, is the one granted now. */
export function setGrantedRole(queryClient: QueryClient, role: Role): void {
  queryClient.setQueryData(grantedRoleKey, role);
}
