import type { Kysely } from 'kysely';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { prepareApplication } from '../prepare-application';
import { submitApplication } from '../submit-application';

/**
 * For tests: submits as the browser does, with the form version and premium the application pages
 * showed. Where those pages would not open (a closed section, a foreign product), it sends what a
 * forged request would, so the refusal under test still comes from the check that should make it.
 */
export async function submitAsSeen(db: Kysely<Database>, actor: Actor, input: { sectionId: string; productId: string; [key: string]: unknown }) {
  const seen = await prepareApplication(db, actor, input.sectionId, input.productId).then(
    (p) => ({ formVersionId: p.form.id, expectedPremiumFen: p.product.premiumFen }),
    () => ({ formVersionId: '00000000-0000-4000-8000-000000000000', expectedPremiumFen: 0 }),
  );
  return submitApplication(db, actor, { ...seen, ...input });
}
