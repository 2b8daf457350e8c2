// The Settings view's form as typed, and the AppSettings it becomes. The time zone is
// picked as Local, UTC or another zone typed by name (checked against the engine's tz
// database, and written the engine's way: "europe/amsterdam" becomes "Europe/Amsterdam");
// live-tail rows are typed. Client-side checks catch the obvious mistakes before a round
// trip; the backend checks again and has the last word (invalid_input).
import type { AppSettings } from "../../bindings/AppSettings";
import type { Theme } from "../../bindings/Theme";
import type { TimestampFormat } from "../../bindings/TimestampFormat";
import type { TopicDecoders } from "../../bindings/TopicDecoders";
import { formatCount } from "../../components/format";
import { canonicalTimeZone, LOCAL_ZONE } from "../../components/timeZones";
import { TAIL_ROWS_RANGE } from "./defaults";

export type ZoneChoice = "local" | "utc" | "other";

export interface SettingsForm {
  theme: Theme;
  zoneChoice: ZoneChoice;
  /** The zone typed, used when zoneChoice is "other". */
  zoneName: string;
  timestampFormat: TimestampFormat;
  refreshMs: number | null;
  pageSize: number;
  /** As typed. */
  tailRows: string;
  defaultDecoders: TopicDecoders;
}

export type FormProblems = Partial<Record<"timeZone" | "tailRows", string>>;

export type FormResult = { ok: true; settings: AppSettings } | { ok: false; problems: FormProblems };

/** The backend's longest zone name. */
const MAX_ZONE_LENGTH = 64;

function zoneChoiceOf(timeZone: string): ZoneChoice {
  if (timeZone === LOCAL_ZONE) return "local";
  return timeZone === "UTC" ? "utc" : "other";
}

export function formFromSettings(settings: AppSettings): SettingsForm {
  const zoneChoice = zoneChoiceOf(settings.timeZone);
  return {
    theme: settings.theme,
    zoneChoice,
    zoneName: zoneChoice === "other" ? settings.timeZone : "",
    timestampFormat: settings.timestampFormat,
    refreshMs: settings.refreshMs,
    pageSize: settings.pageSize,
    tailRows: String(settings.tailRows),
    defaultDecoders: settings.defaultDecoders,
  };
}

/** The zone the form stands for, or the problem with the one typed. */
export function zoneOf(form: SettingsForm): { zone: string } | { problem: string } {
  switch (form.zoneChoice) {
    case "local":
      return { zone: LOCAL_ZONE };
    case "utc":
      return { zone: "UTC" };
    case "other": {
      const typed = form.zoneName.trim();
      if (typed === "") return { problem: "Type a time zone, such as Europe/Amsterdam or America/New_York, or pick Local or UTC." };
      const zone = typed.length > MAX_ZONE_LENGTH ? null : canonicalTimeZone(typed);
      if (zone === null) {
        return { problem: `“${typed}” is not a time zone this app knows: pick one from the list (an IANA name such as Europe/Amsterdam), or Local or UTC.` };
      }
      return { zone };
    }
  }
}

/** The settings the form stands for, or what is wrong with it. */
export function checkForm(form: SettingsForm): FormResult {
  const problems: FormProblems = {};
  const zone = zoneOf(form);
  if ("problem" in zone) problems.timeZone = zone.problem;
  const rows = form.tailRows.trim();
  const tailRows = /^\d+$/.test(rows) ? Number(rows) : Number.NaN;
  if (!(tailRows >= TAIL_ROWS_RANGE.min && tailRows <= TAIL_ROWS_RANGE.max)) {
    problems.tailRows = `Enter a whole number of rows from ${formatCount(TAIL_ROWS_RANGE.min)} to ${formatCount(TAIL_ROWS_RANGE.max)}: the live tail keeps that many of the newest messages in memory.`;
  }
  if (!("zone" in zone) || problems.tailRows !== undefined) return { ok: false, problems };
  return {
    ok: true,
    settings: {
      theme: form.theme,
      timeZone: zone.zone,
      timestampFormat: form.timestampFormat,
      refreshMs: form.refreshMs,
      pageSize: form.pageSize,
      tailRows,
      defaultDecoders: form.defaultDecoders,
    },
  };
}
