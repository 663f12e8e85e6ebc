import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '@/lib/auth/actor';
import { MOBILE_CODE_PURPOSES } from '@/lib/auth/mobile-codes/mobile-code-rules';
import { declaredList } from '@/lib/back-office/declared-list';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { DomainError } from '@/lib/errors/domain-error';

export interface SmsMessageRecord {
  id: number;
  phone: string;
  purpose: string;
  body: string;
  provider: string;
  sent_at: Date;
  /** A text message belongs to a person, not to a region. */
  region_id: null;
}

/**
 * With the embedded provider the log holds the codes people are waiting for: only the platform
 * administrator reads it, and every other back-office role (compliance too) is refused.
 */
export function assertMayReadSmsLog(actor: Actor): void {
  if (actor.role !== 'platform_admin') throw new DomainError('FORBIDDEN', '短信记录仅平台管理员可查看');
}

function selectMessages(db: Parameters<ResourceDefinition['findById']>[0]) {
  return db
    .selectFrom('sms_messages')
    .select(['sms_messages.id', 'phone', 'purpose', 'body', 'provider', 'sent_at', sql<null>`null`.as('region_id')]);
}

/**
 * 短信记录: every text the platform sent, newest first, searchable by number. With no SMS service
 * configured (the embedded default) nothing is sent and this is where a code is read, so the demo and a
 * deployment without a provider work offline. Read-only: it is a log.
 */
export const smsMessageResource: ResourceDefinition<SmsMessageRecord> = {
  name: 'sms-messages',
  entityType: 'sms_message',
  label: '短信记录',
  idSchema: z.coerce.number({ error: '短信记录编号无效' }).int({ error: '短信记录编号无效' }).positive({ error: '短信记录编号无效' }).max(Number.MAX_SAFE_INTEGER, { error: '短信记录编号无效' }),
  defaultSort: 'id',
  authorizeRead: assertMayReadSmsLog,

  list: declaredList({
    from: selectMessages,
    id: 'sms_messages.id',
    region: 'everyone',
    filters: { purpose: { values: MOBILE_CODE_PURPOSES }, phone: 'phone' },
    search: ['phone'],
    sortable: { id: 'sms_messages.id', sent_at: 'sms_messages.sent_at' },
  }),

  findById: (db, id) => selectMessages(db).where('sms_messages.id', '=', Number(id)).executeTakeFirst(),
};
