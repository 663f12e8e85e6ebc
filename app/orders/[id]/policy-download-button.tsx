'use client';

import { useRouter } from 'next/navigation';
import { useEffect } from 'react';

const POLL_MS = 1_500;

/**
 * 【下载保单】, or — while the document is still being rendered — a waiting button that asks the server
 * every moment and shows the download as soon as the document exists.
 */
export function PolicyDownloadButton({ orderId, ready, label }: { orderId: string; ready: boolean; label: string }) {
  const router = useRouter();
  useEffect(() => {
    if (ready) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(`/orders/${orderId}/policy/status`, { cache: 'no-store' }).catch(() => null);
      // Signed out or no longer this enterprise's order: asking again will not change the answer.
      if (response && response.status >= 400 && response.status < 500) {
        stopped = true;
        clearInterval(timer);
        return;
      }
      const status = response?.ok ? ((await response.json()) as { ready: boolean }) : null;
      if (status?.ready && !stopped) {
        stopped = true;
        clearInterval(timer);
        router.refresh();
      }
    }, POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [orderId, ready, router]);

  if (!ready) {
    return (
      <button type="button" className="btn" disabled aria-describedby="policy-generating" data-testid="policy-generating-button">
        保单生成中…
      </button>
    );
  }
  return (
    <a className="btn" href={`/orders/${orderId}/policy`} download>
      {label}
    </a>
  );
}
