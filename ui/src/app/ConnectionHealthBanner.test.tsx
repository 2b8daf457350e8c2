// A connection whose broker goes away, in the whole window: the banner checks, then says it
// is lost and counts down to each probe on the backoff schedule, Retry now probes at once,
// the sidebar's dot follows, and when the broker answers again every view of it refreshes
// and "Reconnected" shows for a moment. Probes are held open by the test, so each step is
// decided by the test and not by how fast the machine is.
import { act, renderHook, screen, waitFor, within } from "@testing-library/react";
import type { ReactNode } from "react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { AppError } from "../bindings/AppError";
import type { ClusterOverview } from "../bindings/ClusterOverview";
import * as platform from "../platform";
import { clusterOverview, profile, topicSummary } from "../test/fixtures";
import { mockBackend, renderFrame, stubViewportHeight } from "../test/renderApp";
import { AppProviders, createAppServices } from "./AppProviders";
import { MAX_ATTEMPTS } from "./connectionHealth";
import { RECONNECTED_SHOWN_MS } from "./ConnectionHealthBanner";
import { usePollEvery } from "./connectionRecovery";

vi.mock("../platform");

// list_topics and the probe (cluster_overview) both start with the same metadata request,
// so a broker that is down fails both with the same message.
const refused: AppError = {
  kind: "unavailable",
  message:
    "Could not read the cluster metadata from 127.0.0.1:19092: Meta data fetch error: BrokerTransportFailure (Local: Broker transport failure). Check that the cluster is up.",
};

/** Each probe (fetchClusterOverview) waits until the test settles it. */
function heldProbes() {
  const pending: { resolve: (overview: ClusterOverview) => void; reject: (error: AppError) => void }[] = [];
  vi.mocked(platform.fetchClusterOverview).mockImplementation(
    () =>
      new Promise<ClusterOverview>((resolve, reject) => {
        pending.push({ resolve, reject });
      }),
  );
  const next = async () => {
    await waitFor(() => {
      expect(pending.length).toBeGreaterThan(0);
    });
    const probe = pending.shift();
    if (probe === undefined) throw new Error("no probe");
    return probe;
  };
  return {
    fail: async (error: AppError = refused) => {
      const probe = await next();
      await act(async () => {
        probe.reject(error);
        await Promise.resolve();
      });
    },
    answer: async () => {
      const probe = await next();
      await act(async () => {
        probe.resolve(clusterOverview());
        await Promise.resolve();
      });
    },
  };
}

async function advance(ms: number) {
  await act(async () => {
    await vi.advanceTimersByTimeAsync(ms);
  });
}

function banner() {
  return screen.getByTestId("connection-health");
}

function dot() {
  const item = screen.getAllByTestId("connection-item").find((el) => el.getAttribute("data-connection-name") === "Local");
  if (item === undefined) throw new Error("no sidebar item");
  return within(item).getByTestId("connection-health-dot");
}

async function expectBanner(text: string) {
  await waitFor(() => {
    expect(banner()).toHaveTextContent(text);
  });
}

