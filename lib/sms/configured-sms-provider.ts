import { embeddedSmsProvider } from './embedded-sms-provider';
import type { SmsProvider } from './sms-provider';

/**
 * The SMS services the platform can send through, by the value of SMS_PROVIDER. A real one (a carrier's or
 * a cloud vendor's API) is added here: a module implementing SmsProvider, reading its own credentials from
 * its own environment variables when it is created.
 */
const SMS_PROVIDERS: Record<string, () => SmsProvider> = {
  embedded: () => embeddedSmsProvider,
};

export const SMS_PROVIDER_NAMES = Object.keys(SMS_PROVIDERS);

/**
 * SMS_PROVIDER: unset or empty is the embedded provider (texts go to the server log and the back office's
 * 短信记录, nothing is sent). A value no provider answers to is refused, at start (instrumentation.ts) and at
 * every use, rather than quietly falling back: a deployment that meant to send real texts must not keep
 * its users' codes in a log instead.
 */
export function configuredSmsProvider(env: Record<string, string | undefined> = process.env): SmsProvider {
  const name = env.SMS_PROVIDER?.trim() || 'embedded';
  const make = Object.hasOwn(SMS_PROVIDERS, name) ? SMS_PROVIDERS[name] : undefined;
  if (!make) {
    throw new Error(
      `SMS_PROVIDER=${JSON.stringify(env.SMS_PROVIDER)} 不是可用的短信服务；可选值：${SMS_PROVIDER_NAMES.join('、')}` +
        '（不设置即为 embedded：短信不发出，写入服务器日志和管理后台「短信记录」）',
    );
  }
  return make();
}
