import type { Deliverer } from '@/lib/outbox/deliverer';
import { mailFrom, smtpUrl } from './mail-config';
import { mailboxDeliverer } from './mailbox-deliverer';
import { smtpDeliverer } from './smtp-deliverer';

/** E-mail as configured: through SMTP_URL's server, or with none to the local mailbox. */
export function configuredEmailDeliverer(env: Record<string, string | undefined> = process.env): Deliverer {
  const url = smtpUrl(env);
  return url ? smtpDeliverer(url, mailFrom(env)) : mailboxDeliverer(mailFrom(env));
}
