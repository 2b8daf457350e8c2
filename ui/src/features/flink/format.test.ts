// The Flink views' number shapes: durations by size, rates and shares, and the watermark lag
// (none for Flink's "no watermark" Long.MIN_VALUE).
import { describe, expect, it } from "vitest";
import { formatDuration, formatLag, formatPercent, formatRate, watermarkLagSeconds } from "./format";

describe("flink formats", () => {
  it("writes durations by size", () => {
    expect(formatDuration(850)).toBe("850 ms");
    expect(formatDuration(4_200)).toMatch(/^4\D2 s$/);
    expect(formatDuration(185_000)).toBe("3m 05s");
    expect(formatDuration(2 * 3_600_000 + 7 * 60_000)).toBe("2h 07m");
    expect(formatDuration(3 * 86_400_000 + 4 * 3_600_000)).toBe("3d 04h");
    expect(formatDuration(null)).toBe("–");
  });

  it("writes rates and shares, and a dash for what was not measured", () => {
    expect(formatRate(1234)).toMatch(/^1\D234\/s$/);
    expect(formatRate(2.5)).toMatch(/^2\D5\/s$/);
    expect(formatRate(0)).toBe("0/s");
    expect(formatRate(null)).toBe("–");
    expect(formatPercent(35.4)).toBe("35%");
    expect(formatPercent(0.2)).toBe("<1%");
    expect(formatPercent(0)).toBe("0%");
  });

  it("measures the watermark lag from the sample's clock", () => {
    expect(watermarkLagSeconds(1_000_000, 1_004_200)).toBeCloseTo(4.2);
    expect(watermarkLagSeconds(-9_223_372_036_854_776_000, 1_000)).toBeNull();
    expect(watermarkLagSeconds(null, 1_000)).toBeNull();
    expect(formatLag(4.2)).toMatch(/^4\D2 s behind$/);
    expect(formatLag(-1)).toBe("ahead of now");
  });
});
