/**
 * Node mailer: SMTP through nodemailer when SMTP_URL or SMTP_HOST is set, else .eml files a
 * newcomer can open — except in production, where mail (reporters' addresses, case numbers) is not
 * left lying in files unless INTAKE_MAIL_FILES=on: it is held in the outbox until SMTP is set up.
 * The Message-ID comes from the outbox row, so a mail sent again after a
 * crash carries the same one (see server/notify/outbox.service.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';
import type { Config } from '../config.js';
import type { Mailer, MailMessage } from '../deps.js';
import { FILE_MODE, makePrivateDir } from './data-dir.js';

type SmtpSettings = Pick<Config, 'SMTP_URL' | 'SMTP_HOST' | 'SMTP_PORT' | 'SMTP_USER' | 'SMTP_PASSWORD'>;

// Bounded waits: the outbox lease (10 min) must outlast any single attempt.
const TIMEOUTS = { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 120_000 };

function envelope(from: string, m: MailMessage) {
  return { from, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId };
}

/** The nodemailer SMTP options of the settings; null when no SMTP server is configured. */
export function smtpOptions(s: SmtpSettings): SMTPTransport.Options | string | null {
  if (s.SMTP_URL) return s.SMTP_URL;
  if (!s.SMTP_HOST) return null;
  const port = s.SMTP_PORT ?? 587;
  return {
    host: s.SMTP_HOST,
    port,
    // 465 is implicit TLS; other ports upgrade with STARTTLS when the server offers it.
    secure: port === 465,
    ...(s.SMTP_USER ? { auth: { user: s.SMTP_USER, pass: s.SMTP_PASSWORD ?? '' } } : {}),
    ...TIMEOUTS,
  };
}

export function smtpMailer(options: SMTPTransport.Options | string, from: string): Mailer {
  const transport = nodemailer.createTransport(options);
  return {
    async send(m) {
      await transport.sendMail(envelope(from, m));
    },
  };
}

export function fileMailer(dir: string, from: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      makePrivateDir(dir);
      const info = await transport.sendMail(envelope(from, m));
      // Named by the Message-ID: a mail sent again after a crash overwrites its own file.
      const name = m.messageId.replace(/[^A-Za-z0-9_-]/g, '') || String(Date.now());
      writeFileSync(join(dir, `${name}.eml`), info.message as Buffer, { mode: FILE_MODE });
    },
  };
}

/** Sends nothing: the outbox sees `holds` and leaves its rows queued, attempts untouched. */
export const holdingMailer: Mailer = {
  holds: true,
  async send() {
    throw new Error('no mail delivery is configured: set SMTP_URL or SMTP_HOST');
  },
};

/** Whether mail without SMTP goes to .eml files: INTAKE_MAIL_FILES, by default not in production. */
export function mailFilesOn(config: Pick<Config, 'NODE_ENV' | 'INTAKE_MAIL_FILES'>): boolean {
  return (config.INTAKE_MAIL_FILES ?? (config.NODE_ENV === 'production' ? 'off' : 'on')) === 'on';
}

/** The mailer the settings ask for, and the line the start banner prints about it. */
export function mailerFor(config: Config, mailDir: string): { mailer: Mailer; note: string } {
  const smtp = smtpOptions(config);
  if (!smtp && !mailFilesOn(config)) {
    // Held, not refused: a production server must be able to start (and `user add` to run) before
    // its SMTP account exists, and no mail is lost meanwhile.
    return {
      mailer: holdingMailer,
      note: 'WARNING: no SMTP_URL or SMTP_HOST: mail is held in the outbox (not sent, not written to files) until SMTP is configured; INTAKE_MAIL_FILES=on writes it as .eml files instead',
    };
  }
  if (!smtp) {
    return { mailer: fileMailer(mailDir, config.SMTP_FROM), note: `No SMTP_URL or SMTP_HOST: mail is written as .eml files to ${mailDir}` };
  }
  const where = typeof smtp === 'string' ? new URL(smtp).host : `${smtp.host}:${smtp.port}`;
  return { mailer: smtpMailer(smtp, config.SMTP_FROM), note: `Mail goes out through SMTP at ${where}` };
}
