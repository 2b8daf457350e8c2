// A topic's Messages tab: the seek toolbar (with a text filter and a CEL expression; an
// expression the backend refuses is shown under it and marks the field), scan progress
// (with Cancel) or the last scan's numbers, the virtualized message table and the selected
// message's detail, paging (Older / Newer continue exactly where the page ended), a live
// tail capped at the rows chosen in Settings, Produce for the roles that may, Export… (the
// current result or a typed range to a file, through the same data path) and the topic's
// pinned decoders. The first page is read at the page size chosen in Settings, so the
// browser waits for them. Everything shown came through the backend's one data path,
// masked for the caller's role before it reached the window; a page whose schemas came
// from the cache (registry unreachable) says so above it. A switch of role ("view as")
// refetches the page and stops a running live tail.
import { useId, useRef, useState, type KeyboardEvent } from "react";
import { useAppInfo } from "../../app/appInfo";
import type { AppError } from "../../bindings/AppError";
import type { BrowseRequest } from "../../bindings/BrowseRequest";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import type { Payload } from "../../bindings/Payload";
import type { Role } from "../../bindings/Role";
import { choicesWith } from "../../components/choices";
import { pluralize } from "../../components/format";
import { InlineError } from "../../components/InlineError";
import { Spinner } from "../../components/Spinner";
import { DecoderPins } from "./DecoderPins";
import { ExportMessagesDialog } from "./export/ExportMessagesDialog";
import { MessageDetail } from "./MessageDetail";
import { RegistryNotice, ScanProgressBar, ScanStats, TailStatus } from "./MessagesStatus";
import { messageKey, MessageTable } from "./MessageTable";
import { MessageToolbar } from "./MessageToolbar";
import { canProduce, canReadMessages, readsMaskedByDefault } from "./permissions";
import { ProduceDialog } from "./ProduceDialog";
import { useMessagePage } from "./queries";
import { useSettings } from "../settings/queries";
import { initialSeek, isFiltered, newerPage, olderPage, PAGE_SIZES, toBrowseRequest, type SeekDraft } from "./seek";
import { appendBatch, startTail, type TailView } from "./tailBuffer";
import { useLiveTail } from "./useLiveTail";
import "./decoding.css";
import "./messages.css";

interface MessagesViewProps {
  profile: ConnectionProfile;
  topic: string;
  partitionIds: readonly number[];
}

export function MessagesView(props: MessagesViewProps) {
  const info = useAppInfo().data;
  const { settings, settled } = useSettings();
  if (info === undefined || !settled) return <Spinner label="Loading…" />;
  const role = info.role;
  if (!canReadMessages(role)) {
    return (
      <p className="empty-state" data-testid="messages-not-allowed">
        The {role} role reads messages from execution recordings, not from live topics. Ask an admin for a workspace
        policy that grants live access.
      </p>
    );
  }
  return (
    <MessageBrowser
      {...props}
      role={role}
      dataDir={info.dataDir}
      mayProduce={canProduce(role, props.profile.environment)}
      pageSize={settings.pageSize}
      tailRows={settings.tailRows}
    />
  );
}

function initialRequest(topic: string, partitionIds: readonly number[], draft: SeekDraft): BrowseRequest {
  const result = toBrowseRequest(topic, partitionIds, draft);
  if (!result.ok) throw new Error(`the initial seek is invalid: ${result.problem}`);
  return result.request;
}

function sameRequest(a: BrowseRequest, b: BrowseRequest): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

interface MessageBrowserProps extends MessagesViewProps {
  role: Role;
  /** The app's data directory: where exports go by default. */
  dataDir: string;
  mayProduce: boolean;
  /** The first page's size (Settings); read when the browser opens. */
  pageSize: number;
  /** The most rows a live tail keeps (Settings); read when a tail starts. */
  tailRows: number;
}

