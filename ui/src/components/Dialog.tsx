// A modal dialog: a labelled role="dialog" over a backdrop, focus moved inside on open
// and back to where it was on close, Tab kept inside, Escape and the backdrop close it.
import { useId, useRef, type ReactNode } from "react";
import { useModalFocus } from "./useModalFocus";
import "./dialog.css";

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** Buttons row; rendered at the bottom, right-aligned. */
  actions?: ReactNode;
  testId?: string;
}

export function Dialog({ title, onClose, children, actions, testId }: DialogProps) {
  const titleId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  const onKeyDown = useModalFocus(panelRef, onClose);

  return (
    <div
      className="dialog-backdrop"
      onMouseDown={(event) => {
        if (event.target === event.currentTarget) onClose();
      }}
    >
      <div
        ref={panelRef}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        tabIndex={-1}
        data-testid={testId}
        onKeyDown={onKeyDown}
      >
        <h2 className="dialog__title" id={titleId}>
          {title}
        </h2>
        <div className="dialog__body">{children}</div>
        {actions !== undefined && <div className="dialog__actions">{actions}</div>}
      </div>
    </div>
  );
}
