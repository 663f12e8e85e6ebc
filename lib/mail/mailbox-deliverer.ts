import type { Deliverer } from '@/lib/outbox/deliverer';
import { readOutboxPayload } from '@/lib/outbox/outbox-payloads';
import { now } from '@/lib/time/clock';
import { loadMailAttachments } from './load-mail-attachments';

/**
 * The embedded default (no SMTP_URL): an e-mail is delivered to the local mailbox, /admin → 邮件, with what it
 * would have carried — its attachments are read as for sending, so a missing one fails here too, and the
 * mailbox lists their names and sizes. A message delivered twice (at least once) is kept once.
 */
export function mailboxDeliverer(from: string): Deliverer {
  return async (message, { db }) => {
    const payload = readOutboxPayload('email', message.payload);
    const attachments = await loadMailAttachments(db, payload.attachments);
    await db
      .insertInto('mailbox_messages')
      .values({
        outbox_message_id: message.id,
        from_address: from,
        to_address: message.destination,
        subject: payload.subject,
        text_body: payload.text,
        html_body: payload.html,
        attachments: JSON.stringify(attachments.map((a) => ({ fileName: a.fileName, contentType: a.contentType, size: a.content.length }))),
        region_id: message.regionId,
        delivered_at: now(),
      })
      .onConflict((oc) => oc.column('outbox_message_id').doNothing())
      .execute();
    return { responseCode: null };
  };
}
