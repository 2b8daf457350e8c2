// The command palette's data, from the queries the views already use (same cache keys, so
// an open palette reuses what the Topics, Consumer groups, Schemas and Flink tabs fetched
// and they reuse what it fetched): the views and recent recordings always; the topics,
// groups, subjects and jobs of the selected connection only, each list only when the
// connection has the part that serves it; and, in the main window, the command that opens the
// topic or job on screen in a new window. Mounted only while the palette is open.
import { useMemo } from "react";
import { useAppInfo } from "../../app/appInfo";
import { selectedConnectionId, type View } from "../../app/navigation";
import { useOpenInNewWindow } from "../../app/windowOpener";
import { canViewAudit } from "../audit/permissions";
import { canEditPolicy } from "../policy/permissions";
import { useConnections } from "../connections/queries";
import { useFlinkJobs } from "../flink/queries";
import { useGroups } from "../groups/queries";
import { useRecentRecordings } from "../recordings/recentRecordings";
import { useRegistryOverview } from "../schemas/queries";
import { useTopics } from "../topics/queries";
import {
  groupEntries,
  jobEntries,
  newWindowEntries,
  recordingEntries,
  subjectEntries,
  topicEntries,
  viewEntries,
  type PaletteEntry,
  type PaletteKind,
} from "./paletteEntries";

export type SourceStatus = "ready" | "loading" | "failed";

export interface PaletteSource {
  kind: PaletteKind;
  /** The connection a list belongs to, named beside its heading. */
  scope: string | null;
  entries: readonly PaletteEntry[];
  status: SourceStatus;
}

export interface PaletteSources {
  sources: readonly PaletteSource[];
  /** False when no connection is selected: there are no topics, groups… to offer. */
  hasConnection: boolean;
}

const NONE: readonly PaletteEntry[] = [];

function statusOf(query: { isPending: boolean; isError: boolean }): SourceStatus {
  if (query.isError) return "failed";
  return query.isPending ? "loading" : "ready";
}

export function usePaletteSources(view: View): PaletteSources {
  const role = useAppInfo().data?.role;
  const connections = useConnections();
  const recent = useRecentRecordings();
  const selectedId = selectedConnectionId(view);
  const profile = connections.data?.find((p) => p.id === selectedId) ?? null;
  // Disabled lists need some key; "" is never a connection id.
  const id = profile?.id ?? "";
  const hasKafka = profile?.kafka != null;
  const topics = useTopics(id, { enabled: hasKafka });
  const groups = useGroups(id, { enabled: hasKafka });
  const registry = useRegistryOverview(id, { enabled: profile?.schemaRegistry != null });
  const jobs = useFlinkJobs(id, { enabled: profile?.flink != null });

  const mayViewAudit = role !== undefined && canViewAudit(role);
  const mayEditPolicy = role !== undefined && canEditPolicy(role);
  const views = useMemo(
    () => viewEntries(connections.data ?? [], selectedId, { audit: mayViewAudit, policy: mayEditPolicy }),
    [connections.data, selectedId, mayViewAudit, mayEditPolicy],
  );
  const topicList = useMemo(() => (topics.data === undefined ? NONE : topicEntries(id, topics.data)), [id, topics.data]);
  const groupList = useMemo(() => (groups.data === undefined ? NONE : groupEntries(id, groups.data)), [id, groups.data]);
  const subjectList = useMemo(
    () => (registry.data === undefined ? NONE : subjectEntries(id, registry.data.subjects)),
    [id, registry.data],
  );
  const jobList = useMemo(() => (jobs.data === undefined ? NONE : jobEntries(id, jobs.data)), [id, jobs.data]);
  const recordings = useMemo(() => recordingEntries(recent), [recent]);
  const canOpenWindows = useOpenInNewWindow() !== null;
  const jobName = view.kind === "job" ? jobs.data?.find((job) => job.id === view.jobId)?.name : undefined;
  const windowName =
    view.kind === "topic" ? view.topic : view.kind === "job" ? (jobName === undefined || jobName === "" ? view.jobId : jobName) : "";
  const commands = useMemo(
    () => (canOpenWindows ? newWindowEntries(view, windowName) : NONE),
    [canOpenWindows, view, windowName],
  );

  const topicStatus = statusOf(topics);
  const groupStatus = statusOf(groups);
  const subjectStatus = statusOf(registry);
  const jobStatus = statusOf(jobs);
  const scope = profile?.name ?? null;
  const sources = useMemo(() => {
    const all: PaletteSource[] = [];
    if (commands.length > 0) all.push({ kind: "command", scope: null, entries: commands, status: "ready" });
    all.push({ kind: "view", scope: null, entries: views, status: "ready" });
    if (profile?.kafka != null) {
      all.push({ kind: "topic", scope, entries: topicList, status: topicStatus });
      all.push({ kind: "group", scope, entries: groupList, status: groupStatus });
    }
    if (profile?.schemaRegistry != null) all.push({ kind: "subject", scope, entries: subjectList, status: subjectStatus });
    if (profile?.flink != null) all.push({ kind: "job", scope, entries: jobList, status: jobStatus });
    all.push({ kind: "recording", scope: null, entries: recordings, status: "ready" });
    return all;
  }, [
    commands,
    profile,
    scope,
    views,
    topicList,
    topicStatus,
    groupList,
    groupStatus,
    subjectList,
    subjectStatus,
    jobList,
    jobStatus,
    recordings,
  ]);
  return { sources, hasConnection: profile !== null };
}
