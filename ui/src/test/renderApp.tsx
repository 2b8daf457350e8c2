// Renders UI inside the real providers (fresh query cache and error reporter per test)
// with a userEvent session. The platform module is mocked by each test file itself.
import { render } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import type { ReactNode } from "react";
import { vi } from "vitest";
import { AppFrame } from "../app/AppFrame";
import { AppProviders, createAppServices } from "../app/AppProviders";
import type { View } from "../app/navigation";
import type { ConnectionProfile } from "../bindings/ConnectionProfile";
import * as platform from "../platform";
import { appInfo, appSettings, clusterOverview, messagePage, registryOverview } from "./fixtures";
import { flinkOverview } from "./flinkFixtures";

export function renderWithApp(ui: ReactNode, options: { initialView?: View } = {}) {
  const services = createAppServices();
  const user = userEvent.setup();
  const result = render(
    <AppProviders services={services} {...options}>
      {ui}
    </AppProviders>,
  );
  return { ...result, user, services };
}

/** The whole window: sidebar, top bar, banner and the chosen view. */
export function renderFrame(options: { initialView?: View } = {}) {
  return renderWithApp(<AppFrame />, options);
}

/**
 * Default answers for the queries every screen makes (requires vi.mock of platform): the
 * connections given, a developer, the default settings (a save stores what it is given), a
 * reachable cluster with no topics, no messages and no
 * consumer groups, a Schema Registry with no subjects, no decoders pinned, a Flink
 * cluster without jobs, no recording to open at start and a window that hears no drops.
 */
export function mockBackend(connections: ConnectionProfile[] = []): void {
  vi.mocked(platform.fetchAppInfo).mockResolvedValue(appInfo());
  vi.mocked(platform.listConnections).mockResolvedValue(connections);
  vi.mocked(platform.fetchAppSettings).mockResolvedValue(appSettings());
  vi.mocked(platform.saveAppSettings).mockImplementation((settings) => {
    // Stored: app_settings answers with it from now on.
    vi.mocked(platform.fetchAppSettings).mockResolvedValue(settings);
    return Promise.resolve(settings);
  });
  vi.mocked(platform.listTopics).mockResolvedValue([]);
  vi.mocked(platform.fetchClusterOverview).mockResolvedValue(clusterOverview({ topicCount: 0, partitionCount: 0 }));
  vi.mocked(platform.browseMessages).mockResolvedValue(messagePage());
  vi.mocked(platform.cancelScan).mockResolvedValue(undefined);
  vi.mocked(platform.fetchTopicDecoders).mockResolvedValue({ key: "auto", value: "auto" });
  vi.mocked(platform.pinTopicDecoders).mockResolvedValue(undefined);
  vi.mocked(platform.listGroups).mockResolvedValue([]);
  vi.mocked(platform.fetchRegistryOverview).mockResolvedValue(registryOverview());
  vi.mocked(platform.fetchFlinkOverview).mockResolvedValue(flinkOverview({ jobsRunning: 0, jobsFinished: 0 }));
  vi.mocked(platform.listFlinkJobs).mockResolvedValue([]);
  vi.mocked(platform.launchRecording).mockResolvedValue(null);
  vi.mocked(platform.onFileDrag).mockResolvedValue(() => undefined);
  vi.mocked(platform.closeRecording).mockResolvedValue(undefined);
}

/**
 * jsdom does no layout, so every element is 0 px tall and a virtualized list would show
 * no rows. Gives scroll containers a height (restored after each test by restoreMocks).
 */
export function stubViewportHeight(height = 600, width = 900): void {
  vi.spyOn(HTMLElement.prototype, "clientHeight", "get").mockReturnValue(height);
  vi.spyOn(HTMLElement.prototype, "clientWidth", "get").mockReturnValue(width);
}
