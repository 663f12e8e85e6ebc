import { z } from 'zod';
import type { OutboxKind } from '@/db/database';

/**
 * An attachment named by reference: the bytes are read when the mail is sent, not copied into the outbox
 * (a policy or an invoice may be megabytes; the row stays small, and a document stored once is sent from
 * where it is). `policy` is an issued policy's document, as the sealed envelope or, after bid opening, the PDF.
 */
export const attachmentRefSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('policy'), policyId: z.uuid(), form: z.enum(['sealed', 'pdf']) }),
  z.object({ kind: z.literal('document'), documentId: z.uuid(), fileName: z.string().min(1).max(200) }),
]);
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

export const emailPayloadSchema = z.object({
  subject: z.string().min(1),
  text: z.string(),
  html: z.string(),
  attachments: z.array(attachmentRefSchema).default([]),
});
export type EmailPayload = z.infer<typeof emailPayloadSchema>;

/**
 * A callback to a trading platform (docs/trading-platform-interface.md, "callbacks"): the body is kept as
 * the exact text that is posted, so every attempt sends the same bytes (and the same eventId); each attempt
 * signs it afresh with its own timestamp and nonce.
 */
export const platformCallbackPayloadSchema = z.object({
  platformCode: z.string().min(1),
  body: z.string().min(2),
});
export type PlatformCallbackPayload = z.infer<typeof platformCallbackPayloadSchema>;

export interface OutboxPayloads {
  email: EmailPayload;
  platform_callback: PlatformCallbackPayload;
}

const schemas: { [K in OutboxKind]: z.ZodType<OutboxPayloads[K], unknown> } = {
  email: emailPayloadSchema,
  platform_callback: platformCallbackPayloadSchema,
};

/** A stored payload read back (jsonb may arrive as text on one driver and parsed on the other). */
export function readOutboxPayload<K extends OutboxKind>(kind: K, stored: unknown): OutboxPayloads[K] {
  return schemas[kind].parse(typeof stored === 'string' ? JSON.parse(stored) : stored);
}
