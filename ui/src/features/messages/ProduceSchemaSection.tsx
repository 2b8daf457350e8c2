// The produce dialog's "Encode with schema" part, shown when the connection has a Schema
// Registry: a searchable subject picker (the topic's "<topic>-value" subject is picked by
// default when the registry has it), the version (latest or one of the subject's), and for
// Protobuf subjects the message to encode. The backend encodes the JSON value with it.
import { useId, useMemo, useState } from "react";
import type { AppError } from "../../bindings/AppError";
import { TextField } from "../../components/fields";
import { useSubjectDetail, useSubjectVersion } from "../schemas/queries";
import { filterSubjects } from "../schemas/subjectFilter";
import type { SchemaChoice, VersionChoice } from "./produceForm";

interface ProduceSchemaSectionProps {
  connectionId: string;
  /** The registry's subjects; undefined while they load. */
  subjects: readonly string[] | undefined;
  subjectsError: AppError | null;
  /** The resolved subject ("" for none). */
  subject: string;
  choice: SchemaChoice;
  disabled: boolean;
  onChange: (choice: SchemaChoice) => void;
}

function toVersionChoice(value: string): VersionChoice {
  return value === "latest" ? "latest" : `${Number(value)}`;
}

export function ProduceSchemaSection(props: ProduceSchemaSectionProps) {
  const { subjects, subjectsError, subject, choice, disabled, onChange } = props;
  const searchId = useId();
  const subjectId = useId();
  const [search, setSearch] = useState("");
  const visible = useMemo(() => {
    const matching = filterSubjects(subjects ?? [], search);
    // The chosen subject stays selectable whatever the search.
    return subject === "" || matching.includes(subject) ? matching : [subject, ...matching];
  }, [subjects, search, subject]);

  return (
    <fieldset className="produce-schema" data-testid="produce-schema" disabled={disabled}>
      <legend>Encode with schema</legend>
      <div className="produce-schema__row">
        <div className="field">
          <label htmlFor={searchId}>Find subject</label>
          <input
            id={searchId}
            type="search"
            placeholder="Filter subjects"
            autoComplete="off"
            spellCheck={false}
            data-testid="produce-schema-search"
            value={search}
            disabled={subjects === undefined}
            onChange={(event) => {
              setSearch(event.target.value);
            }}
          />
        </div>
        <div className="field">
          <label htmlFor={subjectId}>Subject</label>
          <select
            id={subjectId}
            data-testid="produce-schema-subject"
            value={subject}
            disabled={subjects === undefined}
            onChange={(event) => {
              onChange({ subject: event.target.value, version: "latest", message: "" });
            }}
          >
            <option value="">None: send the value as typed</option>
            {visible.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </div>
        {subject !== "" && <SubjectVersionFields {...props} />}
      </div>
      {subjectsError !== null && (
        <p className="field__error" data-testid="produce-schema-error">
          Could not list the registry's subjects: {subjectsError.message}
        </p>
      )}
      {subject !== "" && (
        <p className="field__hint" data-testid="produce-schema-hint">
          The value must be JSON: it is encoded with {subject} {choice.version === "latest" ? "(latest)" : `v${choice.version}`}{" "}
          and sent in the registry's wire format.
        </p>
      )}
    </fieldset>
  );
}

/** The version select and, for Protobuf, the message name; only once a subject is chosen. */
function SubjectVersionFields({ connectionId, subject, choice, onChange }: ProduceSchemaSectionProps) {
  const versionId = useId();
  const detail = useSubjectDetail(connectionId, subject);
  const pinned = useSubjectVersion(connectionId, subject, choice.version === "latest" ? null : Number(choice.version));
  const versions = [...(detail.data?.versions ?? [])].sort((a, b) => b - a);
  const schemaType = choice.version === "latest" ? detail.data?.latest.schemaType : pinned.data?.schemaType;

  return (
    <>
      <div className="field">
        <label htmlFor={versionId}>Version</label>
        <select
          id={versionId}
          data-testid="produce-schema-version"
          data-schema-type={schemaType}
          value={choice.version}
          onChange={(event) => {
            onChange({ ...choice, subject, version: toVersionChoice(event.target.value) });
          }}
        >
          <option value="latest">Latest{detail.data === undefined ? "" : ` (v${String(detail.data.latest.version)})`}</option>
          {versions.map((version) => (
            <option key={version} value={String(version)}>
              v{version}
            </option>
          ))}
        </select>
        {detail.error !== null && <p className="field__error">{detail.error.message}</p>}
      </div>
      {schemaType === "PROTOBUF" && (
        <TextField
          label="Message"
          testId="produce-schema-message"
          placeholder="e.g. shop.v1.Order"
          hint="Full name. Empty: the schema's first message."
          value={choice.message}
          onChange={(message) => {
            onChange({ ...choice, subject, message });
          }}
        />
      )}
    </>
  );
}
