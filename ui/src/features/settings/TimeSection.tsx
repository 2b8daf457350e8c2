// The Settings view's Time section: the zone moments are shown (and typed times read) in —
// Local, UTC or another zone by name, searchable in the engine's list of zones — and the
// timestamp format, with the current moment written as the choice stands, ticking.
import { useEffect, useId, useState } from "react";
import type { TimestampFormat } from "../../bindings/TimestampFormat";
import { SelectField } from "../../components/fields";
import { formatTimeIn } from "../../components/timeFormat";
import { detectedTimeZone, knownTimeZones, LOCAL_ZONE } from "../../components/timeZones";
import { TIMESTAMP_FORMAT_LABELS, TIMESTAMP_FORMATS } from "./labels";
import { SettingsSection, type SectionProps } from "./SettingsSections";
import { zoneOf, type ZoneChoice } from "./settingsForm";

const ZONE_CHOICES: readonly ZoneChoice[] = ["local", "utc", "other"];

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => {
      setNow(Date.now());
    }, 1_000);
    return () => {
      window.clearInterval(timer);
    };
  }, []);
  return now;
}

function ZoneNameField({ value, error, onChange }: { value: string; error: string | undefined; onChange: (value: string) => void }) {
  const id = useId();
  // Read once per mount: the engine's list does not change while the app runs.
  const [zones] = useState(knownTimeZones);
  return (
    <div className={`field${error !== undefined ? " field--invalid" : ""}`}>
      <label htmlFor={id}>Zone name</label>
      <input
        id={id}
        type="text"
        list={`${id}-zones`}
        value={value}
        placeholder="e.g. Europe/Amsterdam"
        autoComplete="off"
        spellCheck={false}
        data-testid="settings-time-zone-name"
        aria-invalid={error !== undefined}
        aria-describedby={error !== undefined ? `${id}-error` : `${id}-hint`}
        onChange={(event) => {
          onChange(event.target.value);
        }}
      />
      <datalist id={`${id}-zones`}>
        {zones.map((zone) => (
          <option key={zone} value={zone} />
        ))}
      </datalist>
      {error === undefined ? (
        <p className="field__hint" id={`${id}-hint`}>
          An IANA zone; type to search the list.
        </p>
      ) : (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

function FormatExample({ timeZone, format }: { timeZone: string; format: TimestampFormat }) {
  const now = useNow();
  return (
    <p className="settings-example" data-testid="settings-time-example">
      <span className="muted">Now: </span>
      <span className="mono">{formatTimeIn(now, { timeZone, format })}</span>
    </p>
  );
}

export function TimeSection({ form, onChange, problems }: SectionProps) {
  const zone = zoneOf(form);
  const zoneLabels: Record<ZoneChoice, string> = {
    local: `Local (${detectedTimeZone()})`,
    utc: "UTC",
    other: "Another zone…",
  };
  return (
    <SettingsSection
      title="Time"
      description="How moments are written everywhere — messages, checkpoints, recordings, the audit log — and the zone typed times are read in."
    >
      <SelectField
        label="Time zone"
        testId="settings-time-zone"
        value={form.zoneChoice}
        options={ZONE_CHOICES}
        optionLabels={zoneLabels}
        onChange={(zoneChoice) => {
          onChange({ zoneChoice });
        }}
      />
      {form.zoneChoice === "other" && (
        <ZoneNameField
          value={form.zoneName}
          error={problems.timeZone}
          onChange={(zoneName) => {
            onChange({ zoneName });
          }}
        />
      )}
      <SelectField
        label="Timestamp format"
        testId="settings-timestamp-format"
        value={form.timestampFormat}
        options={TIMESTAMP_FORMATS}
        optionLabels={TIMESTAMP_FORMAT_LABELS}
        onChange={(timestampFormat) => {
          onChange({ timestampFormat });
        }}
      />
      {/* Until a typed zone is known, the example stays in local time. */}
      <FormatExample timeZone={"zone" in zone ? zone.zone : LOCAL_ZONE} format={form.timestampFormat} />
    </SettingsSection>
  );
}
