import { useState } from 'react';
import { useNotify, useRefresh } from 'react-admin';

/**
 * The life of a back-office action behind a dialog: busy while it runs; on success the server's change is
 * announced, the dialog closed and the page refreshed; on refusal the server's Chinese message is kept for
 * the dialog to show, and the dialog stays open so the operator can correct and retry.
 */
export function useBackOfficeAction(onDone: () => void) {
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** `action` does the work and returns the success message. */
  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError(null);
    try {
      notify(await action(), { type: 'success' });
      onDone();
      refresh();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { run, busy, error, setError };
}
