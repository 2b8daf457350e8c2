// One Flink job inside the Flink tab: its header (state, duration, tasks, actions) and its
// tabs — Graph, Checkpoints, Exceptions, Configuration. The refresh interval is the job
// view's, shared by the tabs that poll, starting from the one chosen in Settings; a tab's
// polling stops when another tab is shown.
// The tab is part of the navigation, so it survives Back to the list and reopening.
import { useEffect, useId, useState } from "react";
import { useNavigation, type JobTab } from "../../../app/navigation";
import type { ConnectionProfile } from "../../../bindings/ConnectionProfile";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { Tabs, tabId, type TabDef } from "../../../components/Tabs";
import { CheckpointsTab } from "../checkpoints/CheckpointsTab";
import { ConfigurationTab } from "../config/ConfigurationTab";
import { ExceptionsTab } from "../exceptions/ExceptionsTab";
import { preloadGraph, useGraphTab } from "../graph/preload";
import { useSettings } from "../../settings/queries";
import { useJobGraph, type RefreshMs } from "../queries";
import { JobHeader } from "./JobHeader";
import "../flink.css";

const JOB_TABS: readonly TabDef<JobTab>[] = [
  { tab: "graph", label: "Graph", testId: "job-tab-graph" },
  { tab: "checkpoints", label: "Checkpoints", testId: "job-tab-checkpoints" },
  { tab: "exceptions", label: "Exceptions", testId: "job-tab-exceptions" },
  { tab: "configuration", label: "Configuration", testId: "job-tab-configuration" },
];

interface JobViewProps {
  profile: ConnectionProfile;
  jobId: string;
  tab: JobTab;
}

export function JobView({ profile, jobId, tab }: JobViewProps) {
  const { navigate } = useNavigation();
  const titleId = useId();
  const tabBase = useId();
  const panelId = `${tabBase}-panel`;
  // The Settings interval until one is picked here (undefined: none picked yet).
  const [picked, setPicked] = useState<RefreshMs | undefined>(undefined);
  const defaultRefreshMs = useSettings().settings.refreshMs;
  const refreshMs = picked === undefined ? defaultRefreshMs : picked;
  const graph = useJobGraph(profile.id, jobId, refreshMs);
  const GraphTab = useGraphTab();
  const refetch = () => {
    void graph.refetch();
  };

  useEffect(() => {
    preloadGraph();
  }, []);

  const panel = () => {
    switch (tab) {
      case "graph":
        if (graph.data === undefined) return graph.isPending ? <Spinner label="Loading the job graph…" /> : null;
        if (GraphTab === null) return <Spinner label="Loading the graph view…" />;
        return <GraphTab profile={profile} jobId={jobId} graph={graph.data} refreshMs={refreshMs} onRefreshChange={setPicked} />;
      case "checkpoints":
        return (
          <CheckpointsTab
            connectionId={profile.id}
            jobId={jobId}
            vertices={graph.data?.vertices ?? []}
            refreshMs={refreshMs}
            onRefreshChange={setPicked}
          />
        );
      case "exceptions":
        return <ExceptionsTab connectionId={profile.id} jobId={jobId} />;
      case "configuration":
        return <ConfigurationTab connectionId={profile.id} jobId={jobId} />;
    }
  };

  return (
    <section className={`job-view job-view--${tab}`} data-testid="job-view" data-job-id={jobId} aria-labelledby={titleId}>
      <button
        type="button"
        className="link-button"
        data-testid="back-to-jobs"
        onClick={() => {
          navigate({ kind: "connection", id: profile.id, tab: "flink" });
        }}
      >
        ← All jobs
      </button>
      <JobHeader profile={profile} jobId={jobId} graph={graph.data} titleId={titleId} />
      {graph.error !== null && <InlineError error={graph.error} onRetry={refetch} retrying={graph.isFetching} />}
      <Tabs
        tabs={JOB_TABS}
        idBase={tabBase}
        panelId={panelId}
        active={tab}
        onSelect={(next) => {
          navigate({ kind: "job", id: profile.id, jobId, jobTab: next });
        }}
        label="Job views"
        className="job-view__tabs"
      />
      <div className="job-view__panel" role="tabpanel" id={panelId} aria-labelledby={tabId(tabBase, tab)}>
        {panel()}
      </div>
    </section>
  );
}
