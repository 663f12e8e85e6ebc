import type { SmsProvider } from './sms-provider';

/**
 * The default when no SMS service is configured (development, the demo, a deployment without one yet):
 * nothing leaves the machine. The message is written to the server log, and the SMS log keeps it whole,
 * where the platform administrator reads it in the back office (短信记录) — so registration works offline.
 */
export const embeddedSmsProvider: SmsProvider = {
  name: 'embedded',
  deliversToLog: true,
  async send(phone, body) {
    console.info(`[短信] 未配置短信服务（SMS_PROVIDER），短信未发出，仅记录：${phone} ${body}`);
  },
};
