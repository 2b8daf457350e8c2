// The job's Configuration tab: its execution config and the job manager's configuration as
// key/value tables, both narrowed by one filter over keys and values.
import { useId, useMemo, useState } from "react";
import type { ConfigPair } from "../../../bindings/ConfigPair";
import { formatCount, pluralize } from "../../../components/format";
import { InlineError } from "../../../components/InlineError";
import { Spinner } from "../../../components/Spinner";
import { useJobConfiguration } from "../queries";

export function filterPairs(pairs: readonly ConfigPair[], filter: string): ConfigPair[] {
  const needle = filter.trim().toLowerCase();
  if (needle === "") return [...pairs];
  return pairs.filter((p) => p.key.toLowerCase().includes(needle) || p.value.toLowerCase().includes(needle));
}

function PairTable({ title, pairs, all, testId }: { title: string; pairs: readonly ConfigPair[]; all: number; testId: string }) {
  return (
    <section className="detail-section" aria-label={title}>
      <h4>
        {title}{" "}
        <span className="muted">
          {pairs.length === all ? pluralize(all, "entry", "entries") : `${formatCount(pairs.length)} of ${pluralize(all, "entry", "entries")}`}
        </span>
      </h4>
      {pairs.length === 0 ? (
        <p className="muted">{all === 0 ? "Nothing reported." : "No entry matches."}</p>
      ) : (
        <table className="data-table config-table" data-testid={testId}>
          <tbody>
            {pairs.map((pair) => (
              <tr key={pair.key} data-testid="config-row" data-key={pair.key}>
                <th scope="row" className="mono">
                  {pair.key}
                </th>
                <td className="mono">{pair.value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

export function ConfigurationTab({ connectionId, jobId }: { connectionId: string; jobId: string }) {
  const filterId = useId();
  const configuration = useJobConfiguration(connectionId, jobId);
  const [filter, setFilter] = useState("");
  const data = configuration.data;
  const job = useMemo(() => filterPairs(data?.job ?? [], filter), [data, filter]);
  const jobManager = useMemo(() => filterPairs(data?.jobManager ?? [], filter), [data, filter]);
  return (
    <section className="configuration-tab" data-testid="configuration-tab" aria-label="Configuration">
      <div className="toolbar">
        <label className="visually-hidden" htmlFor={filterId}>
          Filter configuration
        </label>
        <input
          id={filterId}
          type="search"
          className="search-input"
          placeholder="Filter keys and values"
          autoComplete="off"
          spellCheck={false}
          data-testid="config-filter"
          value={filter}
          disabled={data === undefined}
          onChange={(event) => {
            setFilter(event.target.value);
          }}
        />
      </div>
      {configuration.error !== null && (
        <InlineError
          error={configuration.error}
          onRetry={() => {
            void configuration.refetch();
          }}
          retrying={configuration.isFetching}
        />
      )}
      {data === undefined ? (
        configuration.isPending && <Spinner label="Loading the configuration…" />
      ) : (
        <>
          {data.notes.map((note) => (
            <p key={note} className="muted flink-note">
              {note}
            </p>
          ))}
          <PairTable title="Job" pairs={job} all={data.job.length} testId="job-config-table" />
          <PairTable title="Job manager" pairs={jobManager} all={data.jobManager.length} testId="jobmanager-config-table" />
        </>
      )}
    </section>
  );
}
