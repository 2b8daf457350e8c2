// The Flink tab: the cluster overview (version, task managers, slots, jobs by outcome) over
// the job list. Each part fails on its own, inline with Retry: a cluster whose task
// manager endpoint is missing still lists its jobs. Opening a job is a navigation.
import { useEffect } from "react";
import { useNavigation } from "../../../app/navigation";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { preloadGraph } from "../graph/preload";
import { useFlinkJobs, useFlinkOverview } from "../queries";
import { FlinkOverviewCards } from "./FlinkOverviewCards";
import { JobList } from "./JobList";
import "../flink.css";

interface FlinkViewProps {
  profile: ConnectionProfile;
  search: string;
  onSearchChange: (search: string) => void;
}

export function FlinkView({ profile, search, onSearchChange }: FlinkViewProps) {
  const { navigate } = useNavigation();
  const overview = useFlinkOverview(profile.id);
  const jobs = useFlinkJobs(profile.id);
  const refetch = () => {
    void overview.refetch();
    void jobs.refetch();
  };
  const fetching = overview.isFetching || jobs.isFetching;
  // Load the graph's code and start the layout worker now, so a job's graph is laid out
  // and drawn the moment it arrives.
  useEffect(() => {
    preloadGraph();
  }, []);

  return (
    <section className="flink-view" data-testid="flink-view" aria-label="Flink">
      <div className="toolbar">
        <span className="muted mono">{profile.flink?.url}</span>
        <span className="toolbar__spacer" />
        <button type="button" className="button" data-testid="refresh-flink" disabled={fetching} onClick={refetch}>
          {fetching && overview.data !== undefined ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      {overview.error !== null && (
        <InlineError
          error={overview.error}
          onRetry={() => {
            void overview.refetch();
          }}
          retrying={overview.isFetching}
        />
      )}
      {overview.data === undefined ? (
        overview.isPending && <Spinner label="Asking the job manager…" />
      ) : (
        <FlinkOverviewCards overview={overview.data} />
      )}
      <div className="detail-section">
        {jobs.error !== null && (
          <InlineError
            error={jobs.error}
            onRetry={() => {
              void jobs.refetch();
            }}
            retrying={jobs.isFetching}
          />
        )}
        {jobs.isPending && <Spinner label="Loading jobs…" />}
        <JobList
          jobs={jobs.data}
          search={search}
          onSearchChange={onSearchChange}
          onOpen={(jobId) => {
            navigate({ kind: "job", id: profile.id, jobId });
          }}
        />
      </div>
    </section>
  );
}
