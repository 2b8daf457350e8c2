// The small time-series chart: the first series' latest value and sample count in the caption,
// a gap where a value is missing, points placed by time, one sample drawn as a level line,
// and a legend once there is more than one series.
import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { TimeSeriesChart } from "./TimeSeriesChart";

const format = (value: number) => `${String(value)} u`;

describe("TimeSeriesChart", () => {
  it("says how many samples and the latest value, and breaks the line at a gap", () => {
    render(
      <TimeSeriesChart
        title="Records"
        testId="chart"
        format={format}
        series={[
          {
            name: "in",
            points: [
              { at: 0, value: 1 },
              { at: 1000, value: 3 },
              { at: 2000, value: null },
              { at: 3000, value: 2 },
              { at: 4000, value: 4 },
            ],
          },
        ]}
      />,
    );
    const chart = screen.getByTestId("chart");
    expect(chart).toHaveAttribute("data-points", "5");
    expect(chart).toHaveAttribute("data-latest", "4");
    expect(chart).toHaveTextContent("now 4 u · highest 4 u · 5 samples");
    const lines = chart.querySelectorAll("polyline");
    expect(lines).toHaveLength(2);
    // By time (0–1 s: a quarter of the width), scaled from 0 to the highest value (4).
    expect(lines[0]?.getAttribute("points")).toBe("4.0,58.0 152.0,22.0");
    expect(screen.queryByRole("list")).not.toBeInTheDocument();
  });

  it("draws one sample as a level line, and names several series", () => {
    render(
      <TimeSeriesChart
        title="Busy"
        testId="chart"
        format={format}
        series={[
          { name: "busy", points: [{ at: 5, value: 2 }] },
          { name: "back-pressured", points: [{ at: 5, value: 0 }], tone: "secondary" },
        ]}
      />,
    );
    const lines = screen.getByTestId("chart").querySelectorAll("polyline");
    expect(lines[0]?.getAttribute("points")).toBe("4.0,4.0 596.0,4.0");
    expect(lines[1]).toHaveClass("ts-chart__line--secondary");
    expect(screen.getByRole("list")).toHaveTextContent("busyback-pressured");
  });

  it("waits for a first sample", () => {
    render(<TimeSeriesChart title="Lag" testId="chart" format={format} series={[{ name: "lag", points: [] }]} waiting="no watermark yet" />);
    expect(screen.getByTestId("chart")).toHaveTextContent("no watermark yet");
    expect(screen.getByTestId("chart")).not.toHaveAttribute("data-latest");
  });
});
