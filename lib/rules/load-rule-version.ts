import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { assertCanRead } from '@/lib/auth/authorize';
import { notFound } from '@/lib/errors/domain-error';
import { parseInput } from '@/lib/validation/parse-input';
import { assertCanEditRules } from './rule-permissions';
import { findRuleVersion, type RuleVersionRecord } from './rule-version-record';

/** A version named in a request, once the actor may read it (and, for changes, edit its rules). */
export async function loadRuleVersion(
  db: Kysely<Database>,
  actor: Actor,
  rawId: string,
  purpose: 'read' | 'edit',
): Promise<RuleVersionRecord> {
  const id = parseInput(z.uuid({ error: '规则版本编号无效' }), rawId);
  const version = await findRuleVersion(db, id);
  if (!version) throw notFound('规则版本');
  assertCanRead(actor, version.region_id);
  if (purpose === 'edit') assertCanEditRules(actor, version.region_id);
  return version;
}
