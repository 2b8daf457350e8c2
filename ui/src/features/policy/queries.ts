// Backend state for the workspace policy: the document in force (read afresh each time the
// view opens: the file may have been edited by hand), checking a draft, and saving it. A
// save reloads the policy in the backend, which may grant another role and resets "view
// as": the app follows the new role here and in the other windows (app/roleChange.ts).
import { hashKey, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { reloadRole } from "../../app/roleChange";
import { announceRoleChange } from "../../app/windowSession";
import { checkPolicy, policyDocument, savePolicy } from "../../platform";

export const policyKeys = {
  document: ["policy", "document"] as const,
};

export function usePolicyDocument() {
  return useQuery({
    queryKey: policyKeys.document,
    queryFn: policyDocument,
    staleTime: 0,
    // Shown in the view, with Retry. A refusal racing a switch to a lower role ("view as")
    // is not worth a banner either: the view then says the policy is for admins.
    meta: { errorShownInline: true },
  });
}

/** Resolves with null when the text is a valid policy, else with what is wrong with it. */
export function useCheckPolicy() {
  return useMutation({ mutationFn: (text: string) => checkPolicy(text) });
}

export function useSavePolicy() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (text: string) => savePolicy(text),
    onSuccess: (saved) => {
      queryClient.setQueryData(policyKeys.document, saved);
      // Not awaited: the saved line shows at once while the app reloads under the new role
      // (the document just saved is not read again). A failed read of the app info is in the
      // banner already (the query cache reports it).
      const isDocument = (key: readonly unknown[]) => hashKey(key) === hashKey(policyKeys.document);
      reloadRole(queryClient, { regranted: true }, isDocument).catch(() => undefined);
      announceRoleChange({ regranted: true });
    },
  });
}
