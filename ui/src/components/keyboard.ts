// Facts about a key or mouse event that the app-wide shortcuts (the "/" search focus, the
// command palette, back and forward) all need: is the user typing, is a modal open, and is
// this an Apple keyboard (⌘ instead of Ctrl); ↑/↓ between a list's buttons; and Enter in a
// dialog's field submitting its form.
import type { KeyboardEvent } from "react";

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

/** ↑/↓ move the focus between the `selector` buttons inside the element handling the key. */
export function moveFocusAmong(event: KeyboardEvent<HTMLElement>, selector: string): void {
  if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
  const buttons = Array.from(event.currentTarget.querySelectorAll<HTMLButtonElement>(selector));
  const current = buttons.findIndex((button) => button === document.activeElement);
  const next = buttons[event.key === "ArrowDown" ? current + 1 : Math.max(current - 1, 0)];
  if (next === undefined) return;
  event.preventDefault();
  next.focus();
}

/**
 * Enter in a text field submits the form (as a form's onKeyDown). A dialog's submit button
 * sits in its actions, outside the form, where implicit submission is not found by every
 * engine (jsdom's, for one).
 */
export function submitOnEnter(event: KeyboardEvent<HTMLFormElement>): void {
  if (event.key !== "Enter" || !(event.target instanceof HTMLInputElement)) return;
  event.preventDefault();
  event.currentTarget.requestSubmit();
}
