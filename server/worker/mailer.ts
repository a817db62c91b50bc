/**
 * Workers mailers. A Worker cannot open SMTP connections the way nodemailer does, so mail leaves
 * either through an HTTP mail API (MAIL_API_URL, a bearer key, Resend's JSON shape) or through
 * Cloudflare's send_email binding. The Message-ID comes from the outbox row: a mail sent again
 * after a lost result carries the same one (see server/notify/outbox.service.ts).
 */
import type { SendEmail } from '@cloudflare/workers-types';
import type { Config } from '../config.js';
import type { Mailer } from '../deps.js';
import { PermanentMailError } from '../notify/recipients.js';

// The outbox lease (10 min) must outlast any single attempt.
const API_TIMEOUT_MS = 30_000;

/** 4xx other than 408/409/429 means this mail as sent is refused, and will be refused again. */
const isPermanent = (status: number) => status >= 400 && status < 500 && ![401, 403, 408, 409, 429].includes(status);

export function httpMailer(url: string, key: string | undefined, from: string, fetcher: typeof fetch = fetch): Mailer {
  return {
    async send(m) {
      const res = await fetcher(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(key ? { authorization: `Bearer ${key}` } : {}),
          // Providers that honour it (Resend does) send a retried mail only once.
          'idempotency-key': m.messageId.replace(/[<>]/g, ''),
        },
        body: JSON.stringify({
          from, to: [m.to], subject: m.subject, text: m.text,
          ...(m.html ? { html: m.html } : {}),
          headers: { 'Message-ID': m.messageId },
        }),
        signal: AbortSignal.timeout(API_TIMEOUT_MS),
      });
      // The body may echo the address; only the status goes into the outbox's error text.
      await res.body?.cancel();
      if (res.ok) return;
      const message = `mail API answered ${res.status}`;
      // 401/403 are a key problem of ours: kept for retries until an admin fixes the setting.
      throw isPermanent(res.status) ? new PermanentMailError(message) : new Error(message);
    },
  };
}

/**
 * Cloudflare's send_email binding with a composed message (no MIME to build). In `wrangler dev`
 * the binding writes each mail to a local file and logs where, as the Node runtime writes .eml
 * files. Deployed, the sender's domain must be set up for Cloudflare Email.
 */
export function sendEmailMailer(binding: SendEmail, from: string): Mailer {
  return {
    async send(m) {
      await binding.send({
        from, to: m.to, subject: m.subject, text: m.text,
        ...(m.html ? { html: m.html } : {}),
        // Cloudflare sets its own Message-ID; ours travels alongside for recognising duplicates.
        headers: { 'X-Intake-Message-Id': m.messageId },
      });
    },
  };
}

/** Without either, nothing is sent: the outbox keeps its rows queued (`holds`), as the note says, until one is configured. */
const unconfiguredMailer: Mailer = {
  holds: true,
  async send() {
    throw new Error('no mailer is configured for this Worker: set MAIL_API_URL or bind MAIL (send_email)');
  },
};

/** The mailer the settings and bindings ask for, and a line saying which. */
export function workerMailer(config: Config, binding: SendEmail | undefined): { mailer: Mailer; note: string } {
  if (config.MAIL_API_URL) {
    return { mailer: httpMailer(config.MAIL_API_URL, config.MAIL_API_KEY, config.SMTP_FROM), note: `mail through ${new URL(config.MAIL_API_URL).host}` };
  }
  if (binding) return { mailer: sendEmailMailer(binding, config.SMTP_FROM), note: 'mail through the send_email binding MAIL' };
  return { mailer: unconfiguredMailer, note: 'no mailer configured: mail stays queued in the outbox' };
}
