import { configuredEmailDeliverer } from '@/lib/mail/email-deliverer';
import type { Deliverers } from './deliverer';
import { platformKeys } from '@/lib/trading-platforms/platform-keys';
import { platformCallbackDeliverer } from './deliver-platform-callback';

/** How the app delivers each kind of message; a callback is signed with its registered platform's key. */
export function defaultDeliverers(): Deliverers {
  return {
    email: configuredEmailDeliverer(),
    platform_callback: platformCallbackDeliverer(platformKeys),
  };
}
