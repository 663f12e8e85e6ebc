'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { giveUpOrder } from '../../apply/[sectionId]/actions';

/**
 * 【放弃购买保函】, asked twice: it cannot be undone. An order from a trading platform stays on its page
 * afterwards, which then offers 返回交易平台.
 */
export function AbandonButton({ orderId, landsOnOrder = false }: { orderId: string; landsOnOrder?: boolean }) {
  const router = useRouter();
  const [asking, setAsking] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!asking) {
    return (
      <button type="button" className="btn btn--plain btn--danger" onClick={() => setAsking(true)}>
        放弃购买保函
      </button>
    );
  }
  return (
    <div className="confirm" role="alertdialog" aria-label="确认放弃购买保函">
      <p>确定放弃购买保函吗？放弃后本订单不可恢复；您可以在交易平台选择其他方式缴纳投标保证金，或重新申请。</p>
      {error && <p className="field__error">{error}</p>}
      <div className="actions" style={{ marginTop: 8 }}>
        <button type="button" className="btn btn--plain" onClick={() => setAsking(false)} disabled={pending}>
          取消
        </button>
        <button
          type="button"
          className="btn btn--danger-solid"
          disabled={pending}
          onClick={async () => {
            setPending(true);
            const result = await giveUpOrder(orderId).catch(() => ({ ok: false as const, message: '网络异常，请稍后重试' }));
            if (result.ok) {
              if (landsOnOrder) router.refresh();
              else router.push('/orders?abandoned=1');
              return;
            }
            setError(result.message);
            setPending(false);
          }}
        >
          {pending ? '处理中…' : '确认放弃'}
        </button>
      </div>
    </div>
  );
}
