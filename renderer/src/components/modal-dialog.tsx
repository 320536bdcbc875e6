// A modal on the native <dialog>: the browser traps focus, Escape cancels, and the page
// behind is inert — nothing to re-implement, and it is accessible by construction.

import { useEffect, useRef, type ReactNode } from 'react';

export interface ModalDialogProps {
  readonly labelledBy: string;
  readonly describedBy?: string;
  readonly onCancel: () => void;
  readonly testId: string;
  readonly className?: string;
  readonly children: ReactNode;
}

export function ModalDialog({ labelledBy, describedBy, onCancel, testId, className, children }: ModalDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      if (dialog?.open) dialog.close();
    };
  }, []);
  return (
    <dialog
      ref={ref}
      className={className ? `modal ${className}` : 'modal'}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      data-testid={testId}
      onCancel={(e) => {
        // Closing is the owner's decision (it unmounts us); Escape only asks.
        e.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
