import { parseArgs } from 'node:util';
import { createDatabase } from '../db/create-database';
import { migrateToLatest } from '../db/migrate';
import { reanchorAuditChain } from '../lib/audit/reanchor-audit-chain';
import { verifyAuditChain } from '../lib/audit/verify-audit-chain';
import { loadActor } from '../lib/auth/load-actor';
import { databaseTarget } from '../lib/config/runtime-config';
import { DomainError } from '../lib/errors/domain-error';

// `npm run audit:reanchor -- --by <platform administrator's phone> --reason "<why>"`: the documented
// migration path for a chain holding rows written before text was checked (lib/audit/reanchor-audit-chain.ts).
// It appends one audited event; it never rewrites a row. On the embedded database stop the app first.
const { values } = parseArgs({ options: { by: { type: 'string' }, reason: { type: 'string' } } });
if (!values.by || !values.reason) {
  console.error('usage: npm run audit:reanchor -- --by <平台管理员手机号> --reason "<重新锚定的原因>"');
  process.exit(2);
}
const db = createDatabase(databaseTarget());
try {
  await migrateToLatest(db);
  const actor = await loadActor(db, { phone: values.by });
  if (!actor) throw new DomainError('NOT_FOUND', `没有手机号为 ${values.by} 的有效账号`);
  console.log('before:', JSON.stringify(await verifyAuditChain(db)));
  const result = await reanchorAuditChain(db, actor, { reason: values.reason });
  console.log(`re-anchored rows ${result.reanchoredRows.join(', ')}; new head ${result.hash}`);
  console.log('after:', JSON.stringify(await verifyAuditChain(db)));
} catch (error) {
  console.error(error instanceof DomainError ? `${error.code}: ${error.message}` : error);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
