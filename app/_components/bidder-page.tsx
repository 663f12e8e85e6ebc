import { redirect } from 'next/navigation';
import type { ReactNode } from 'react';
import type { Actor } from '@/lib/auth/actor';
import { currentActor } from '@/lib/auth/current-actor';
import { SiteHeader } from './site-header';

/** The signed-in bidder of a bidder page; anyone else is sent where they belong. */
export async function requireBidder(): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect('/login');
  if (actor.role !== 'bidder') redirect('/admin');
  return actor;
}

export function BidderPage({ actor, title, children }: { actor: Actor; title: string; children: ReactNode }) {
  return (
    <>
      <SiteHeader actor={actor} />
      <main className="page">
        <h1>{title}</h1>
        {children}
      </main>
    </>
  );
}
