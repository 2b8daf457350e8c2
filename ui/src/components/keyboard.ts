// Facts about a key or mouse event that the app-wide shortcuts (the "/" search focus, the
// command palette, back and forward) all need: is the user typing, is a modal open, and is
// this an Apple keyboard (⌘ instead of Ctrl).

const NON_TEXT_INPUTS: ReadonlySet<string> = new Set(["checkbox", "radio", "button", "submit", "reset", "range"]);

/** True when keys pressed on `target` edit text (so arrows and letters belong to it). */
export function isTextEntry(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

/** True while a modal dialog (confirmation, command palette) is open. */
export function isModalOpen(): boolean {
  return document.querySelector("[aria-modal='true']") !== null;
}

/** macOS (and iPadOS): shortcuts use ⌘ where other systems use Ctrl. */
export function isApplePlatform(): boolean {
  return /Mac|iPhone|iPad/.test(navigator.userAgent);
}
