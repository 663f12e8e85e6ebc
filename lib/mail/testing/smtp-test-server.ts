import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface SmtpTestServer {
  /** smtp://127.0.0.1:<port>, as SMTP_URL would name it. */
  url: string;
  /** Every mail accepted, parsed, in arrival order. */
  received: ParsedMail[];
  /** Recipients refused with 550 (an address that does not exist). */
  refuse: Set<string>;
  /** The mail sent for outbox message `id` (its X-Outbox-Message-Id header), once it has arrived. */
  mailFor(id: string): ParsedMail | undefined;
  close(): Promise<void>;
}

/**
 * A real SMTP server on 127.0.0.1 for tests (smtp-server): plain SMTP without TLS or authentication, as a
 * local relay would be; what it accepts is parsed with mailparser.
 */
export async function startSmtpTestServer(): Promise<SmtpTestServer> {
  const refuse = new Set<string>();
  const received: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refuse.has(address.address)) {
        const error = Object.assign(new Error('mailbox unavailable'), { responseCode: 550 });
        callback(error);
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    mailFor: (id) => received.find((mail) => mail.headers.get('x-outbox-message-id') === id),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
