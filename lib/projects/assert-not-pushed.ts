import type { Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';

export const PUSHED_PROJECT_MESSAGE = '该项目由交易平台推送，只能由交易平台修改（项目信息、标段、状态和开标时间），管理后台只读';

/**
 * A project a trading platform pushed is the platform's: its next push would replace whatever an operator
 * changed, and the platform would never hear of it. So /admin reads it and refuses every change to it and to
 * its sections.
 */
export async function assertProjectNotPushed(trx: Transaction<Database>, projectId: string): Promise<void> {
  const project = await trx.selectFrom('projects').select('platform_id').where('id', '=', projectId).executeTakeFirst();
  if (project?.platform_id) throw new DomainError('FORBIDDEN', PUSHED_PROJECT_MESSAGE);
}
