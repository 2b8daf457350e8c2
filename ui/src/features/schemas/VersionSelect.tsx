// A labelled picker of one of a subject's versions, newest first, the latest marked.
import { useId } from "react";

interface VersionSelectProps {
  label: string;
  versions: readonly number[];
  value: number;
  onChange: (version: number) => void;
  testId: string;
}

export function VersionSelect({ label, versions, value, onChange, testId }: VersionSelectProps) {
  const id = useId();
  const newestFirst = [...versions].sort((a, b) => b - a);
  const latest = newestFirst[0];
  return (
    <span className="version-select">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        data-testid={testId}
        value={value}
        onChange={(event) => {
          onChange(Number(event.target.value));
        }}
      >
        {newestFirst.map((version) => (
          <option key={version} value={version}>
            v{version}
            {version === latest ? " (latest)" : ""}
          </option>
        ))}
      </select>
    </span>
  );
}
