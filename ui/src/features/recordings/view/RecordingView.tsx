// One opened recording, fully offline: its header, the integrity verdict (claimed at once,
// verified after the first screen), the timeline with its controls, and below it the job
// graph at the scrubbed time, the captured records around it, the events and the manifest.
// The scrubbed time, playback, the record search and selection live here, so they survive
// switching tabs. The file is closed in the backend when the view goes.
import { lazy, Suspense, useEffect, useId, useMemo, useState } from "react";
import type { CapturedRecord } from "../../../bindings/CapturedRecord";
import type { RecordingSummary } from "../../../bindings/RecordingSummary";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { Tabs, tabId, type TabDef } from "../../../components/Tabs";
import { closeRecording } from "../../../platform";
import { warmUpLayout } from "../../flink/graph/elkEngine";
import { OpenRecordingButton } from "../open/OpenRecordingButton";
import { useRecordingEvents, useRecordingIntegrity, useRecordingSummary } from "../queries";
import { rememberRecording } from "../recentRecordings";
import { RecordsPanel } from "../records/RecordsPanel";
import { Timeline } from "../timeline/Timeline";
import { TimelineControls, type StepFilter } from "../timeline/TimelineControls";
import { buildTimeline, clampTime, initialTime } from "../timeline/timelineModel";
import { usePlayback } from "../timeline/usePlayback";
import { EventList } from "./EventList";
import { IntegrityBanner } from "./IntegrityBanner";
import { ManifestPanel } from "./ManifestPanel";
import { RecordingHeader } from "./RecordingHeader";
import "../recordings.css";

// React Flow and the graph components: a chunk of their own, as for the live Graph tab.
const RecordingGraph = lazy(() => import("../graph/RecordingGraph").then((module) => ({ default: module.RecordingGraph })));

type RecordingTab = "graph" | "records" | "events" | "manifest";

const TABS: readonly TabDef<RecordingTab>[] = [
  { tab: "graph", label: "Job graph", testId: "recording-tab-graph" },
  { tab: "records", label: "Captured records", testId: "recording-tab-records" },
  { tab: "events", label: "Events", testId: "recording-tab-events" },
  { tab: "manifest", label: "Manifest", testId: "recording-tab-manifest" },
];

/** `path` as opened (the backend keys its open files by it), and what opening it said. */
function OpenedRecording({ path, summary }: { path: string; summary: RecordingSummary }) {
  const titleId = useId();
  const tabBase = useId();
  const panelId = `${tabBase}-panel`;
  const integrity = useRecordingIntegrity(path, true);
  const events = useRecordingEvents(path, true);
  const timeline = useMemo(() => buildTimeline(summary, events.data ?? []), [summary, events.data]);
  const [at, setAt] = useState(() => initialTime(buildTimeline(summary, [])));
  const playback = usePlayback(timeline, at, setAt);
  const [step, setStep] = useState<StepFilter>("all");
  const [tab, setTab] = useState<RecordingTab>("graph");
  const [search, setSearch] = useState("");
  const [record, setRecord] = useState<CapturedRecord | null>(null);
  const scrub = (time: number) => {
    setAt(clampTime(timeline, time));
  };

  useEffect(() => {
    warmUpLayout();
  }, []);

  const panel = () => {
    switch (tab) {
      case "graph":
        return (
          <Suspense fallback={<Spinner label="Loading the graph view…" />}>
            <RecordingGraph path={path} at={at} />
          </Suspense>
        );
      case "records":
        return (
          <RecordsPanel
            path={path}
            at={at}
            maskedFor={summary.manifest.maskedForRole}
            search={search}
            onSearchChange={setSearch}
            selected={record}
            onSelect={setRecord}
            onScrub={scrub}
          />
        );
      case "events":
        return <EventList timeline={timeline} at={at} onScrub={scrub} />;
      case "manifest":
        return <ManifestPanel summary={summary} />;
    }
  };

  return (
    <article className={`recording-view recording-view--${tab}`} data-testid="recording-view" data-path={path} aria-labelledby={titleId}>
      <RecordingHeader path={path} summary={summary} titleId={titleId} />
      <IntegrityBanner
        claimed={summary.integrity}
        verified={integrity.data}
        checking={integrity.isFetching}
        error={integrity.error}
        onRetry={() => {
          void integrity.refetch();
        }}
      />
      <section className="recording-view__timeline" aria-label="Timeline">
        <TimelineControls timeline={timeline} at={at} onScrub={scrub} playback={playback} step={step} onStepChange={setStep} />
        {events.error !== null && (
          <InlineError
            error={events.error}
            onRetry={() => {
              void events.refetch();
            }}
          />
        )}
        <Timeline timeline={timeline} at={at} onScrub={scrub} recordAt={record?.record.timestamp ?? null} />
      </section>
      <Tabs tabs={TABS} idBase={tabBase} panelId={panelId} active={tab} onSelect={setTab} label="Recording views" className="recording-view__tabs" />
      <div className="recording-view__panel" role="tabpanel" id={panelId} aria-labelledby={tabId(tabBase, tab)}>
        {panel()}
      </div>
    </article>
  );
}

export function RecordingView({ path }: { path: string }) {
  const summary = useRecordingSummary(path);
  const data = summary.data;

  useEffect(() => {
    if (data !== undefined) rememberRecording(path, data.manifest.jobName || data.manifest.jobId);
  }, [path, data]);

  useEffect(
    () => () => {
      closeRecording(path).catch(() => undefined);
    },
    [path],
  );

  if (data !== undefined) return <OpenedRecording path={path} summary={data} />;
  if (summary.error !== null) {
    return (
      <div className="recording-open-failed" data-testid="recording-open-failed">
        <h2>Cannot open this recording</h2>
        <p className="mono muted">{path}</p>
        <InlineError
          error={summary.error}
          onRetry={() => {
            void summary.refetch();
          }}
          retrying={summary.isFetching}
        />
        <OpenRecordingButton className="button button--primary" />
      </div>
    );
  }
  return <Spinner label="Opening the recording…" />;
}
