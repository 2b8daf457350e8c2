// Backend state for a connection's cluster overview, cached per connection.
import { useQuery } from "@tanstack/react-query";
import { fetchClusterOverview } from "../../platform";

export const clusterKeys = {
  overview: (connectionId: string) => ["cluster", connectionId] as const,
};

export function useClusterOverview(connectionId: string) {
  return useQuery({
    queryKey: clusterKeys.overview(connectionId),
    queryFn: () => fetchClusterOverview(connectionId),
    // The view shows a broker that cannot be reached inline, with Retry.
    meta: { errorShownInline: true },
  });
}
