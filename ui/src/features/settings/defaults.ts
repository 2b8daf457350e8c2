// The settings in force before the backend has answered (and if it cannot), and the ranges
// it accepts. Both mirror the backend's contract — the backend stays the judge: it sends
// the stored settings back, and its own message when it refuses a value — and the
// defaults are the constants the views used before there were settings, so there is one
// source for each.
import type { AppSettings } from "../../bindings/AppSettings";
import { DEFAULT_REFRESH_MS } from "../flink/queries";
import { DEFAULT_PAGE_SIZE } from "../messages/seek";
import { DEFAULT_TAIL_ROWS } from "../messages/tailBuffer";
import { LOCAL_ZONE } from "../../components/timeZones";

export const DEFAULT_SETTINGS: AppSettings = {
  theme: "system",
  timeZone: LOCAL_ZONE,
  timestampFormat: "iso",
  refreshMs: DEFAULT_REFRESH_MS,
  pageSize: DEFAULT_PAGE_SIZE,
  tailRows: DEFAULT_TAIL_ROWS,
  defaultDecoders: { key: "auto", value: "auto" },
};

/** Live-tail rows the backend accepts (inclusive). */
export const TAIL_ROWS_RANGE = { min: 1_000, max: 1_000_000 } as const;
