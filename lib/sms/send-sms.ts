import type { Kysely, Transaction } from 'kysely';
import type { Database } from '@/db/database';
import { DomainError } from '@/lib/errors/domain-error';
import { now } from '@/lib/time/clock';
import { configuredSmsProvider } from './configured-sms-provider';
import type { SmsProvider } from './sms-provider';

export interface SmsMessage {
  phone: string;
  /** What the message is for (a mobile code's purpose), kept in the log. */
  purpose: string;
  body: string;
  /** The part of the body only its recipient may read (a code): masked in the log of a real provider. */
  secret?: string;
}

/**
 * Sends one text message and logs it (sms_messages) in the caller's transaction: a message the provider
 * refuses is not logged, and the caller's change (a new code) is undone with it, so asking again is safe.
 */
export async function sendSms(
  db: Kysely<Database> | Transaction<Database>,
  message: SmsMessage,
  provider: SmsProvider = configuredSmsProvider(),
): Promise<void> {
  try {
    await provider.send(message.phone, message.body);
  } catch (error) {
    console.error(`[短信] ${provider.name} 未能发送短信至 ${message.phone}`, error);
    throw new DomainError('SMS_UNAVAILABLE', '短信发送失败，请稍后重试');
  }
  const logged = provider.deliversToLog || !message.secret ? message.body : message.body.replaceAll(message.secret, '*'.repeat(message.secret.length));
  await db
    .insertInto('sms_messages')
    .values({ phone: message.phone, purpose: message.purpose, body: logged, provider: provider.name, sent_at: now() })
    .execute();
}
