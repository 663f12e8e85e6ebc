'use client';

import { useCountdown } from './use-countdown';

interface Props {
  /** Asks the server for a code; answers the seconds until another may be asked for, or null if it was refused. */
  send(): Promise<number | null>;
  disabled?: boolean;
}

/** 获取验证码, then "N 秒后重新获取" until the server's minute has passed. */
export function SendCodeButton({ send, disabled }: Props) {
  const [left, startCountdown] = useCountdown();
  const busy = left > 0;
  return (
    <button
      type="button"
      className="btn btn--plain code-button"
      disabled={disabled || busy}
      onClick={async () => {
        const wait = await send();
        if (wait) startCountdown(wait);
      }}
    >
      {busy ? `${left} 秒后重新获取` : '获取验证码'}
    </button>
  );
}
