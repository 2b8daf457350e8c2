// The Settings view's sections other than Time (TimeSection.tsx): Appearance, Live views,
// Message browser and Decoding. Each edits its part of the form; none saves.
import type { ReactNode } from "react";
import type { DecoderChoice } from "../../bindings/DecoderChoice";
import { choicesWith } from "../../components/choices";
import { SelectField, TextField } from "../../components/fields";
import { formatCount } from "../../components/format";
import { REFRESH_CHOICES } from "../flink/queries";
import { everyLabel } from "../flink/RefreshSelect";
import { DECODER_CHOICES, DECODER_LABELS } from "../messages/decoderChoices";
import { PAGE_SIZES } from "../messages/seek";
import { TAIL_ROWS_RANGE } from "./defaults";
import { THEME_LABELS, THEMES } from "./labels";
import type { FormProblems, SettingsForm } from "./settingsForm";

export interface SectionProps {
  form: SettingsForm;
  onChange: (patch: Partial<SettingsForm>) => void;
  problems: FormProblems;
}

export function SettingsSection({ title, description, children }: { title: string; description: string; children: ReactNode }) {
  return (
    <fieldset className="settings-section">
      <legend className="settings-section__title">{title}</legend>
      <p className="settings-section__description muted">{description}</p>
      <div className="settings-section__fields">{children}</div>
    </fieldset>
  );
}

/** Numbers offered in a select: their text is the option's value. */
function numberOptions(values: readonly number[], label: (value: number) => string) {
  return { options: values.map(String), optionLabels: Object.fromEntries(values.map((v) => [String(v), label(v)])) };
}

export function AppearanceSection({ form, onChange }: SectionProps) {
  return (
    <SettingsSection title="Appearance" description="The window's colours.">
      <SelectField
        label="Theme"
        testId="settings-theme"
        value={form.theme}
        options={THEMES}
        optionLabels={THEME_LABELS}
        hint={form.theme === "system" ? "Light or dark as the operating system is set, following it when it changes." : undefined}
        onChange={(theme) => {
          onChange({ theme });
        }}
      />
    </SettingsSection>
  );
}

const MANUAL = "manual";

export function LiveViewsSection({ form, onChange }: SectionProps) {
  const { options, optionLabels } = numberOptions(choicesWith(REFRESH_CHOICES, form.refreshMs), everyLabel);
  return (
    <SettingsSection
      title="Live views"
      description="How often the Flink job views and an open consumer group's lag are read again. Each job view can still change it for itself."
    >
      <SelectField
        label="Refresh interval"
        testId="settings-refresh"
        value={form.refreshMs === null ? MANUAL : String(form.refreshMs)}
        options={[...options, MANUAL]}
        optionLabels={{ ...optionLabels, [MANUAL]: "manual (only on Refresh)" }}
        onChange={(value) => {
          onChange({ refreshMs: value === MANUAL ? null : Number(value) });
        }}
      />
    </SettingsSection>
  );
}

export function MessageBrowserSection({ form, onChange, problems }: SectionProps) {
  const { options, optionLabels } = numberOptions(choicesWith(PAGE_SIZES, form.pageSize), (size) => `${formatCount(size)} messages`);
  return (
    <SettingsSection title="Message browser" description="Where a topic's Messages tab starts, and how much a live tail keeps.">
      <SelectField
        label="Page size"
        testId="settings-page-size"
        value={String(form.pageSize)}
        options={options}
        optionLabels={optionLabels}
        hint="The first page's size (per partition when reading the newest); the toolbar can change it for one topic."
        onChange={(value) => {
          onChange({ pageSize: Number(value) });
        }}
      />
      <TextField
        label="Live-tail rows"
        testId="settings-tail-rows"
        type="number"
        min={TAIL_ROWS_RANGE.min}
        value={form.tailRows}
        error={problems.tailRows}
        hint={problems.tailRows === undefined ? "The newest rows a live tail keeps; older ones leave the view." : undefined}
        onChange={(tailRows) => {
          onChange({ tailRows });
        }}
      />
    </SettingsSection>
  );
}

export function DecodingSection({ form, onChange }: SectionProps) {
  const select = (side: "key" | "value", label: string) => (
    <SelectField<DecoderChoice>
      label={label}
      testId={`settings-${side}-decoder`}
      value={form.defaultDecoders[side]}
      options={DECODER_CHOICES}
      optionLabels={DECODER_LABELS}
      onChange={(choice) => {
        onChange({ defaultDecoders: { ...form.defaultDecoders, [side]: choice } });
      }}
    />
  );
  return (
    <SettingsSection
      title="Decoding"
      description="How keys and values are decoded in topics that have no decoders pinned of their own (a topic's Messages tab pins them)."
    >
      {select("key", "Key decoder")}
      {select("value", "Value decoder")}
    </SettingsSection>
  );
}
