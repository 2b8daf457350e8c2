import { render, screen, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { okProbe, probeReport } from "../../test/fixtures";
import { ProbeResults } from "./ProbeResults";

describe("ProbeResults", () => {
  it("renders one row per probed part with its ok mark, summary and time", () => {
    render(<ProbeResults report={probeReport({ kafka: okProbe("1 broker, 4 topics", 37.6) })} />);
    const kafka = screen.getByTestId("probe-kafka");
    expect(kafka).toHaveAttribute("data-ok", "true");
    expect(kafka).toHaveTextContent("1 broker, 4 topics");
    expect(kafka).toHaveTextContent("38 ms");
    expect(screen.getByTestId("probe-registry")).toHaveAttribute("data-ok", "true");
    expect(screen.getByTestId("probe-flink")).toHaveAttribute("data-ok", "true");
    expect(screen.getByText("All configured parts answered.")).toBeInTheDocument();
  });

  it("explains failures with a human label for the kind and the backend's message", () => {
    render(
      <ProbeResults
        report={probeReport({
          schemaRegistry: {
            ok: false,
            summary: "",
            failure: { kind: "wrong_service", message: "http://127.0.0.1:18082 answered like Flink, not a Schema Registry." },
            elapsedMs: 5,
          },
          flink: {
            ok: false,
            summary: "",
            failure: { kind: "refused", message: "Nothing listens on 127.0.0.1:18082." },
            elapsedMs: 2,
          },
        })}
      />,
    );
    const registry = screen.getByTestId("probe-registry");
    expect(registry).toHaveAttribute("data-ok", "false");
    expect(within(registry).getByText("Failed")).toBeInTheDocument();
    expect(registry).toHaveTextContent("Wrong service on that port: http://127.0.0.1:18082 answered like Flink");
    expect(screen.getByTestId("probe-flink")).toHaveTextContent("Connection refused: Nothing listens on 127.0.0.1:18082.");
    expect(screen.getByTestId("probe-kafka")).toHaveAttribute("data-ok", "true");
    expect(screen.getByText("2 of 3 parts failed.")).toBeInTheDocument();
  });

  it.each([
    ["invalid_config", "Invalid settings"],
    ["missing_secret", "Secret missing"],
    ["dns", "DNS lookup failed"],
    ["timeout", "Timed out"],
    ["tls", "TLS error"],
    ["auth", "Authentication failed"],
    ["protocol", "Protocol error"],
  ] as const)("labels %s as “%s”", (kind, label) => {
    render(
      <ProbeResults
        report={{ kafka: { ok: false, summary: "", failure: { kind, message: "details" }, elapsedMs: 1 }, schemaRegistry: null, flink: null }}
      />,
    );
    expect(screen.getByTestId("probe-kafka")).toHaveTextContent(`${label}: details`);
  });

  it("leaves out parts that are not configured", () => {
    render(<ProbeResults report={{ kafka: okProbe("1 broker"), schemaRegistry: null, flink: null }} />);
    expect(screen.getByTestId("probe-kafka")).toBeInTheDocument();
    expect(screen.queryByTestId("probe-registry")).not.toBeInTheDocument();
    expect(screen.queryByTestId("probe-flink")).not.toBeInTheDocument();
  });
});
