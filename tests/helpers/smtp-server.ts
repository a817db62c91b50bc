/**
 * A real SMTP server for mail tests (smtp-server), each message parsed with mailparser. It can
 * refuse the next N recipients with a temporary 451, like a server that is up but not accepting,
 * and it keeps every Message-ID it accepted, so a test sees a mail accepted twice and can apply the
 * receiver's deduplication by Message-ID.
 */
import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface TestSmtp {
  port: number;
  /** Every message accepted, in order, duplicates included. */
  received: ParsedMail[];
  /** Refuse the next `n` recipients with 451 (a temporary failure). */
  refuseNext(n: number): void;
  /** Message-IDs accepted more than once: what a receiver's deduplication recognises. */
  duplicates(): string[];
  /** The mailbox a receiver that drops a repeated Message-ID ends up with. */
  deduplicated(): ParsedMail[];
  close(): Promise<void>;
}

/** Listens on `port` (0: any free port) on 127.0.0.1. */
export async function startTestSmtp(port = 0): Promise<TestSmtp> {
  const received: ParsedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    authOptional: true,
    // Plain SMTP on loopback: no certificate to manage in a test.
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refusals > 0) {
        refusals -= 1;
        // Echoes the address, as real servers do: the worker must keep it out of what it stores.
        callback(Object.assign(new Error(`<${address.address}>: Recipient address rejected: try again later`), { responseCode: 451 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, (err: Error) => callback(err));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const address = server.server.address() as AddressInfo;
  const ids = () => received.map((m) => m.messageId ?? '');
  return {
    port: address.port,
    received,
    refuseNext(n) { refusals = n; },
    duplicates: () => [...new Set(ids().filter((id, i, all) => all.indexOf(id) !== i))],
    deduplicated: () => received.filter((m, i) => ids().indexOf(m.messageId ?? '') === i),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A port nothing listens on (for "SMTP is down"): bound once by the OS, then released. */
export async function freePort(): Promise<number> {
  const probe = await startTestSmtp(0);
  await probe.close();
  return probe.port;
}
