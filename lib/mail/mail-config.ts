import { publicBaseUrl } from '@/lib/config/runtime-config';

/**
 * SMTP_URL: where mails are sent (nodemailer's form, `smtp://user:password@host:587` — STARTTLS when the
 * server offers it — or `smtps://…:465`). Unset or empty: the embedded default, mails are delivered to the
 * local mailbox (/admin → 邮件) and nothing leaves the machine.
 */
export function smtpUrl(env: Record<string, string | undefined> = process.env): string | null {
  return env.SMTP_URL?.trim() || null;
}

/** MAIL_FROM: the sender, e.g. `电子保函服务平台 <noreply@example.cn>`; by default no-reply at the platform's host. */
export function mailFrom(env: Record<string, string | undefined> = process.env): string {
  const configured = env.MAIL_FROM?.trim();
  if (configured) return configured;
  return `电子保函服务平台 <no-reply@${new URL(publicBaseUrl()).hostname}>`;
}
