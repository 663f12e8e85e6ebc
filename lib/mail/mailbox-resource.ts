import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Database } from '@/db/database';
import type { Actor } from '@/lib/auth/actor';
import { declaredList } from '@/lib/back-office/declared-list';
import type { ResourceDefinition } from '@/lib/back-office/resource-definition';
import { DomainError } from '@/lib/errors/domain-error';

export interface MailboxAttachment {
  fileName: string;
  contentType: string;
  size: number;
}

export interface MailboxMessageRecord {
  id: number;
  outbox_message_id: string;
  from_address: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  attachments: MailboxAttachment[];
  delivered_at: Date;
  region_id: string | null;
}

function selectMails(db: Kysely<Database> | Transaction<Database>) {
  return db
    .selectFrom('mailbox_messages')
    .select(['id', 'outbox_message_id', 'from_address', 'to_address', 'subject', 'text_body', 'html_body', 'attachments', 'delivered_at', 'region_id']);
}

type Row = Awaited<ReturnType<ReturnType<typeof selectMails>['executeTakeFirstOrThrow']>>;

const present = (row: Row): MailboxMessageRecord => ({
  ...row,
  attachments: (typeof row.attachments === 'string' ? JSON.parse(row.attachments) : row.attachments) as MailboxAttachment[],
});

/** The mailbox holds what the platform wrote to its users; of the back office only the platform reads it. */
function requirePlatformAdminReader(actor: Actor): void {
  if (actor.role !== 'platform_admin') throw new DomainError('FORBIDDEN', '只有平台管理员可以查看邮件');
}

/**
 * 邮件: the local mailbox, where the mails go when no SMTP server is configured (the embedded default), so a
 * demo shows what the applicants would have received. Read-only; platform administrators only.
 */
export const mailboxResource: ResourceDefinition<MailboxMessageRecord> = {
  name: 'mailbox',
  entityType: 'mailbox_message',
  label: '邮件',
  idSchema: z.coerce.number({ error: '邮件编号无效' }).int({ error: '邮件编号无效' }).positive({ error: '邮件编号无效' }).max(Number.MAX_SAFE_INTEGER, { error: '邮件编号无效' }),
  defaultSort: 'delivered_at',
  authorizeRead: requirePlatformAdminReader,

  list: declaredList({
    from: selectMails,
    id: 'mailbox_messages.id',
    region: { column: 'mailbox_messages.region_id' },
    search: ['mailbox_messages.to_address', 'mailbox_messages.subject'],
    sortable: { id: 'mailbox_messages.id', delivered_at: 'mailbox_messages.delivered_at' },
    present,
  }),

  findById: async (db, id) => {
    const row = await selectMails(db).where('id', '=', Number(id)).executeTakeFirst();
    return row ? present(row) : undefined;
  },
};