function MessageBrowser({ profile, topic, partitionIds, role, dataDir, mayProduce, pageSize, tailRows }: MessageBrowserProps) {
  const rootRef = useRef<HTMLElement>(null);
  const pageErrorId = useId();
  const [draft, setDraft] = useState<SeekDraft>(() => ({ ...initialSeek, pageSize }));
  const [request, setRequest] = useState<BrowseRequest>(() => initialRequest(topic, partitionIds, draft));
  const [seekProblem, setSeekProblem] = useState<string | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);
  const [tailing, setTailing] = useState(false);
  const [tail, setTail] = useState<TailView | null>(null);
  const [tailError, setTailError] = useState<AppError | null>(null);
  const [producing, setProducing] = useState(false);
  const [exporting, setExporting] = useState(false);
  // A tail streams under the role it started with: when the role changes, it stops and its
  // rows go, so nothing the previous role saw stays on screen (the page is refetched).
  const [tailRole, setTailRole] = useState(role);
  if (tailRole !== role) {
    setTailRole(role);
    setTailing(false);
    setTail(null);
  }

  const { query, scan, cancel } = useMessagePage(profile.id, request);
  const page = query.data;
  const fetching = query.isFetching;

  useLiveTail({
    active: tailing,
    connectionId: profile.id,
    topic,
    partitions: request.partitions,
    filter: request.filter,
    onBatch: (batch) => {
      setTail((current) => appendBatch(current ?? startTail([], tailRows), batch));
    },
    onError: (error) => {
      setTailError(error);
      setTailing(false);
    },
  });

  const showRequest = (next: BrowseRequest) => {
    setTailing(false);
    setTail(null);
    setTailError(null);
    if (sameRequest(next, request)) void query.refetch();
    else setRequest(next);
  };

  const apply = (next: SeekDraft) => {
    const result = toBrowseRequest(topic, partitionIds, next);
    if (!result.ok) {
      setSeekProblem(result.problem);
      return;
    }
    setSeekProblem(null);
    showRequest(result.request);
  };

  const toggleTail = () => {
    if (tailing) {
      setTailing(false);
      return;
    }
    setTailError(null);
    setTail(startTail(page?.messages ?? [], tailRows));
    setTailing(true);
  };

  const rows = tail?.rows ?? page?.messages ?? [];
  const selected = detailOpen && selectedKey !== null ? rows.find((row) => messageKey(row) === selectedKey) : undefined;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== "Escape" || !detailOpen) return;
    event.preventDefault();
    setDetailOpen(false);
    rootRef.current?.querySelector<HTMLElement>('[data-testid="message-table"]')?.focus();
  };

  const pagingDisabled = fetching || tailing || page === undefined;
  // The backend refused the input; with an expression applied, that is the expression
  // (a partition that went away is the only other refusal, and rare). Retrying would
  // only repeat the refusal: the fix is in the field.
  const refused = query.error?.kind === "invalid_input";
  const expressionRefused = refused && (request.filter.expression ?? null) !== null;
  const masked =
    readsMaskedByDefault(role, profile.environment) ||
    (page?.messages.some((message) => isMaskedPayload(message.key) || isMaskedPayload(message.value)) ?? false);

  return (
    <section
      ref={rootRef}
      className="messages-view"
      data-testid="messages-view"
      data-loading={fetching}
      aria-label="Messages"
      onKeyDown={onKeyDown}
    >
      <MessageToolbar
        draft={draft}
        partitionIds={partitionIds}
        pageSizes={choicesWith(PAGE_SIZES, pageSize)}
        onDraftChange={setDraft}
        onApply={apply}
        expressionErrorId={expressionRefused ? pageErrorId : undefined}
      >
        <DecoderPins connectionId={profile.id} topic={topic} />
        <button
          type="button"
          className="button messages-toolbar__export"
          data-testid="export-open"
          title="Write the current result, or a range, to a JSON lines or CSV file"
          onClick={() => {
            setExporting(true);
          }}
        >
          Export…
        </button>
      </MessageToolbar>

      {seekProblem !== null && (
        <p className="field__error messages-view__problem" role="alert" data-testid="seek-error">
          {seekProblem}
        </p>
      )}

      <div className="messages-status">
        {fetching ? (
          <ScanProgressBar progress={scan?.progress ?? null} onCancel={cancel} />
        ) : (
          page !== undefined && tail === null && <ScanStats page={page} />
        )}
        {!fetching && page?.incomplete === true && tail === null && (
          <span className="messages-status__note" data-testid="scan-incomplete">
            {page.stopped ??
              "The scan stopped early (cancelled, or the broker went quiet): this page holds what was read until then."}
          </span>
        )}
        {tail !== null && <TailStatus tail={tail} tailing={tailing} />}
        <span className="toolbar__spacer" />
        <span className="messages-status__count" data-testid="message-count" data-value={rows.length}>
          {pluralize(rows.length, "message")}
        </span>
        <div className="messages-status__actions">
          <button
            type="button"
            className="button"
            data-testid="page-older"
            title="The messages before this page"
            disabled={pagingDisabled || !page.hasOlder}
            onClick={() => {
              if (page !== undefined) showRequest(olderPage(request, page));
            }}
          >
            ← Older
          </button>
          <button
            type="button"
            className="button"
            data-testid="page-newer"
            title="The messages after this page"
            disabled={pagingDisabled || !page.hasNewer}
            onClick={() => {
              if (page !== undefined) showRequest(newerPage(request, page));
            }}
          >
            Newer →
          </button>
          <button
            type="button"
            className={`button${tailing ? " button--live" : ""}`}
            data-testid="live-tail"
            aria-pressed={tailing}
            title="Follow new messages as they arrive"
            onClick={toggleTail}
          >
            {tailing ? "Stop live tail" : "Live tail"}
          </button>
          {mayProduce && (
            <button
              type="button"
              className="button"
              data-testid="produce-open"
              onClick={() => {
                setProducing(true);
              }}
            >
              Produce
            </button>
          )}
        </div>
      </div>

      {query.error !== null && (
        <div id={pageErrorId}>
          {refused ? (
            <InlineError error={query.error} />
          ) : (
            <InlineError
              error={query.error}
              onRetry={() => {
                void query.refetch();
              }}
              retrying={fetching}
            />
          )}
        </div>
      )}
      {tailError !== null && <InlineError error={tailError} />}
      {typeof page?.registryNotice === "string" && <RegistryNotice notice={page.registryNotice} />}

      <div className={`messages-body${selected !== undefined ? " messages-body--with-detail" : ""}`}>
        {rows.length > 0 ? (
          <MessageTable
            rows={rows}
            selectedKey={selectedKey}
            onSelect={setSelectedKey}
            onOpen={(key) => {
              setSelectedKey(key);
              setDetailOpen(true);
            }}
            follow={tailing}
            compact={selected !== undefined}
          />
        ) : fetching || query.isPending ? (
          <div className="messages-body__empty">
            <Spinner label="Reading messages…" />
          </div>
        ) : (
          query.error === null && (
            <p className="empty-state messages-body__empty" data-testid="messages-empty">
              {tailing
                ? "Waiting for new messages…"
                : isFiltered(request.filter) && page !== undefined && page.scanned > 0
                  ? noMatchText(page.scanned, request.filter.text, request.filter.expression ?? null)
                  : "No messages here: the topic (or this range of it) is empty."}
            </p>
          )
        )}
        {selected !== undefined && (
          <MessageDetail
            message={selected}
            onClose={() => {
              setDetailOpen(false);
            }}
          />
        )}
      </div>

      {exporting && (
        <ExportMessagesDialog
          connectionId={profile.id}
          topic={topic}
          view={request}
          shown={page?.messages.length ?? 0}
          dataDir={dataDir}
          role={role}
          masked={masked}
          onClose={() => {
            setExporting(false);
          }}
        />
      )}

      {producing && (
        <ProduceDialog
          connectionId={profile.id}
          topic={topic}
          partitionIds={partitionIds}
          hasRegistry={profile.schemaRegistry !== null}
          onClose={() => {
            setProducing(false);
          }}
        />
      )}
    </section>
  );
}

/** A payload masking changed or withheld: the view (and so an export) is masked. */
function isMaskedPayload(payload: Payload): boolean {
  return payload.format === "withheld" || payload.masks.length > 0;
}

/** Why a filtered page is empty: what was scanned, and what it had to contain or satisfy. */
function noMatchText(scanned: number, text: string | null, expression: string | null): string {
  const conditions = [text === null ? null : `contains “${text}”`, expression === null ? null : `satisfies ${expression}`]
    .filter((condition) => condition !== null)
    .join(" and ");
  return `None of the ${pluralize(scanned, "message")} scanned ${conditions}.`;
}
