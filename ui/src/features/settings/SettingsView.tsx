// The app's Settings: appearance, time, live views, the message browser and decoding,
// edited as one form and saved together to the backend (which validates and keeps them in
// the app database). Reset to defaults fills the form with the defaults; Save stores it.
// The form's own checks show after the first Save; the backend's invalid_input shows
// above the actions; any other failure goes to the banner. "Saved" stays until the next
// change.
import { useState, type SubmitEvent } from "react";
import type { AppSettings } from "../../bindings/AppSettings";
import { useReportError } from "../../app/AppProviders";
import { InlineError } from "../../components/InlineError";
import { Spinner } from "../../components/Spinner";
import { DEFAULT_SETTINGS } from "./defaults";
import { useSaveSettings, useSettings } from "./queries";
import { AppearanceSection, DecodingSection, LiveViewsSection, MessageBrowserSection } from "./SettingsSections";
import { checkForm, formFromSettings, type FormProblems, type SettingsForm } from "./settingsForm";
import { TimeSection } from "./TimeSection";
import "./settings.css";

function SettingsEditor({ stored }: { stored: AppSettings }) {
  const reportError = useReportError();
  const save = useSaveSettings();
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(stored));
  const [attempted, setAttempted] = useState(false);
  const [rejection, setRejection] = useState<string | null>(null);
  // The form as it was saved; "Saved" shows while the form is still exactly that.
  const [savedForm, setSavedForm] = useState<SettingsForm | null>(null);

  const checked = checkForm(form);
  const problems: FormProblems = attempted && !checked.ok ? checked.problems : {};

  const change = (patch: Partial<SettingsForm>) => {
    setForm((current) => ({ ...current, ...patch }));
    setRejection(null);
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAttempted(true);
    setRejection(null);
    if (!checked.ok) return;
    save.mutate(checked.settings, {
      onSuccess: (saved) => {
        // The backend's answer is what counts (it may write a zone its own way).
        const next = formFromSettings(saved);
        setForm(next);
        setSavedForm(next);
      },
      onError: (error) => {
        if (error.kind === "invalid_input") setRejection(error.message);
        else reportError(error);
      },
    });
  };

  const sectionProps = { form, onChange: change, problems };
  return (
    <form className="settings-form" noValidate aria-label="Settings" onSubmit={onSubmit}>
      <AppearanceSection {...sectionProps} />
      <TimeSection {...sectionProps} />
      <LiveViewsSection {...sectionProps} />
      <MessageBrowserSection {...sectionProps} />
      <DecodingSection {...sectionProps} />

      {rejection !== null && (
        <div data-testid="settings-error">
          <InlineError error={{ kind: "invalid_input", message: rejection }} />
        </div>
      )}
      <div className="settings-actions">
        <button type="submit" className="button button--primary" data-testid="settings-save" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
        <button
          type="button"
          className="button"
          data-testid="settings-reset"
          disabled={save.isPending}
          title="Fill in the defaults; Save keeps them"
          onClick={() => {
            change(formFromSettings(DEFAULT_SETTINGS));
          }}
        >
          Reset to defaults
        </button>
        <span className="settings-actions__status" role="status" data-testid="settings-saved">
          {savedForm === form ? "Saved" : ""}
        </span>
      </div>
    </form>
  );
}

export function SettingsView() {
  const { settings, settled } = useSettings();
  return (
    <section className="settings-view" data-testid="settings-view" aria-labelledby="settings-title">
      <header className="view-header">
        <div className="view-header__title">
          <h2 id="settings-title">Settings</h2>
        </div>
      </header>
      {settled ? <SettingsEditor stored={settings} /> : <Spinner label="Loading settings…" />}
    </section>
  );
}
