// "View as": switches the role every command runs under (the granted role or one below
// it). On success the app info takes the new role and every other query reloads, so each
// view shows what the new role may see — in the app's other windows too; a refusal goes to
// the error banner.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { Role } from "../bindings/Role";
import { viewAs } from "../platform";
import { useReportError } from "./AppProviders";
import { followRole } from "./roleChange";
import { announceRoleChange } from "./windowSession";

export function useViewAs() {
  const queryClient = useQueryClient();
  const reportError = useReportError();
  return useMutation({
    mutationFn: (role: Role) => viewAs(role),
    onSuccess: (info) => {
      followRole(queryClient, info, { regranted: false });
      // The role is the backend's, for every window: the others reload too.
      announceRoleChange({ regranted: false });
    },
    onError: reportError,
  });
}
