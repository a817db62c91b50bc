/** Node mailer: SMTP through nodemailer when SMTP_URL is set, else .eml files a newcomer can open. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Mailer } from '../deps.js';

const FROM = 'Quality Intake <no-reply@intake.example>';

export function smtpMailer(url: string): Mailer {
  const transport = nodemailer.createTransport(url);
  return {
    async send(m) {
      await transport.sendMail({ from: FROM, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId });
    },
  };
}

export function fileMailer(dir: string): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(m) {
      mkdirSync(dir, { recursive: true });
      const info = await transport.sendMail({ from: FROM, to: m.to, subject: m.subject, text: m.text, html: m.html, messageId: m.messageId });
      const name = m.messageId.replace(/[^A-Za-z0-9_-]/g, '') || String(Date.now());
      writeFileSync(join(dir, `${name}.eml`), info.message as Buffer);
    },
  };
}
