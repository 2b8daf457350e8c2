// Test harness for the Flink views: connection c1 (with a Flink part) in the whole frame
// against the mocked platform — each test file calls vi.mock("../../platform") and mocks
// graph/elkEngine with test/fakeElkEngine itself — with the cluster, the jobs and one job's
// graph, metrics, vertex, checkpoints, exceptions and configuration scripted.
import { screen, waitFor } from "@testing-library/react";
import { expect, vi } from "vitest";
import type { JobTab } from "../../app/navigation";
import type { AppSettings } from "../../bindings/AppSettings";
import type { Environment } from "../../bindings/Environment";
import type { GraphMetrics } from "../../bindings/GraphMetrics";
import type { JobGraph } from "../../bindings/JobGraph";
import type { JobSummary } from "../../bindings/JobSummary";
import type { Role } from "../../bindings/Role";
import type { VertexDetail } from "../../bindings/VertexDetail";
import * as platform from "../../platform";
import { appInfo, appSettings, profile } from "../../test/fixtures";
import {
  checkpointDetail,
  checkpointOverview,
  flinkOverview,
  graphMetrics,
  jobConfiguration,
  jobExceptions,
  jobGraph,
  jobSummary,
  vertexDetail,
} from "../../test/flinkFixtures";
import { stubReactFlowDom } from "../../test/reactFlowDom";
import { mockBackend, renderFrame } from "../../test/renderApp";

interface Options {
  role?: Role;
  environment?: Environment;
  jobs?: JobSummary[];
  graph?: JobGraph;
  metrics?: GraphMetrics;
  vertex?: VertexDetail;
  /** Open this job (and tab) rather than the Flink tab's list. */
  open?: { jobId: string; tab?: JobTab };
  /** What app_settings answers, over the defaults. */
  settings?: Partial<AppSettings>;
}

export const ORDERS_JOB_ID = jobSummary().id;

export function renderFlink({
  role = "developer",
  environment = "dev",
  jobs = [jobSummary()],
  graph = jobGraph(),
  metrics = graphMetrics(),
  vertex = vertexDetail(),
  open,
  settings = {},
}: Options = {}) {
  stubReactFlowDom();
  mockBackend([profile({ id: "c1", name: "Local", environment })]);
  vi.mocked(platform.fetchAppSettings).mockResolvedValue(appSettings(settings));
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo({ role }));
  vi.mocked(platform.fetchFlinkOverview).mockResolvedValue(flinkOverview());
  vi.mocked(platform.listFlinkJobs).mockResolvedValue(jobs);
  vi.mocked(platform.fetchJobGraph).mockResolvedValue(graph);
  vi.mocked(platform.fetchGraphMetrics).mockResolvedValue(metrics);
  vi.mocked(platform.fetchVertexDetail).mockResolvedValue(vertex);
  vi.mocked(platform.listVertexMetricNames).mockResolvedValue([]);
  vi.mocked(platform.fetchVertexMetrics).mockResolvedValue([]);
  vi.mocked(platform.fetchCheckpoints).mockResolvedValue(checkpointOverview());
  vi.mocked(platform.fetchCheckpointDetail).mockResolvedValue(checkpointDetail());
  vi.mocked(platform.fetchJobExceptions).mockResolvedValue(jobExceptions());
  vi.mocked(platform.fetchJobConfiguration).mockResolvedValue(jobConfiguration());
  return renderFrame({
    initialView:
      open === undefined
        ? { kind: "connection", id: "c1", tab: "flink" }
        : { kind: "job", id: "c1", jobId: open.jobId, ...(open.tab === undefined ? {} : { jobTab: open.tab }) },
  });
}

/**
 * Until the graph shows `vertices` nodes. The graph's code is loaded on demand and laid out
 * asynchronously: on a busy machine that takes longer than testing-library's default second.
 */
export async function waitForGraph(vertices = 4): Promise<void> {
  await waitFor(
    () => {
      expect(screen.getAllByTestId("graph-node")).toHaveLength(vertices);
    },
    { timeout: 10_000 },
  );
}
