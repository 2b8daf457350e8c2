// The app facts the backend reports once per run (version, paths, the user's role).
// The role only decides what the UI offers; the backend enforces it on every command.
import { queryOptions, useQuery } from "@tanstack/react-query";
import { fetchAppInfo } from "../platform";

export const appInfoQuery = queryOptions({ queryKey: ["app-info"], queryFn: fetchAppInfo, staleTime: Infinity });

export function useAppInfo() {
  return useQuery(appInfoQuery);
}
