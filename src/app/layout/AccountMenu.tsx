import { useState } from 'react';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { flushAllDrafts } from '../drafts/flush';
import { useI18n } from '../i18n/i18n';
import { useAuth, useSession } from '../session/SessionContext';

/** Shows the signed-in advisor and the sign-out button, which asks for confirmation and explains what is kept. */
export function AccountMenu({ pendingChanges }: { pendingChanges: number }) {
  const { t } = useI18n();
  const session = useSession();
  const { signOut } = useAuth();
  const [confirming, setConfirming] = useState(false);

  return (
    <div className="account">
      <span className="account__name" title={t('shell.advisorLabel')} data-testid="advisor-name">
        <span className="visually-hidden">{t('shell.advisorLabel')}</span>
        {session.user.displayName || session.user.username}
      </span>
      <button type="button" className="button button--on-dark" onClick={() => setConfirming(true)}>
        {t('action.logout')}
      </button>
      <ConfirmDialog
        open={confirming}
        title={t('shell.logoutTitle')}
        confirmLabel={t('action.logout')}
        cancelLabel={t('action.cancel')}
        danger={pendingChanges > 0}
        onConfirm={() => {
          setConfirming(false);
          // Signing out closes the database, so a draft still waiting for its save goes first.
          void flushAllDrafts().finally(signOut);
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>{pendingChanges > 0 ? t('shell.logoutPending', { count: pendingChanges }) : t('shell.logoutSafe')}</p>
      </ConfirmDialog>
    </div>
  );
}
