import nodemailer from 'nodemailer';
import type { SenderConfig } from './settings.service.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** `<id@domain>`: the same on every retry of one message. */
  messageId?: string;
  headers?: Record<string, string>;
}

/**
 * What happened to one message:
 * - `sent`: the server accepted it.
 * - `rejected`: the server refused the recipient for good (5xx on RCPT TO): a hard bounce.
 * - `failed`: refused for good for another reason (5xx on the message itself).
 * - `transient`: try again later (4xx, network, time-out, authentication or TLS trouble).
 */
export type SmtpOutcome =
  | { kind: 'sent'; response: string }
  | { kind: 'rejected' | 'failed' | 'transient'; error: string; responseCode: number | null };

const TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 10_000, socketTimeout: 30_000 };

export function formatFrom(sender: Pick<SenderConfig, 'fromName' | 'fromAddress'>) {
  return sender.fromName ? { name: sender.fromName, address: sender.fromAddress! } : sender.fromAddress!;
}

/** Sends one message over the tenant's SMTP server. Never throws: the outcome says what to do. */
export async function sendOverSmtp(sender: SenderConfig, mail: OutgoingMail): Promise<SmtpOutcome> {
  const transport = nodemailer.createTransport({
    host: sender.host!,
    port: sender.port,
    secure: sender.secure,
    auth: sender.user ? { user: sender.user, pass: sender.password ?? '' } : undefined,
    ...TIMEOUTS,
  });
  try {
    const info = await transport.sendMail({
      from: formatFrom(sender),
      to: mail.to,
      replyTo: sender.replyTo ?? undefined,
      subject: mail.subject,
      html: mail.html,
      text: mail.text,
      messageId: mail.messageId,
      headers: mail.headers,
    });
    return { kind: 'sent', response: String(info.response ?? '') };
  } catch (err) {
    return classifySmtpError(err);
  } finally {
    transport.close();
  }
}

/** Sorts a nodemailer error into bounce, permanent failure or retry. */
export function classifySmtpError(err: unknown): SmtpOutcome {
  const e = (err ?? {}) as { code?: string; responseCode?: number; command?: string; message?: string; response?: string };
  const responseCode = typeof e.responseCode === 'number' ? e.responseCode : null;
  const error = (e.response || e.message || String(err)).slice(0, 1000);
  const permanent = responseCode !== null && responseCode >= 500 && responseCode < 600;
  if (permanent && (e.code === 'EENVELOPE' || /RCPT/i.test(e.command ?? ''))) return { kind: 'rejected', error, responseCode };
  // A refused login is a settings problem someone can fix: keep retrying meanwhile.
  if (permanent && e.code !== 'EAUTH' && e.code !== 'ETLS') return { kind: 'failed', error, responseCode };
  return { kind: 'transient', error, responseCode };
}
