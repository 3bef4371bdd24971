import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/*
 * Notices about saved data that could not be used as it was, with the copy the app kept of it:
 * for the answers (StatusNotices) and for the network's data (NetworkNotices).
 */

/** Download the kept copy, (optionally) delete it, or close the notice. */
function CopyActions({
  onDownload,
  onDismiss,
  deleteButton,
}: {
  onDownload: () => void;
  onDismiss: () => void;
  deleteButton?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="button-row">
      <Button variant="secondary" data-size="sm" onClick={onDownload}>
        {t('recovery.downloadBackup')}
      </Button>
      {deleteButton}
      <Button variant="tertiary" data-size="sm" onClick={onDismiss}>
        {t('recovery.dismiss')}
      </Button>
    </div>
  );
}

/** Saved data could not be used as it was: why, a copy to download, and a way to close it. */
export function RecoveryAlert({
  texts,
  onDownload,
  onDismiss,
}: {
  texts: string[];
  onDownload: () => void;
  onDismiss: () => void;
}) {
  return (
    <Alert data-color="danger" className="notice">
      {texts.map((text) => (
        <Paragraph key={text}>{text}</Paragraph>
      ))}
      <CopyActions onDownload={onDownload} onDismiss={onDismiss} />
    </Alert>
  );
}

/** A kept copy of unreadable data, within reach until the user deletes it (after a question). */
export function KeptCopyNotice({
  text,
  onDownload,
  onDelete,
  onDismiss,
}: {
  text: string;
  onDownload: () => void;
  onDelete: () => void;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const [confirmDelete, setConfirmDelete] = useState(false);
  // The button pressed gives way to the next step: keep keyboard focus with the question.
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const askedRef = useRef(false);
  useEffect(() => {
    if (confirmDelete) confirmRef.current?.focus();
    else if (askedRef.current) deleteRef.current?.focus();
    askedRef.current = confirmDelete;
  }, [confirmDelete]);

  return (
    <Alert data-color="info" className="notice">
      <Paragraph>{text}</Paragraph>
      {confirmDelete ? (
        <>
          <Paragraph>{t('recovery.deleteQuestion')}</Paragraph>
          <div className="button-row">
            <Button
              ref={confirmRef}
              variant="secondary"
              data-color="danger"
              data-size="sm"
              onClick={() => {
                onDelete();
                setConfirmDelete(false);
              }}
            >
              {t('recovery.confirmDelete')}
            </Button>
            <Button variant="tertiary" data-size="sm" onClick={() => setConfirmDelete(false)}>
              {t('recovery.cancelDelete')}
            </Button>
          </div>
        </>
      ) : (
        <CopyActions
          onDownload={onDownload}
          onDismiss={onDismiss}
          deleteButton={
            <Button
              ref={deleteRef}
              variant="tertiary"
              data-size="sm"
              onClick={() => setConfirmDelete(true)}
            >
              {t('recovery.deleteBackup')}
            </Button>
          }
        />
      )}
    </Alert>
  );
}
