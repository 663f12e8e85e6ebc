import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import { DeliveryFailure, type Deliverer } from '@/lib/outbox/deliverer';
import { ATTEMPT_TIMEOUT_MS } from '@/lib/outbox/outbox-backoff';
import { readOutboxPayload } from '@/lib/outbox/outbox-payloads';
import { loadMailAttachments } from './load-mail-attachments';

const transports = new Map<string, Transporter<SMTPTransport.SentMessageInfo>>();

/** One transport per server, kept: nodemailer opens a connection per mail, the transport itself is cheap. */
function transportFor(url: string): Transporter<SMTPTransport.SentMessageInfo> {
  let transport = transports.get(url);
  if (!transport) {
    transport = nodemailer.createTransport({
      url,
      // Each phase within the attempt's own time, so a server that stops answering fails the attempt.
      connectionTimeout: ATTEMPT_TIMEOUT_MS,
      greetingTimeout: ATTEMPT_TIMEOUT_MS,
      socketTimeout: ATTEMPT_TIMEOUT_MS,
    } as SMTPTransport.Options);
    transports.set(url, transport);
  }
  return transport;
}

/** "250 2.0.0 OK: queued as …" → 250. */
function replyCode(response: string | undefined): number | null {
  const code = Number(/^\d{3}/.exec(response ?? '')?.[0]);
  return Number.isInteger(code) ? code : null;
}

/**
 * Sends an outbox e-mail through the SMTP server at `url`: the subject, the plain text and the HTML, and
 * the attachments read now from where they are stored. The server's reply code is the attempt's response
 * code; a refusal (a 4xx/5xx reply) or a server that cannot be reached is a failed attempt.
 */
export function smtpDeliverer(url: string, from: string): Deliverer {
  return async (message, { db }) => {
    const payload = readOutboxPayload('email', message.payload);
    const attachments = await loadMailAttachments(db, payload.attachments);
    try {
      const info = await transportFor(url).sendMail({
        from,
        to: message.destination,
        subject: payload.subject,
        text: payload.text,
        html: payload.html,
        attachments: attachments.map((a) => ({ filename: a.fileName, contentType: a.contentType, content: a.content })),
        headers: { 'X-Outbox-Message-Id': message.id },
      });
      return { responseCode: replyCode(info.response) };
    } catch (error) {
      const failure = error as Error & { responseCode?: number; response?: string };
      throw new DeliveryFailure(`邮件服务器未接受：${failure.response ?? failure.message}`, failure.responseCode ?? replyCode(failure.response));
    }
  };
}
