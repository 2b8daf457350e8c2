// Labelled form controls for the app's forms. Each control gets a real <label htmlFor>,
// its hint and error wired through aria-describedby, and aria-invalid when wrong.
import { useId, type ReactNode } from "react";

interface FieldFrameProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  children: ReactNode;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint !== undefined ? `${id}-hint` : "", error !== undefined ? `${id}-error` : ""].filter(Boolean);
  return ids.length > 0 ? ids.join(" ") : undefined;
}

function FieldFrame({ id, label, hint, error, children }: FieldFrameProps) {
  return (
    <div className={`field${error !== undefined ? " field--invalid" : ""}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint !== undefined && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error !== undefined && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </div>
  );
}

interface TextFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  testId?: string;
  hint?: ReactNode | undefined;
  error?: string | undefined;
  placeholder?: string;
  type?: "text" | "password" | "url" | "number";
  /** Only for type "number". */
  min?: number;
  disabled?: boolean;
  autoComplete?: string;
  multiline?: boolean;
  /** Visible lines of a multiline field. */
  rows?: number;
}

export function TextField({
  label,
  value,
  onChange,
  testId,
  hint,
  error,
  placeholder,
  type = "text",
  min,
  disabled = false,
  autoComplete = "off",
  multiline = false,
  rows = 4,
}: TextFieldProps) {
  const id = useId();
  const common = {
    id,
    value,
    disabled,
    placeholder,
    spellCheck: false,
    "data-testid": testId,
    "aria-invalid": error !== undefined,
    "aria-describedby": describedBy(id, hint, error),
  };
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {multiline ? (
        <textarea
          {...common}
          rows={rows}
          className="mono"
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      ) : (
        <input
          {...common}
          type={type}
          min={min}
          autoComplete={autoComplete}
          onChange={(event) => {
            onChange(event.target.value);
          }}
        />
      )}
    </FieldFrame>
  );
}

interface SelectFieldProps<T extends string> {
  label: ReactNode;
  value: T;
  options: readonly T[];
  optionLabels: Record<T, string>;
  onChange: (value: T) => void;
  testId?: string;
  hint?: ReactNode | undefined;
  disabled?: boolean;
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  optionLabels,
  onChange,
  testId,
  hint,
  disabled = false,
}: SelectFieldProps<T>) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint}>
      <select
        id={id}
        value={value}
        disabled={disabled}
        data-testid={testId}
        aria-describedby={describedBy(id, hint, undefined)}
        onChange={(event) => {
          // Options are rendered from `options`, so the value is always one of them.
          const chosen = options.find((option) => option === event.target.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabels[option]}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxFieldProps {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  testId?: string;
  disabled?: boolean;
}

export function CheckboxField({ label, checked, onChange, testId, disabled = false }: CheckboxFieldProps) {
  const id = useId();
  return (
    <div className="field field--checkbox">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={disabled}
        data-testid={testId}
        onChange={(event) => {
          onChange(event.target.checked);
        }}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
