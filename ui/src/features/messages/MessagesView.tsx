// A topic's Messages tab: the seek toolbar, scan progress (with Cancel) or the last
// scan's numbers, the virtualized message table and the selected message's detail, paging
// (Older / Newer continue exactly where the page ended), a live tail capped at the rows
// chosen in Settings, Produce for the roles that may, and the topic's pinned decoders. The
// first page is read at the page size chosen in Settings, so the browser waits for them. Everything shown came
// through the backend's one data path, masked for the caller's role before it reached the
// window; a page whose schemas came from the cache (registry unreachable) says so above it.
// A switch of role ("view as") refetches the page and stops a running live tail.
import { useRef, useState, type KeyboardEvent } from "react";
import type { AppError } from "../../bindings/AppError";
import type { BrowseRequest } from "../../bindings/BrowseRequest";
import type { ConnectionProfile } from "../../bindings/ConnectionProfile";
import type { Role } from "../../bindings/Role";
import { choicesWith } from "../../components/choices";
import { pluralize } from "../../components/format";
import { InlineError } from "../../components/InlineError";
import { Spinner } from "../../components/Spinner";
import { DecoderPins } from "./DecoderPins";
import { MessageDetail } from "./MessageDetail";
import { RegistryNotice, ScanProgressBar, ScanStats, TailStatus } from "./MessagesStatus";
import { messageKey, MessageTable } from "./MessageTable";
import { MessageToolbar } from "./MessageToolbar";
import { canProduce, canReadMessages, useRole } from "./permissions";
import { ProduceDialog } from "./ProduceDialog";
import { useMessagePage } from "./queries";
import { useSettings } from "../settings/queries";
import { initialSeek, newerPage, olderPage, PAGE_SIZES, toBrowseRequest, type SeekDraft } from "./seek";
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
  const role = useRole();
  const { settings, settled } = useSettings();
  if (role === undefined || !settled) return <Spinner label="Loading…" />;
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
  mayProduce: boolean;
  /** The first page's size (Settings); read when the browser opens. */
  pageSize: number;
  /** The most rows a live tail keeps (Settings); read when a tail starts. */
  tailRows: number;
}

function MessageBrowser({ profile, topic, partitionIds, role, mayProduce, pageSize, tailRows }: MessageBrowserProps) {
  const rootRef = useRef<HTMLElement>(null);
  const [draft, setDraft] = useState<SeekDraft>(() => ({ ...initialSeek, pageSize }));
  const [request, setRequest] = useState<BrowseRequest>(() => initialRequest(topic, partitionIds, draft));
  const [seekProblem, setSeekProblem] = useState<string | null>(null);
  const [selectedKey, setSelectedKey] = useState<string | null>(null);
  const [detailOpen, setDetailOpen] = useState(false);
  const [tailing, setTailing] = useState(false);
  const [tail, setTail] = useState<TailView | null>(null);
  const [tailError, setTailError] = useState<AppError | null>(null);
  const [producing, setProducing] = useState(false);
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
    filterText: request.filter.text,
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
  const filterText = request.filter.text;

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
      >
        <DecoderPins connectionId={profile.id} topic={topic} />
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
            The scan stopped early (cancelled, or the broker went quiet): this page holds what was read until then.
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
        <InlineError
          error={query.error}
          onRetry={() => {
            void query.refetch();
          }}
          retrying={fetching}
        />
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
                : filterText !== null && page !== undefined && page.scanned > 0
                  ? `None of the ${pluralize(page.scanned, "message")} scanned contains “${filterText}”.`
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
