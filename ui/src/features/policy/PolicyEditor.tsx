// The policy's text in a monospace editor, with Check (the backend parses and validates it)
// and Save (the same check, then the file is written and the policy reloaded). Keyboard:
// Tab indents by two spaces (Esc then Tab, or Shift+Tab, leaves the editor), Ctrl+Enter
// checks and Ctrl+S saves (⌘ on macOS). What is wrong shows under the editor with the line
// it names and a way to go there; a check or save that went through says so. A managed
// (signed) policy is shown read-only with the reason. Answers about an older text are not
// shown: an edit clears them.
import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { AppError } from "../../bindings/AppError";
import { InlineError } from "../../components/InlineError";
import { isApplePlatform } from "../../components/keyboard";
import type { PolicyDocument } from "../../platform";
import { caretPosition, indentSelection, lineSpan, problemPosition, type TextPosition } from "./policyText";
import { useCheckPolicy, useSavePolicy } from "./queries";

/** The start of a SHA-256 is enough to tell policies apart; the whole is in the tooltip. */
export function shortHash(sha256: string): string {
  return sha256.slice(0, 12);
}

function stateLabel(policy: PolicyDocument): string {
  if (policy.managed) return "Managed · signed";
  return policy.builtin ? "Built-in · no file yet" : "Policy file";
}

const MANAGED_FALLBACK =
  "This installation is managed: the policy is signed with the admin key and can only be changed by signing a new one with the CLI.";

function shortcutKeys(): { check: string; save: string } {
  return isApplePlatform() ? { check: "⌘Enter", save: "⌘S" } : { check: "Ctrl+Enter", save: "Ctrl+S" };
}

/** Ctrl (⌘ on macOS) and nothing else but the key. */
function withCommandKey(event: KeyboardEvent, apple: boolean): boolean {
  if (event.altKey || event.shiftKey) return false;
  return apple ? event.metaKey && !event.ctrlKey : event.ctrlKey && !event.metaKey;
}

function ProblemAt({ message, onGoTo }: { message: string; onGoTo: (line: number) => void }) {
  const at: TextPosition | null = problemPosition(message);
  return (
    <div className="policy-problem" role="alert" data-testid="policy-problem" data-line={at?.line}>
      <div className="policy-problem__head">
        <strong>
          {at === null
            ? "The policy is not valid"
            : at.column === null
              ? `Line ${String(at.line)}`
              : `Line ${String(at.line)}, column ${String(at.column)}`}
        </strong>
        {at !== null && (
          <button
            type="button"
            className="button button--ghost"
            data-testid="policy-go-to-line"
            onClick={() => {
              onGoTo(at.line);
            }}
          >
            Go to line {at.line}
          </button>
        )}
      </div>
      <pre className="policy-problem__message mono">{message}</pre>
    </div>
  );
}

