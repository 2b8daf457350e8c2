// How the UI follows a change of the role in force, wherever it came from: "view as" in this
// window or another one, or a policy reload after a save (which may grant another role and
// resets "view as"). The app info takes the new role, every other query reloads under it,
// and a change made in this window is announced to the others, which follow the same way.
import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { AppInfo } from "../bindings/AppInfo";
import { APP_INFO_KEY, appInfoQuery, setGrantedRole } from "./appInfo";
import type { RoleNotice } from "./windowSession";

/** Queries a caller has just filled with the answer under the new role (not read again). */
export type FreshQueries = (key: QueryKey) => boolean;

/** `info` is the app info under the new role; the views reload under it. */
export function followRole(
  queryClient: QueryClient,
  info: AppInfo,
  { regranted }: RoleNotice,
  fresh: FreshQueries = () => false,
): void {
  queryClient.setQueryData(appInfoQuery.queryKey, info);
  if (regranted) setGrantedRole(queryClient, info.role);
  // Not awaited: the new role shows at once while the views reload under it.
  void queryClient.invalidateQueries({
    predicate: (query) => query.queryKey[0] !== APP_INFO_KEY && !fresh(query.queryKey),
  });
}

/**
 * The role changed and only the backend knows to what: its app info is read again first.
 * Rejects when that read fails (the banner says so, as for any query).
 */
export async function reloadRole(queryClient: QueryClient, notice: RoleNotice, fresh?: FreshQueries): Promise<void> {
  const info = await queryClient.query({ ...appInfoQuery, staleTime: 0 });
  followRole(queryClient, info, notice, fresh);
}
