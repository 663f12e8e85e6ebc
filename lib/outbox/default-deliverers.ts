import { configuredEmailDeliverer } from '@/lib/mail/email-deliverer';
import type { Deliverers } from './deliverer';
import { platformCallbackDeliverer } from './deliver-platform-callback';

/**
 * How the app delivers each kind of message. The trading-platform interface passes its platforms' keys to
 * platformCallbackDeliverer here; until then a callback has no key and its attempts fail, listed in 推送记录.
 */
export function defaultDeliverers(): Deliverers {
  return {
    email: configuredEmailDeliverer(),
    platform_callback: platformCallbackDeliverer(),
  };
}
