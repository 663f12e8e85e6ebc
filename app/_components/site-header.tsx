import Link from 'next/link';
import { ROLE_LABELS, type Actor } from '@/lib/auth/actor';
import { SignOutButton } from './sign-out-button';

export function SiteHeader({ actor }: { actor: Actor }) {
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link href="/" className="site-header__title">
          {/* eslint-disable-next-line @next/next/no-img-element -- a 28 px SVG needs no image optimisation */}
          <img src="/logo-inverse.svg" alt="" width={28} height={28} />
          电子保函服务平台
        </Link>
        <nav className="site-header__nav">
          <Link href="/">我的投标保函</Link>
          <Link href="/orders">订单管理</Link>
          {/* Every member reads the member list; the enterprise's first user also decides join requests there. */}
          {actor.role === 'bidder' && <Link href="/account/members">企业成员</Link>}
        </nav>
        <div className="site-header__user">
          <span>
            {actor.name}（{ROLE_LABELS[actor.role]}）
          </span>
          <Link href="/account/password" className="site-header__link">
            修改密码
          </Link>
          <SignOutButton />
        </div>
      </div>
    </header>
  );
}
