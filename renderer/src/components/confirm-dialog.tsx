// "Are you sure?" as a modal. For a removal the focus starts on Cancel, so a stray Enter
// keeps things; for a switch it starts on the action, which is what was asked for.

import { useEffect, useId, useRef } from 'react';
import { useI18n } from '../i18n/i18n-context.js';
import { ModalDialog } from './modal-dialog.js';

export interface ConfirmRequest {
  readonly title: string;
  readonly body?: string;
  readonly confirmLabel: string;
  readonly danger: boolean;
  readonly onConfirm: () => void;
}

export function ConfirmDialog({ request, onClose }: { request: ConfirmRequest; onClose: () => void }) {
  const { t } = useI18n();
  const titleId = useId();
  const bodyId = useId();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    (request.danger ? cancelRef : confirmRef).current?.focus();
  }, [request.danger]);
  return (
    <ModalDialog labelledBy={titleId} describedBy={request.body ? bodyId : undefined} onCancel={onClose} testId="confirm-dialog">
      <h2 id={titleId}>{request.title}</h2>
      {request.body ? <p id={bodyId}>{request.body}</p> : null}
      <div className="actions">
        <button
          ref={confirmRef}
          type="button"
          className={request.danger ? 'button-danger' : 'button-primary'}
          data-testid="confirm-yes"
          onClick={() => {
            onClose();
            request.onConfirm();
          }}
        >
          {request.confirmLabel}
        </button>
        <button ref={cancelRef} type="button" data-testid="confirm-no" onClick={onClose}>
          {t('common.cancel')}
        </button>
      </div>
    </ModalDialog>
  );
}