export function PolicyEditor({ policy }: { policy: PolicyDocument }) {
  const editorId = useId();
  const keysId = useId();
  const problemId = useId();
  const areaRef = useRef<HTMLTextAreaElement>(null);
  // Esc, then Tab: Tab leaves the editor instead of indenting.
  const tabLeaves = useRef(false);
  const [apple] = useState(isApplePlatform);
  // null: the text as saved.
  const [draft, setDraft] = useState<string | null>(null);
  const [caret, setCaret] = useState({ line: 1, column: 1 });
  const check = useCheckPolicy();
  const save = useSavePolicy();

  const text = draft ?? policy.text;
  const dirty = text !== policy.text;
  const readOnly = policy.managed;
  // The built-in policy's starter text is worth saving as it is: it makes the file.
  const canSave = !policy.managed && !save.isPending && (dirty || policy.builtin);
  const keys = shortcutKeys();

  // Save disables its own button, which would drop the focus out of the view: back to the text.
  const wasSaving = useRef(false);
  useEffect(() => {
    if (wasSaving.current && !save.isPending && document.activeElement === document.body) areaRef.current?.focus();
    wasSaving.current = save.isPending;
  }, [save.isPending]);

  /** A new text (null: the saved one): answers about the old one go. */
  const change = (next: string | null) => {
    setDraft(next);
    check.reset();
    if (!save.isPending) save.reset();
  };

  const runCheck = () => {
    if (readOnly || check.isPending) return;
    save.reset();
    check.mutate(text);
  };

  const runSave = () => {
    if (!canSave) return;
    check.reset();
    save.mutate(text, {
      onSuccess: () => {
        setDraft(null);
      },
    });
  };

  const goToLine = (line: number) => {
    const area = areaRef.current;
    if (area === null) return;
    const span = lineSpan(area.value, line);
    area.focus();
    area.setSelectionRange(span.start, span.end);
    const lineHeight = Number.parseFloat(getComputedStyle(area).lineHeight);
    if (Number.isFinite(lineHeight)) area.scrollTop = Math.max(0, (line - 3) * lineHeight);
    setCaret(caretPosition(area.value, span.start));
  };

  const onShortcut = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!withCommandKey(event, apple)) return;
    if (event.key === "Enter") {
      event.preventDefault();
      runCheck();
    } else if (event.key.toLowerCase() === "s" || event.code === "KeyS") {
      // Never the webview's own "save page".
      event.preventDefault();
      runSave();
    }
  };

  const onEditorKey = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (event.key === "Escape") {
      tabLeaves.current = true;
      return;
    }
    const plainTab = event.key === "Tab" && !event.shiftKey && !event.ctrlKey && !event.metaKey && !event.altKey;
    const leave = tabLeaves.current;
    tabLeaves.current = false;
    if (!plainTab || leave || readOnly) return;
    event.preventDefault();
    const area = event.currentTarget;
    const edit = indentSelection(area.value, area.selectionStart, area.selectionEnd);
    // Written to the element first, so React finds it already showing the new text and the
    // selection stays where the edit put it.
    area.value = edit.value;
    area.setSelectionRange(edit.selectionStart, edit.selectionEnd);
    setCaret(caretPosition(edit.value, edit.selectionEnd));
    change(edit.value);
  };

  // What is wrong: the check's answer, or a save refused for the same reason.
  const problem =
    check.isSuccess && check.data !== null
      ? check.data
      : save.error?.kind === "invalid_input"
        ? save.error.message
        : null;
  const otherError: AppError | null =
    check.error ?? (save.error !== null && save.error.kind !== "invalid_input" ? save.error : null);

  return (
    <div className="policy-editor" onKeyDown={onShortcut}>
      <dl className="policy-facts" data-testid="policy-facts">
        <div>
          <dt>File</dt>
          <dd>
            <span className="mono" data-testid="policy-path">
              {policy.path}
            </span>
            <span
              className={`tag${policy.managed ? " tag--accent" : ""}`}
              data-testid="policy-state"
              data-builtin={policy.builtin}
              data-managed={policy.managed}
            >
              {stateLabel(policy)}
            </span>
          </dd>
        </div>
        <div>
          <dt>SHA-256</dt>
          <dd className="mono" title={policy.sha256} data-testid="policy-sha">
            {shortHash(policy.sha256)}
          </dd>
        </div>
      </dl>

      {policy.builtin && (
        <p className="policy-note" data-testid="policy-builtin">
          No policy file exists yet, so the built-in policy applies. The text below is a starter: saving it writes{" "}
          <span className="mono">{policy.path}</span>.
        </p>
      )}
      {readOnly && (
        <p className="policy-note policy-note--locked" data-testid="policy-read-only">
          {policy.reason ?? MANAGED_FALLBACK}
        </p>
      )}

      {!readOnly && (
        <div className="toolbar policy-toolbar">
          <button
            type="button"
            className="button"
            data-testid="policy-check"
            aria-keyshortcuts={apple ? "Meta+Enter" : "Control+Enter"}
            disabled={check.isPending}
            onClick={runCheck}
          >
            {check.isPending ? "Checking…" : "Check"}
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid="policy-save"
            aria-keyshortcuts={apple ? "Meta+S" : "Control+S"}
            disabled={!canSave}
            onClick={runSave}
          >
            {save.isPending ? "Saving…" : "Save"}
          </button>
          {dirty && (
            <button
              type="button"
              className="button button--ghost"
              data-testid="policy-discard"
              disabled={save.isPending}
              onClick={() => {
                change(null);
              }}
            >
              Discard changes
            </button>
          )}
          <span className="toolbar__spacer" />
          {dirty && (
            <span className="policy-unsaved" data-testid="policy-unsaved">
              <span className="policy-unsaved__dot" aria-hidden="true" />
              Unsaved changes
            </span>
          )}
        </div>
      )}

      <label className="visually-hidden" htmlFor={editorId}>
        Workspace policy (TOML)
      </label>
      <textarea
        id={editorId}
        ref={areaRef}
        className={`policy-text mono${problem !== null ? " policy-text--invalid" : ""}`}
        data-testid="policy-text"
        value={text}
        readOnly={readOnly || save.isPending}
        spellCheck={false}
        autoCapitalize="off"
        autoComplete="off"
        wrap="off"
        rows={24}
        aria-invalid={problem !== null}
        aria-describedby={problem !== null ? `${keysId} ${problemId}` : keysId}
        onChange={(event) => {
          change(event.target.value);
        }}
        onKeyDown={onEditorKey}
        onSelect={(event) => {
          setCaret(caretPosition(event.currentTarget.value, event.currentTarget.selectionEnd));
        }}
      />
      <div className="policy-status">
        <span id={keysId}>
          {readOnly
            ? "Read-only."
            : `Tab indents (Esc, then Tab leaves the editor) · ${keys.check} checks · ${keys.save} saves`}
        </span>
        <span className="mono" data-testid="policy-caret">
          Ln {caret.line}, Col {caret.column}
        </span>
      </div>

      <div id={problemId}>{problem !== null && <ProblemAt message={problem} onGoTo={goToLine} />}</div>
      {otherError !== null && <InlineError error={otherError} />}
      {check.isSuccess && check.data === null && (
        <p className="policy-ok" role="status" data-testid="policy-valid">
          The policy is valid.{dirty ? " Save puts it in force." : ""}
        </p>
      )}
      {save.isSuccess && !dirty && (
        <p className="policy-ok" role="status" data-testid="policy-saved" data-sha={save.data.sha256}>
          Saved to {save.data.path}. The policy is in force (SHA-256 {shortHash(save.data.sha256)}).
        </p>
      )}
    </div>
  );
}
