/** What hands a text message to a mobile network: the embedded default, or a real SMS service. */
export interface SmsProvider {
  /** Kept with every message in the SMS log (sms_messages.provider). */
  readonly name: string;
  /**
   * The platform's own SMS log is how its messages are read: the embedded provider sends nothing, so the
   * log keeps each text whole for the platform administrator. A real provider's messages are logged with
   * their secret part (the code) masked, so reading the log never gives anyone another person's code.
   */
  readonly deliversToLog?: boolean;
  /** Resolves once the provider has accepted the message; rejects when it has not. */
  send(phone: string, body: string): Promise<void>;
}
