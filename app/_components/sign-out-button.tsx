'use client';

import { signOut } from 'next-auth/react';

export function SignOutButton({ className = 'btn btn--ghost' }: { className?: string }) {
  return (
    <button type="button" className={className} onClick={() => signOut({ callbackUrl: '/login' })}>
      退出登录
    </button>
  );
}
