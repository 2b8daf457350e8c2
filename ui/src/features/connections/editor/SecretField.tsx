// A write-only secret input (password, token, private key). The stored value is never
// shown or fetched: the field says whether one is stored, a blank field keeps it, and
// "Remove" deletes it on save.
import type { SecretInput } from "./editorForm";
import { CheckboxField, TextField } from "../../../components/fields";

interface SecretFieldProps {
  label: string;
  input: SecretInput;
  stored: boolean;
  onChange: (input: SecretInput) => void;
  error?: string | undefined;
  multiline?: boolean;
  testId?: string;
}

export function SecretField({ label, input, stored, onChange, error, multiline = false, testId }: SecretFieldProps) {
  const hint = stored
    ? input.remove
      ? "The stored value will be deleted when you save."
      : "Stored in the OS keyring — leave blank to keep it."
    : "Kept in the OS keyring, never in the app's database.";
  return (
    <div className="secret-field">
      <TextField
        label={label}
        type="password"
        autoComplete="new-password"
        multiline={multiline}
        value={input.value}
        disabled={input.remove}
        placeholder={stored ? "stored — leave blank to keep" : ""}
        hint={hint}
        error={error}
        {...(testId !== undefined ? { testId } : {})}
        onChange={(value) => {
          onChange({ ...input, value });
        }}
      />
      {stored && (
        <CheckboxField
          label={`Remove the stored ${label.replace(/\s*\(PEM\)$/, "").toLowerCase()}`}
          checked={input.remove}
          {...(testId !== undefined ? { testId: `${testId}-remove` } : {})}
          onChange={(remove) => {
            onChange({ value: remove ? "" : input.value, remove });
          }}
        />
      )}
    </div>
  );
}