beforeEach(() => {
  vi.useFakeTimers({ shouldAdvanceTime: true });
  // The middle of the jitter: every wait is its nominal 1 s, 2 s, 4 s …
  vi.spyOn(Math, "random").mockReturnValue(0.5);
  mockBackend([profile({ id: "c1", name: "Local" })]);
  stubViewportHeight();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("ConnectionHealthBanner", () => {
  it("checks, counts down to each probe, and refreshes the views when the broker is back", async () => {
    vi.mocked(platform.listTopics).mockRejectedValue(refused);
    const probes = heldProbes();
    renderFrame({ initialView: { kind: "connection", id: "c1", tab: "topics" } });

    // The list could not be read: the view says why; the banner only checks the broker.
    const inline = await screen.findByTestId("inline-error");
    expect(inline).toHaveTextContent(refused.message);
    await expectBanner("Checking whether the Kafka cluster at 127.0.0.1:19092 can still be reached…");
    expect(banner()).toHaveAttribute("role", "status");
    expect(dot()).toHaveAttribute("data-health", "reconnecting");
    expect(screen.queryByTestId("error-banner")).not.toBeInTheDocument();

    // The first probe, 1 s later, fails too: now it is lost.
    expect(platform.fetchClusterOverview).not.toHaveBeenCalled();
    await advance(1_000);
    await probes.fail();
    await expectBanner("Lost the Kafka cluster at 127.0.0.1:19092.");
    expect(banner()).toHaveTextContent(refused.message);
    await waitFor(() => {
      expect(screen.getByTestId("connection-health-countdown")).toHaveTextContent("Retrying in 2 s (attempt 2 of 10)…");
    });
    // Said once: the view's own error now points up instead of repeating it.
    await waitFor(() => {
      expect(screen.getByTestId("inline-error")).toHaveAttribute("data-shown-above", "true");
    });
    expect(screen.getByTestId("inline-error")).not.toHaveTextContent(refused.message);
    expect(screen.getByTestId("inline-error")).toHaveTextContent("cannot be reached (see above)");

    await advance(1_000);
    await waitFor(() => {
      expect(screen.getByTestId("connection-health-countdown")).toHaveTextContent("Retrying in 1 s (attempt 2 of 10)…");
    });
    await advance(1_000);
    await waitFor(() => {
      expect(screen.getByTestId("connection-health-countdown")).toHaveTextContent("Retrying now (attempt 2 of 10)…");
    });
    expect(screen.getByTestId("connection-retry-now")).toBeDisabled();
    await probes.fail();
    await waitFor(() => {
      expect(screen.getByTestId("connection-health-countdown")).toHaveTextContent("Retrying in 4 s (attempt 3 of 10)…");
    });
    expect(platform.fetchClusterOverview).toHaveBeenCalledTimes(2);
    // Nothing else asked the broker while it was lost.
    expect(platform.listTopics).toHaveBeenCalledTimes(1);

    // The broker is back; Retry now does not wait the 4 s.
    vi.mocked(platform.listTopics).mockResolvedValue([topicSummary({ name: "orders" }), topicSummary({ name: "payments" })]);
    act(() => {
      screen.getByTestId("connection-retry-now").click();
    });
    await probes.answer();
    await expectBanner("Reconnected to the Kafka cluster at 127.0.0.1:19092.");
    expect(await screen.findAllByTestId("topic-row")).toHaveLength(2);
    expect(screen.queryByTestId("inline-error")).not.toBeInTheDocument();
    expect(dot()).toHaveAttribute("data-health", "ok");
    expect(platform.listTopics).toHaveBeenCalledTimes(2);

    await advance(RECONNECTED_SHOWN_MS);
    await waitFor(() => {
      expect(screen.queryByTestId("connection-health-line")).not.toBeInTheDocument();
    });
  });

  it("gives up after the last attempt, says offline, and Retry now starts over", async () => {
    vi.mocked(platform.listTopics).mockRejectedValue(refused);
    vi.mocked(platform.fetchClusterOverview).mockRejectedValue(refused);
    renderFrame({ initialView: { kind: "connection", id: "c1", tab: "topics" } });
    await expectBanner("Checking whether");

    // Each wait is at most 30 s: one probe per step.
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) await advance(30_000);
    await expectBanner("The Kafka cluster at 127.0.0.1:19092 is offline.");
    expect(banner()).toHaveTextContent(`Streamlens stopped retrying after ${MAX_ATTEMPTS} attempts.`);
    expect(dot()).toHaveAttribute("data-health", "offline");
    expect(platform.fetchClusterOverview).toHaveBeenCalledTimes(MAX_ATTEMPTS);

    // No more probes by themselves.
    await advance(120_000);
    expect(platform.fetchClusterOverview).toHaveBeenCalledTimes(MAX_ATTEMPTS);

    act(() => {
      screen.getByTestId("connection-retry-now").click();
    });
    await waitFor(() => {
      expect(platform.fetchClusterOverview).toHaveBeenCalledTimes(MAX_ATTEMPTS + 1);
    });
    await waitFor(() => {
      expect(screen.getByTestId("connection-health-countdown")).toHaveTextContent("(attempt 2 of 10)");
    });
    expect(dot()).toHaveAttribute("data-health", "reconnecting");
  });

  it("shows neither 'lost' nor 'reconnected' when the probe says the broker is fine", async () => {
    // A broker that cannot describe consumer groups answers the list with "unavailable".
    const groupsUnsupported: AppError = {
      kind: "unavailable",
      message: "The broker could not list and describe its consumer groups.",
    };
    vi.mocked(platform.listGroups).mockRejectedValue(groupsUnsupported);
    const probes = heldProbes();
    renderFrame({ initialView: { kind: "connection", id: "c1", tab: "groups" } });
    await expectBanner("Checking whether the Kafka cluster at 127.0.0.1:19092 can still be reached…");

    await advance(1_000);
    await probes.answer();
    await waitFor(() => {
      expect(screen.queryByTestId("connection-health-line")).not.toBeInTheDocument();
    });
    // Asked once more after the probe; failing again is the list's own problem.
    await waitFor(() => {
      expect(platform.listGroups).toHaveBeenCalledTimes(2);
    });
    expect(await screen.findByTestId("inline-error")).toHaveTextContent(groupsUnsupported.message);
    expect(dot()).toHaveAttribute("data-health", "ok");
    await advance(5_000);
    expect(screen.queryByTestId("connection-health-line")).not.toBeInTheDocument();
    expect(platform.fetchClusterOverview).toHaveBeenCalledTimes(1);
  });
});

describe("usePollEvery", () => {
  it("polls at the interval while the service is fine, and not at all while it is lost", () => {
    const services = createAppServices();
    const wrapper = ({ children }: { children: ReactNode }) => <AppProviders services={services}>{children}</AppProviders>;
    const { result, rerender } = renderHook(
      ({ part }: { part: "kafka" | "flink" }) => usePollEvery("c1", part, 5_000),
      { wrapper, initialProps: { part: "kafka" } },
    );
    const fine = { state: { status: "success" } };
    expect(result.current(fine)).toBe(5_000);
    expect(result.current({ state: { status: "error" } })).toBe(false);

    act(() => {
      services.connectionHealth.queryFailed(["topics", "c1"], "h", refused);
    });
    expect(result.current(fine)).toBe(false);
    // Flink of the same connection is another service: it keeps polling.
    rerender({ part: "flink" });
    expect(result.current(fine)).toBe(5_000);
  });
});
