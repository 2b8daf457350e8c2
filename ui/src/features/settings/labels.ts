// Human words for the settings' enums, and the choices offered, in the order shown.
import type { Theme } from "../../bindings/Theme";
import type { TimestampFormat } from "../../bindings/TimestampFormat";

export const THEMES: readonly Theme[] = ["system", "light", "dark"];

export const THEME_LABELS: Record<Theme, string> = {
  system: "Same as the system",
  light: "Light",
  dark: "Dark",
};

export const TIMESTAMP_FORMATS: readonly TimestampFormat[] = ["iso", "rfc3339", "epoch_millis"];

export const TIMESTAMP_FORMAT_LABELS: Record<TimestampFormat, string> = {
  iso: "ISO-like (2026-01-01 13:05:09.042)",
  rfc3339: "RFC 3339, with the offset (2026-01-01T13:05:09.042+01:00)",
  epoch_millis: "Milliseconds since the epoch (1767269109042)",
};
