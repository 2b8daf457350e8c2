// "View as": switches the role every command runs under (the granted role or one below
// it). On success the app info takes the new role and every other query reloads, so each
// view shows what the new role may see; a refusal goes to the error banner.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Role } from "../bindings/Role";
import { viewAs } from "../platform";
import { APP_INFO_KEY, appInfoQuery } from "./appInfo";
import { useReportError } from "./AppProviders";

export function useViewAs() {
  const queryClient = useQueryClient();
  const reportError = useReportError();
  return useMutation({
    mutationFn: (role: Role) => viewAs(role),
    onSuccess: (info) => {
      queryClient.setQueryData(appInfoQuery.queryKey, info);
      // Not awaited: the new role shows at once while the views reload under it.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== APP_INFO_KEY });
    },
    onError: reportError,
  });
}
