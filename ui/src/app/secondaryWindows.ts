// The main window's record of the app's other windows (a topic or a Flink job, each in a
// window of its own): it opens them, writes their first session, keeps the list of those open
// in storage, forgets one when the user closes it, and after a restart reopens those that
// were open when the app closed. Only the main window writes the list (windowSession.ts).
// When the main window closes, the others close after it (SecondaryFrame) while nothing is
// left to hear them, so the list keeps them for the next start.
// Also the window titles: "<name> — Streamlens".
import type { ViewWindow } from "../platform";
import { NO_PLACES } from "./connectionPlaces";
import { selectedConnectionId, type View } from "./navigation";
import { viewQuery } from "./viewCodec";
import { sameView } from "./viewHistory";
import { titleFor } from "./viewTitle";
import {
  forgetClosedSessions,
  forgetSession,
  nextWindowLabel,
  readOpenWindows,
  readSession,
  webStorage,
  writeOpenWindows,
  writeSession,
  type KeyValueStore,
} from "./windowSession";

/** What SecondaryWindows needs of the platform (platform/windows.ts; fakes in tests). */
export interface WindowPlatform {
  open: (window: ViewWindow) => Promise<void>;
  onClosed: (label: string, handler: () => void) => Promise<() => void>;
  labels: () => Promise<string[]>;
}

export function windowTitle(name: string): string {
  return `${name} — Streamlens`;
}

/** The view without its tab: the same topic, group, subject or job on another tab is the same subject. */
function subjectOf(view: View): View {
  switch (view.kind) {
    case "topic":
      return { kind: "topic", id: view.id, topic: view.topic };
    case "job":
      return { kind: "job", id: view.id, jobId: view.jobId };
    case "connection":
      return { kind: "connection", id: view.id };
    case "group":
    case "subject":
    case "recording":
    case "home":
    case "new-connection":
    case "edit-connection":
    case "audit":
    case "policy":
    case "settings":
      return view;
  }
}

/**
 * What a window showing `view` is called: `first.name` while it shows what it was opened on
 * (on any tab), else what the view itself says (a job's id, as its name is not in the view).
 */
export function windowName(view: View, first: { view: View; name: string | null }): string {
  if (first.name !== null && sameView(subjectOf(view), subjectOf(first.view))) return first.name;
  switch (view.kind) {
    case "topic":
      return view.topic;
    case "group":
      return view.group;
    case "subject":
      return view.subject;
    case "job":
      return `Flink job ${view.jobId.slice(0, 8)}`;
    case "recording":
      return view.path.split(/[\\/]/).at(-1) ?? view.path;
    case "home":
    case "connection":
    case "new-connection":
    case "edit-connection":
    case "audit":
    case "policy":
    case "settings":
      return titleFor(view);
  }
}

export class SecondaryWindows {
  private readonly platform: WindowPlatform;
  private readonly store: KeyValueStore | null;
  /** The windows in the stored list, oldest first. */
  private labels: string[] = [];
  /**
   * Every label this run has used or seen: a new window never takes one, so two quick opens
   * cannot pick the same, nor a window still closing lend its label to a new one.
   */
  private readonly taken = new Set<string>();
  private restoring: Promise<void> | null = null;

  constructor(platform: WindowPlatform, store = webStorage()) {
    this.platform = platform;
    this.store = store;
  }

  /**
   * Reopens the windows that were open when the app closed (once; later calls wait for the
   * first). A window whose connection is gone, or whose view is unreadable, is forgotten; one
   * still open (the main window was reloaded) is only watched again.
   */
  restore(connectionIds: () => Promise<ReadonlySet<string>>): Promise<void> {
    this.restoring ??= this.reopen(connectionIds);
    return this.restoring;
  }

  /** Opens `view` in a new window named `name`; rejects with an AppError when it cannot. */
  async open(view: View, name: string): Promise<void> {
    await this.restoring;
    const label = nextWindowLabel([...this.taken]);
    writeSession(label, { view, places: NO_PLACES, title: name }, this.store);
    await this.show(label, view, name);
  }

  private async reopen(connectionIds: () => Promise<ReadonlySet<string>>): Promise<void> {
    const saved = readOpenWindows(this.store);
    forgetClosedSessions(saved, this.store);
    const [open, ids] = await Promise.all([
      this.platform.labels().then((labels) => new Set(labels), () => new Set<string>()),
      connectionIds().catch(() => null),
    ]);
    for (const label of [...open, ...saved]) this.taken.add(label);
    for (const label of saved) {
      if (open.has(label)) {
        this.labels.push(label);
        await this.watch(label).catch(() => undefined);
        continue;
      }
      const session = readSession(label, this.store);
      const connection = session === null ? null : selectedConnectionId(session.view);
      // Unverifiable connections (the list failed to load) get the benefit of the doubt: the
      // window checks its own view again.
      const deleted = connection !== null && ids !== null && !ids.has(connection);
      if (session === null || session.view.kind === "home" || deleted) {
        forgetSession(label, this.store);
        continue;
      }
      const name = session.title ?? windowName(session.view, { view: session.view, name: null });
      await this.show(label, session.view, name).catch((error: unknown) => {
        console.warn(`Streamlens: the window ${label} could not be reopened.`, error);
      });
    }
    this.save();
  }

  /** Lists, watches and creates window `label`; forgets it again when it cannot be created. */
  private async show(label: string, view: View, name: string): Promise<void> {
    this.taken.add(label);
    this.labels.push(label);
    this.save();
    try {
      // Watched first, so a window closed at once is still heard.
      await this.watch(label);
      await this.platform.open({ label, title: windowTitle(name), query: viewQuery(view) });
    } catch (error) {
      this.forget(label);
      throw error;
    }
  }

  private async watch(label: string): Promise<void> {
    // Never unwatched: the main window lives as long as the app, and a closed window's
    // listeners go with it.
    await this.platform.onClosed(label, () => {
      this.forget(label);
    });
  }

  private forget(label: string): void {
    if (!this.labels.includes(label)) return;
    this.labels = this.labels.filter((known) => known !== label);
    forgetSession(label, this.store);
    this.save();
  }

  private save(): void {
    writeOpenWindows(this.labels, this.store);
  }
}
