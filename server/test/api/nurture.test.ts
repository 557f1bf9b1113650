import type { AddressInfo } from 'node:net';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/platform/db/client.js';
import { outboxEvents } from '../../src/platform/events/events.schema.js';
import { drainEvents } from '../../src/platform/events/event-processing.js';
import { jobs } from '../../src/platform/jobs/jobs.schema.js';
import { createTestApp, type ApiClient, type TestApp } from '../test-app.js';

/*
 * Nurture end to end through the API, with a real SMTP conversation: an in-process smtp-server
 * (with authentication) receives what the send jobs deliver, and refuses one address with 550.
 */

interface ReceivedMail {
  from: string;
  to: string[];
  user: string | undefined;
  headers: Record<string, string>;
  html: string;
  text: string;
}

const SMTP_USER = 'mailer';
const SMTP_PASSWORD = 'smtp-secret-42';

/** A tiny MIME reader for what nodemailer writes: headers, multipart/alternative, QP and base64. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_m, enc: string, data: string) =>
    enc.toLowerCase() === 'b'
      ? Buffer.from(data, 'base64').toString('utf8')
      : decodeQp(data.replace(/_/g, ' ')));
}

function decodeQp(body: string): string {
  const bytes: number[] = [];
  const text = body.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '=' && /^[0-9A-F]{2}$/i.test(text.slice(i + 1, i + 3))) {
      bytes.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else bytes.push(...Buffer.from(text[i], 'utf8'));
  }
  return Buffer.from(bytes).toString('utf8');
}

function parsePart(raw: string): { headers: Record<string, string>; body: string } {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = decodeWords(line.slice(colon + 1).trim());
  }
  return { headers, body: raw.slice(split + 4) };
}

function decodeBody(part: { headers: Record<string, string>; body: string }): string {
  const encoding = (part.headers['content-transfer-encoding'] ?? '').toLowerCase();
  if (encoding === 'quoted-printable') return decodeQp(part.body);
  if (encoding === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return part.body;
}

function parseMail(raw: string) {
  const top = parsePart(raw);
  let html = '';
  let text = '';
  const boundary = /boundary="?([^";]+)"?/i.exec(top.headers['content-type'] ?? '')?.[1];
  const parts = boundary
    ? top.body.split(`--${boundary}`).slice(1, -1).map((p) => parsePart(p.replace(/^\r\n/, '')))
    : [top];
  for (const part of parts) {
    const type = part.headers['content-type'] ?? '';
    if (type.startsWith('text/html')) html = decodeBody(part);
    else if (type.startsWith('text/plain')) text = decodeBody(part);
  }
  return { headers: top.headers, html, text };
}

async function startSmtp() {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === SMTP_USER && auth.password === SMTP_PASSWORD) callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('bounce')) {
        const err = new Error('5.1.1 No such user') as Error & { responseCode: number };
        err.responseCode = 550;
        callback(err);
        return;
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          user: session.user,
          ...parseMail(Buffer.concat(chunks).toString('utf8')),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, received, port: (server.server.address() as AddressInfo).port };
}

let t: TestApp;
let smtp: Awaited<ReturnType<typeof startSmtp>>;
let admin: ApiClient;
let marketing: ApiClient;
let rep: { client: ApiClient; id: string };
let otherTenant: ApiClient;

const PUBLIC = 'https://crm.acme.test';

beforeAll(async () => {
  t = await createTestApp();
  smtp = await startSmtp();
  admin = await t.signUp('Nurture Co');
  marketing = (await t.addUser(admin, { role: 'marketing' })).client;
  rep = await t.addUser(admin, { role: 'sales_rep' });
  otherTenant = await t.signUp('Other Co');
  const settings = await marketing.patch('/nurture/settings', {
    smtpHost: '127.0.0.1',
    smtpPort: smtp.port,
    smtpSecure: false,
    smtpUser: SMTP_USER,
    smtpPassword: SMTP_PASSWORD,
    fromName: 'Acme Marketing',
    fromAddress: 'marketing@acme.test',
    publicBaseUrl: PUBLIC,
    version: 0,
  });
  expect(settings.status).toBe(200);
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => smtp.server.close(() => resolve()));
});

const db = () => t.database.db;
const drain = () => drainEvents(db());

/** Calls a public (non-API) endpoint as a mail client or browser would. */
async function hit(method: 'GET' | 'POST', url: string, body?: string, contentType = 'text/plain;charset=UTF-8') {
  const { pathname, search } = new URL(url, PUBLIC);
  const res = await t.app.inject({
    method,
    url: pathname + search,
    payload: body,
    headers: body === undefined ? { 'user-agent': 'MailClient/1' } : { 'content-type': contentType, 'user-agent': 'MailClient/1' },
  });
  return { status: res.statusCode, headers: res.headers, text: res.body, raw: res.rawPayload };
}

/** Runs the step jobs that wait for a later time now, as if that time had come. */
async function fastForward() {
  await db().update(jobs).set({ runAt: sql`now()` }).where(and(eq(jobs.type, 'nurture.step'), inArray(jobs.status, ['queued', 'failed'])));
  await drain();
}

async function eventsOf(type: string, leadId: string) {
  return db().select().from(outboxEvents).where(and(eq(outboxEvents.type, type), eq(outboxEvents.recordId, leadId)));
}

const mailsTo = (address: string) => smtp.received.filter((m) => m.to.includes(address));
const pixelOf = (mail: ReceivedMail) => /<img src="([^"]+\/t\/o\/[^"]+\.gif)"/.exec(mail.html)![1];
const linksOf = (mail: ReceivedMail) => [...mail.html.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));

async function newLead(client: ApiClient, extra: Record<string, unknown>) {
  const res = await client.post('/leads', { name: 'Lead', source: 'trade_show', ...extra });
  expect(res.status).toBe(201);
  return res.body as { id: string; email: string; version: number };
}

async function newTemplate(client: ApiClient, extra: Record<string, unknown> = {}) {
  const res = await client.post('/email-templates', {
    name: 'Welcome',
    subject: 'Welcome, {{lead.name}}',
    bodyHtml: '<html><body><p>Dear {{lead.name}} of {{lead.company | your company}},</p>'
      + '<p><a href="https://www.acme.test/whitepaper?utm_source=nurture&amp;x=1">Read the white paper</a></p></body></html>',
    locale: 'en-US',
    ...extra,
  });
  expect(res.status).toBe(201);
  return res.body as { id: string; version: number };
}

async function newProgram(client: ApiClient, steps: unknown[], extra: Record<string, unknown> = {}) {
  const res = await client.post('/nurture-programs', { name: 'Warm leads, 3 e-mails', status: 'active', steps, ...extra });
  expect(res.status, res.text).toBe(201);
  return res.body as { id: string; version: number };
}

describe('sender settings', () => {
  it('keep the SMTP password write-only and encrypted at rest, and only marketing and admins change them', async () => {
    const res = await marketing.get('/nurture/settings');
    expect(res.body).toMatchObject({ smtpHost: '127.0.0.1', smtpUser: SMTP_USER, hasPassword: true, effectivePublicUrl: PUBLIC });
    expect(res.body.trackingScriptUrl).toBe(`${PUBLIC}/t/script.js`);
    expect(JSON.stringify(res.body)).not.toContain(SMTP_PASSWORD);
    const [row] = await queryRows<{ enc: string }>(db(), sql`SELECT smtp_password_enc AS enc FROM nurture_settings`);
    expect(row.enc).toMatch(/^v1\./);
    expect(row.enc).not.toContain(SMTP_PASSWORD);
    expect((await rep.client.patch('/nurture/settings', { fromName: 'Rep' })).status).toBe(403);
    const audit = await admin.get('/audit');
    const entry = audit.body.data.find((e: { object: string }) => e.object === 'nurture_settings');
    expect(JSON.stringify(entry)).not.toContain(SMTP_PASSWORD);
    expect(JSON.stringify(entry.changes)).toContain('smtpPassword');
  });

  it('sends a test e-mail with the saved settings', async () => {
    const res = await marketing.post('/nurture/settings/test', { to: 'me@acme.test' });
    expect(res.body).toEqual({ ok: true, error: null });
    expect(mailsTo('me@acme.test')[0]).toMatchObject({ user: SMTP_USER, from: 'marketing@acme.test' });
  });
});

describe('e-mail templates', () => {
  it('refuse unknown variables and preview with escaped values', async () => {
    const bad = await marketing.post('/email-templates', { name: 'x', subject: 'Hi {{lead.salary}}', bodyHtml: '<p>x</p>', locale: 'en-US' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.fields[0]).toMatchObject({ field: 'subject', code: 'NURTURE_UNKNOWN_VARIABLE' });
    const lead = await newLead(marketing, { name: 'Tom <script>', company: 'A&B', email: 'tom@ab.test' });
    const preview = await marketing.post('/email-templates/preview', {
      subject: 'Hi {{lead.name}}', bodyHtml: '<p>{{lead.name}} / {{lead.company}}</p><a href="https://x.test/">x</a>', locale: 'en-US', leadId: lead.id,
    });
    expect(preview.status).toBe(200);
    expect(preview.body.subject).toBe('Hi Tom <script>');
    expect(preview.body.html).toContain('<p>Tom &lt;script&gt; / A&amp;B</p>');
    expect(preview.body.html).toContain('href="https://x.test/"');
    expect(preview.body.html).toContain('/u/preview');
    expect((await rep.client.post('/email-templates', { name: 'x', subject: 's', bodyHtml: 'b', locale: 'en-US' })).status).toBe(403);
    expect((await rep.client.get('/email-templates')).status).toBe(200);
  });
});

describe('a program: send → wait → branch on opened → send', () => {
  let welcome: { id: string };
  let thanks: { id: string };
  let reminder: { id: string };
  let program: { id: string };
  let alice: { id: string };
  let bob: { id: string };
  let clickTarget: string;

  it('validates steps: branches only forward, known templates, steps before activation', async () => {
    welcome = await newTemplate(marketing);
    thanks = await newTemplate(marketing, { name: 'Thanks', subject: 'Thanks for reading, {{lead.name}}' });
    reminder = await newTemplate(marketing, { name: 'Reminder', subject: 'Did you miss this, {{lead.name}}?' });
    const backwards = await marketing.post('/nurture-programs', {
      name: 'Loop', steps: [{ type: 'send_email', templateId: welcome.id }, { type: 'branch', if: 'opened', withinDays: 3, then: 0, else: 2 }, { type: 'exit' }],
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.details.fields.map((f: { field: string }) => f.field)).toEqual(['steps.1.then']);
    const unknown = await marketing.post('/nurture-programs', { name: 'x', steps: [{ type: 'send_email', templateId: '01a21a0f-5d74-707d-9380-aab01d487b31' }] });
    expect(unknown.body.error.details.fields[0]).toMatchObject({ field: 'steps.0.templateId', code: 'NURTURE_TEMPLATE_NOT_FOUND' });
    expect((await marketing.post('/nurture-programs', { name: 'x', status: 'active', steps: [] })).status).toBe(400);
    expect((await rep.client.post('/nurture-programs', { name: 'x' })).status).toBe(403);
  });

  it('sends the first e-mail over SMTP, personalised, with pixel, tracked links and List-Unsubscribe', async () => {
    program = await newProgram(marketing, [
      { type: 'send_email', templateId: welcome.id },
      { type: 'wait', days: 3 },
      { type: 'branch', if: 'opened', withinDays: 3, then: 3, else: 5 },
      { type: 'send_email', templateId: thanks.id },
      { type: 'exit' },
      { type: 'send_email', templateId: reminder.id },
    ]);
    alice = await newLead(marketing, { name: 'Alice', company: 'Wonder & Co', email: 'alice@wonder.test' });
    bob = await newLead(marketing, { name: 'Bob', email: 'bob@builder.test' });
    const enrolled = await marketing.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: [alice.id, bob.id, alice.id] });
    expect(enrolled.status).toBe(200);
    expect(enrolled.body.enrolled).toHaveLength(2);
    const again = await marketing.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: [alice.id] });
    expect(again.body.skipped).toEqual([{ leadId: alice.id, reason: 'already_enrolled' }]);

    await drain();
    const [mail] = mailsTo('alice@wonder.test');
    expect(mail).toBeDefined();
    expect(mail.user).toBe(SMTP_USER);
    expect(mail.from).toBe('marketing@acme.test');
    expect(mail.headers.from).toBe('Acme Marketing <marketing@acme.test>');
    expect(mail.headers.subject).toBe('Welcome, Alice');
    expect(mail.html).toContain('Dear Alice of Wonder &amp; Co,');
    expect(mail.text).toContain('Dear Alice of Wonder & Co,');
    expect(pixelOf(mail)).toMatch(new RegExp(`^${PUBLIC}/t/o/[A-Za-z0-9_-]+\\.gif$`));
    const links = linksOf(mail);
    expect(links.some((l) => l.includes('www.acme.test'))).toBe(false);
    expect(links.filter((l) => l.startsWith(`${PUBLIC}/t/c/`))).toHaveLength(1);
    expect(mail.headers['list-unsubscribe']).toMatch(new RegExp(`^<${PUBLIC}/u/[A-Za-z0-9_-]+>$`));
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(links).toContain(mail.headers['list-unsubscribe'].slice(1, -1));
    expect(mailsTo('bob@builder.test')[0].headers.subject).toBe('Welcome, Bob');
    // Bob has no company: the fallback.
    expect(mailsTo('bob@builder.test')[0].html).toContain('Dear Bob of your company,');

    const enrollments = await marketing.get(`/nurture-programs/${program.id}/enrollments`);
    expect(enrollments.body.data.map((e: { leadName: string; currentStep: number; status: string }) => [e.leadName, e.currentStep, e.status]).sort())
      .toEqual([['Alice', 2, 'active'], ['Bob', 2, 'active']]);
    const summary = await marketing.get(`/nurture/leads/${alice.id}`);
    expect(summary.body.messages[0]).toMatchObject({ status: 'sent', subject: 'Welcome, Alice', toAddress: 'alice@wonder.test' });
    expect((await eventsOf('nurture.email_sent', alice.id))).toHaveLength(1);
  });

  it('records an open from the pixel and publishes nurture.email_opened once', async () => {
    const pixel = pixelOf(mailsTo('alice@wonder.test')[0]);
    const first = await hit('GET', pixel);
    expect(first.status).toBe(200);
    expect(first.headers['content-type']).toBe('image/gif');
    expect(first.raw.subarray(0, 6).toString()).toBe('GIF89a');
    expect(first.headers['cache-control']).toContain('no-store');
    await hit('GET', pixel);
    const summary = await marketing.get(`/nurture/leads/${alice.id}`);
    expect(summary.body.messages[0]).toMatchObject({ openCount: 2 });
    expect(summary.body.messages[0].openedAt).toBeTruthy();
    const opened = await eventsOf('nurture.email_opened', alice.id);
    expect(opened).toHaveLength(1);
    expect(opened[0].payload).toMatchObject({ leadId: alice.id, dwellSeconds: null, url: null, programId: program.id });
    expect(typeof (opened[0].payload as { at: string }).at).toBe('string');
  });

  it('records a click and redirects to the original URL with the visitor token', async () => {
    const click = linksOf(mailsTo('alice@wonder.test')[0]).find((l) => l.includes('/t/c/'))!;
    const res = await hit('GET', click);
    expect(res.status).toBe(302);
    const location = new URL(res.headers.location as string);
    expect(`${location.origin}${location.pathname}`).toBe('https://www.acme.test/whitepaper');
    expect(location.searchParams.get('utm_source')).toBe('nurture');
    expect(location.searchParams.get('x')).toBe('1');
    expect(location.searchParams.get('l2c')).toMatch(/^[A-Za-z0-9_-]+$/);
    clickTarget = location.toString();
    const clicked = await eventsOf('nurture.email_clicked', alice.id);
    expect(clicked).toHaveLength(1);
    expect(clicked[0].payload).toMatchObject({ leadId: alice.id, url: 'https://www.acme.test/whitepaper?utm_source=nurture&x=1' });
    expect((await marketing.get(`/nurture/leads/${alice.id}`)).body.messages[0].clickCount).toBe(1);
  });

  it('ignores forged and altered tokens, still answering with the pixel or a neutral page', async () => {
    const pixel = pixelOf(mailsTo('bob@builder.test')[0]);
    const token = /\/t\/o\/([^.]+)\.gif/.exec(pixel)![1];
    const altered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    for (const url of [`/t/o/${altered}.gif`, '/t/o/nonsense.gif', '/t/o/.gif']) {
      const res = await hit('GET', url);
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toBe('image/gif');
    }
    const badClick = await hit('GET', `/t/c/${altered}`);
    expect(badClick.status).toBe(200);
    expect(badClick.headers['content-type']).toContain('text/html');
    // A valid open token is not a click token either.
    expect((await hit('GET', `/t/c/${token}`)).status).toBe(200);
    const badUnsub = await hit('GET', `/u/${token}`);
    expect(badUnsub.text).not.toContain('<form');
    expect((await marketing.get(`/nurture/leads/${bob.id}`)).body.engagements).toEqual([]);
  });

  it('after the wait, branches on the open: Alice gets the thank-you, Bob the reminder', async () => {
    await drain();
    expect(mailsTo('alice@wonder.test')).toHaveLength(1);
    await fastForward();
    expect(mailsTo('alice@wonder.test').map((m) => m.headers.subject)).toEqual(['Welcome, Alice', 'Thanks for reading, Alice']);
    expect(mailsTo('bob@builder.test').map((m) => m.headers.subject)).toEqual(['Welcome, Bob', 'Did you miss this, Bob?']);
    const list = await marketing.get(`/nurture-programs/${program.id}/enrollments`);
    const byLead = Object.fromEntries(list.body.data.map((e: { leadId: string }) => [e.leadId, e]));
    expect(byLead[alice.id]).toMatchObject({ status: 'exited', exitReason: 'exit_step' });
    expect(byLead[bob.id]).toMatchObject({ status: 'completed', exitReason: null });
    const stats = (await marketing.get(`/nurture-programs/${program.id}`)).body.stats;
    expect(stats).toEqual({ active: 0, completed: 1, exited: 1, sent: 4, opened: 1, clicked: 1 });
    // A second run of the same jobs changes nothing.
    await fastForward();
    expect(smtp.received.filter((m) => m.to.some((a) => a.endsWith('wonder.test') || a.endsWith('builder.test')))).toHaveLength(4);
  });

  it('records web visits with dwell time from the tracking script’s beacon', async () => {
    const script = await hit('GET', '/t/script.js');
    expect(script.status).toBe(200);
    expect(script.headers['content-type']).toContain('javascript');
    expect(script.text).toContain('sendBeacon');
    expect(script.text).toContain("'/t/v'");
    const token = new URL(clickTarget).searchParams.get('l2c')!;
    const beacon = (d: number, t = token) => JSON.stringify({ t, u: 'https://www.acme.test/pricing', pv: 'pv-0123456789', d, ti: 'Pricing', r: clickTarget });
    expect((await hit('POST', '/t/v', beacon(42))).status).toBe(204);
    expect((await hit('POST', '/t/v', beacon(90))).status).toBe(204);
    expect((await hit('POST', '/t/v', beacon(30))).status).toBe(204);
    expect((await hit('POST', '/t/v', beacon(500, `${token}x`))).status).toBe(204);
    expect((await hit('POST', '/t/v', 'not json')).status).toBe(204);
    const visits = (await marketing.get(`/nurture/leads/${alice.id}`)).body.engagements.filter((e: { kind: string }) => e.kind === 'visit');
    expect(visits).toEqual([expect.objectContaining({ url: 'https://www.acme.test/pricing', dwellSeconds: 90 })]);
    const published = await eventsOf('nurture.web_visit', alice.id);
    expect(published).toHaveLength(1);
    expect(published[0].payload).toMatchObject({ leadId: alice.id, url: 'https://www.acme.test/pricing', dwellSeconds: 42 });
    expect(await eventsOf('nurture.web_visit_dwell', alice.id)).toHaveLength(1);
  });

  it('hands the engagement to scoring', async () => {
    await drain();
    const engagement = await marketing.get(`/engagement-events?leadId=${alice.id}`);
    expect(engagement.status).toBe(200);
    const kinds = engagement.body.data.map((e: { kind: string }) => e.kind).sort();
    expect(kinds).toEqual(['email_click', 'email_open', 'web_visit']);
    const visit = engagement.body.data.find((e: { kind: string }) => e.kind === 'web_visit');
    expect(visit.details).toMatchObject({ url: 'https://www.acme.test/pricing', dwellSeconds: 90, source: 'nurture' });
  });

  it('keeps programs, enrolments and tracking data inside the tenant', async () => {
    expect((await otherTenant.get(`/nurture-programs/${program.id}`)).status).toBe(404);
    expect((await otherTenant.get(`/nurture-programs/${program.id}/enrollments`)).status).toBe(404);
    expect((await otherTenant.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: [alice.id] })).status).toBe(404);
    expect((await otherTenant.get(`/email-templates/${welcome.id}`)).status).toBe(404);
    expect((await otherTenant.get(`/nurture/leads/${alice.id}`)).status).toBe(404);
    expect((await otherTenant.get('/nurture-programs')).body.data).toEqual([]);
    // The other tenant's own lead with the same address gets nothing from our tracking.
    const twin = await newLead(otherTenant, { name: 'Alice twin', email: 'alice@wonder.test' });
    await hit('GET', pixelOf(mailsTo('alice@wonder.test')[0]));
    expect((await otherTenant.get(`/nurture/leads/${twin.id}`)).body).toMatchObject({ engagements: [], messages: [], enrollments: [] });
    expect((await otherTenant.get('/nurture/suppressions')).body.data).toEqual([]);
  });

  it('refuses to delete a template a program sends', async () => {
    const res = await marketing.delete(`/email-templates/${welcome.id}`);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('HAS_DEPENDENTS');
  });
});

describe('leaving a program', () => {
  let template: { id: string };
  const twoMails = () => [{ type: 'send_email', templateId: template.id }, { type: 'wait', days: 1 }, { type: 'send_email', templateId: template.id }];

  beforeAll(async () => {
    template = await newTemplate(marketing, { name: 'Plain', subject: 'News for {{lead.name}}', bodyHtml: '<p>Hello {{lead.name}}. <a href="{{unsubscribeUrl}}">Stop these e-mails</a></p>' });
  });

  it('unsubscribe asks first, then suppresses the address and ends the enrolment; no more mail', async () => {
    const program = await newProgram(marketing, twoMails(), { name: 'Unsubscribe test' });
    const carol = await newLead(marketing, { name: 'Carol', email: 'carol@c.test' });
    await marketing.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: [carol.id] });
    await drain();
    const [mail] = mailsTo('carol@c.test');
    const link = linksOf(mail).find((l) => l.includes('/u/'))!;
    expect(mail.headers['list-unsubscribe']).toBe(`<${link}>`);
    const page = await hit('GET', link);
    expect(page.status).toBe(200);
    expect(page.text).toContain('<form method="post">');
    expect(page.text).toContain('carol@c.test');
    expect((await marketing.get('/nurture/suppressions')).body.data).toEqual([]);
    // A mail client's RFC 8058 one-click unsubscribe.
    const done = await hit('POST', link, 'List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded');
    expect(done.status).toBe(200);
    expect(done.text).toContain('will not get these e-mails');
    expect((await hit('POST', link, 'List-Unsubscribe=One-Click', 'application/x-www-form-urlencoded')).status).toBe(200);
    const suppressions = (await marketing.get('/nurture/suppressions')).body.data;
    expect(suppressions).toEqual([expect.objectContaining({ email: 'carol@c.test', reason: 'unsubscribed', leadId: carol.id })]);
    const [enrollment] = (await marketing.get(`/nurture-programs/${program.id}/enrollments`)).body.data;
    expect(enrollment).toMatchObject({ status: 'exited', exitReason: 'unsubscribed' });
    expect(await eventsOf('nurture.unsubscribed', carol.id)).toHaveLength(1);
    await fastForward();
    expect(mailsTo('carol@c.test')).toHaveLength(1);
    const again = await marketing.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: [carol.id] });
    expect(again.body.skipped).toEqual([{ leadId: carol.id, reason: 'unsubscribed' }]);
  });

  it('a hard bounce (550) marks the message bounced, suppresses the address and exits', async () => {
    const program = await newProgram(marketing, twoMails(), { name: 'Bounce test' });
    const dave = await newLead(marketing, { name: 'Dave', email: 'bounce-dave@d.test' });
    await marketing.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: [dave.id] });
    await drain();
    expect(mailsTo('bounce-dave@d.test')).toHaveLength(0);
    const summary = (await marketing.get(`/nurture/leads/${dave.id}`)).body;
    expect(summary.messages[0]).toMatchObject({ status: 'bounced' });
    expect(summary.messages[0].lastError).toContain('550');
    expect(summary.suppression).toBe('bounced');
    expect(summary.enrollments[0]).toMatchObject({ status: 'exited', exitReason: 'bounced' });
    expect(await eventsOf('nurture.email_bounced', dave.id)).toHaveLength(1);
    await fastForward();
    const after = (await marketing.get(`/nurture/leads/${dave.id}`)).body;
    expect(after.messages).toHaveLength(1);
  });

  it('a lead accepted by sales leaves its programs (conversion)', async () => {
    const program = await newProgram(marketing, twoMails(), { name: 'Conversion test' });
    const erin = await newLead(marketing, { name: 'Erin', email: 'erin@e.test' });
    await marketing.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: [erin.id] });
    await drain();
    expect(mailsTo('erin@e.test')).toHaveLength(1);
    await marketing.post(`/leads/${erin.id}/promote`, {});
    await marketing.post(`/leads/${erin.id}/assign`, { ownerId: rep.id });
    expect((await rep.client.post(`/leads/${erin.id}/accept`, {})).body.status).toBe('accepted');
    await drain();
    const [enrollment] = (await marketing.get(`/nurture-programs/${program.id}/enrollments`)).body.data;
    expect(enrollment).toMatchObject({ status: 'exited', exitReason: 'converted' });
    await fastForward();
    expect(mailsTo('erin@e.test')).toHaveLength(1);
  });

  it('do-not-contact suppresses the address and exits', async () => {
    const program = await newProgram(marketing, twoMails(), { name: 'DNC test' });
    const fay = await newLead(marketing, { name: 'Fay', email: 'fay@f.test' });
    await marketing.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: [fay.id] });
    await drain();
    const lead = (await marketing.get(`/leads/${fay.id}`)).body;
    await marketing.patch(`/leads/${fay.id}`, { doNotContact: true, version: lead.version });
    await drain();
    const summary = (await marketing.get(`/nurture/leads/${fay.id}`)).body;
    expect(summary.suppression).toBe('do_not_contact');
    expect(summary.enrollments[0]).toMatchObject({ status: 'exited', exitReason: 'do_not_contact' });
  });

  it('leads changed together leave in one delivery of their events, each for its own reason', async () => {
    const program = await newProgram(marketing, twoMails(), { name: 'Batch test' });
    const [ann, ben, cat, dan] = await Promise.all(['ann', 'ben', 'cat', 'dan'].map((name) => newLead(marketing, { name, email: `${name}@batch.test` })));
    await marketing.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: [ann.id, ben.id, cat.id, dan.id] });
    await drain();
    const [{ since }] = await queryRows<{ since: string }>(db(), sql`SELECT now()::text AS since`);
    // No drain in between: the subscriber gets all these changes at once.
    const annNow = (await marketing.get(`/leads/${ann.id}`)).body;
    expect((await marketing.patch(`/leads/${ann.id}`, { doNotContact: true, version: annNow.version })).status).toBe(200);
    await marketing.post(`/leads/${ben.id}/promote`, {});
    await marketing.post(`/leads/${ben.id}/assign`, { ownerId: rep.id });
    expect((await rep.client.post(`/leads/${ben.id}/accept`, {})).body.status).toBe('accepted');
    expect((await admin.delete(`/leads/${cat.id}`)).status).toBe(204);
    await drain();
    const list: Array<{ leadId: string; status: string; exitReason: string | null }> = (await marketing.get(`/nurture-programs/${program.id}/enrollments`)).body.data;
    expect(Object.fromEntries(list.map((e) => [e.leadId, [e.status, e.exitReason]]))).toEqual({
      [ann.id]: ['exited', 'do_not_contact'],
      [ben.id]: ['exited', 'converted'],
      [cat.id]: ['exited', 'lead_deleted'],
      [dan.id]: ['active', null],
    });
    expect((await marketing.get(`/nurture/leads/${ann.id}`)).body.suppression).toBe('do_not_contact');
    expect((await marketing.get(`/nurture/leads/${ben.id}`)).body.suppression).toBeNull();
    const [first] = await queryRows<{ events: number }>(
      db(),
      sql`SELECT jsonb_array_length(payload->'eventIds')::int AS events FROM jobs
          WHERE payload->>'subscriber' = 'nurture.lead-changes' AND created_at >= ${since}::timestamptz ORDER BY id LIMIT 1`,
    );
    expect(first.events).toBeGreaterThanOrEqual(4);
  });

  it('a paused program parks its leads and picks them up when resumed; a person can take a lead out', async () => {
    const program = await newProgram(marketing, twoMails(), { name: 'Pause test' });
    const gil = await newLead(marketing, { name: 'Gil', email: 'gil@g.test' });
    const hal = await newLead(marketing, { name: 'Hal', email: 'hal@h.test' });
    await marketing.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: [gil.id, hal.id] });
    await drain();
    const paused = await marketing.patch(`/nurture-programs/${program.id}`, { status: 'paused', version: program.version });
    expect(paused.status).toBe(200);
    await fastForward();
    expect(mailsTo('gil@g.test')).toHaveLength(1);
    const list = (await marketing.get(`/nurture-programs/${program.id}/enrollments`)).body.data;
    expect(list.map((e: { nextRunAt: string | null }) => e.nextRunAt)).toEqual([null, null]);
    const halEnrollment = list.find((e: { leadId: string }) => e.leadId === hal.id);
    const out = await marketing.post(`/nurture-programs/${program.id}/enrollments/${halEnrollment.id}/exit`, {});
    expect(out.body).toMatchObject({ status: 'exited', exitReason: 'manual' });
    await marketing.patch(`/nurture-programs/${program.id}`, { status: 'active', version: paused.body.version });
    await drain();
    expect(mailsTo('gil@g.test')).toHaveLength(2);
    expect(mailsTo('hal@h.test')).toHaveLength(1);
  });
});

describe('several workers', () => {
  it('run each step and send each e-mail once, however many workers share the queue', async () => {
    const template = await newTemplate(marketing, { name: 'Once', subject: 'Once for {{lead.name}}' });
    const program = await newProgram(marketing, [{ type: 'send_email', templateId: template.id }, { type: 'wait', hours: 1 }, { type: 'send_email', templateId: template.id }], { name: 'Parallel' });
    const leads = await Promise.all([1, 2, 3, 4, 5, 6].map((i) => newLead(marketing, { name: `P${i}`, email: `p${i}@parallel.test` })));
    await marketing.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: leads.map((l) => l.id) });
    await Promise.all([drain(), drain(), drain()]);
    await db().update(jobs).set({ runAt: sql`now()` }).where(and(eq(jobs.type, 'nurture.step'), eq(jobs.status, 'queued')));
    await Promise.all([drain(), drain(), drain()]);
    for (const i of [1, 2, 3, 4, 5, 6]) expect(mailsTo(`p${i}@parallel.test`)).toHaveLength(2);
    const list = (await marketing.get(`/nurture-programs/${program.id}/enrollments`)).body.data;
    expect(list.every((e: { status: string }) => e.status === 'completed')).toBe(true);
  });
});

describe('pools and enrolment by rule', () => {
  let pools: ApiClient;
  let leads: Record<string, { id: string }>;

  /** Sets a lead's rule score as the scoring module does. */
  async function score(leadId: string, value: number) {
    const { setLeadScores } = await import('../../src/modules/leads/leads.service.js');
    const { systemContext } = await import('../../src/platform/auth/context-loader.js');
    const me = await pools.get('/me');
    await setLeadScores(systemContext(db(), me.body.tenant.id), leadId, { score: value, grade: value >= 50 ? 'B' : 'D', fitScore: value, engagementScore: 0 });
  }

  beforeAll(async () => {
    pools = await t.signUp('Pools Co');
    await pools.patch('/nurture/settings', { warmMinScore: 50, coldInactiveDays: 90, smtpHost: '127.0.0.1', smtpPort: smtp.port, smtpUser: SMTP_USER, smtpPassword: SMTP_PASSWORD, fromAddress: 'hi@pools.test' });
    leads = {
      warm1: await newLead(pools, { name: 'Warm One', email: 'w1@p.test' }),
      warm2: await newLead(pools, { name: 'Warm Two', email: 'w2@p.test', source: 'webinar' }),
      cold: await newLead(pools, { name: 'Cold', email: 'c@p.test' }),
      noEmail: await newLead(pools, { name: 'No address' }),
      recycled: await newLead(pools, { name: 'Recycled', email: 'r@p.test' }),
    };
    await drain();
    await score(leads.warm1.id, 70);
    await score(leads.warm2.id, 55);
    await score(leads.cold.id, 10);
    await score(leads.noEmail.id, 90);
    await score(leads.recycled.id, 80);
    expect((await pools.post(`/leads/${leads.recycled.id}/return-to-nurture`, { reason: 'Budget next year' })).status).toBe(200);
    await drain();
  });

  it('counts and lists warm, cold and recycled leads', async () => {
    const res = await pools.get('/nurture/pools');
    expect(res.status).toBe(200);
    expect(res.body.thresholds).toEqual({ warmMinScore: 50, coldInactiveDays: 90 });
    const names = (pool: string) => res.body.pools[pool].leads.map((l: { name: string }) => l.name).sort();
    expect(res.body.pools.warm.count).toBe(3);
    expect(names('warm')).toEqual(['No address', 'Warm One', 'Warm Two']);
    expect(names('cold')).toEqual(['Cold']);
    expect(names('recycled')).toEqual(['Recycled']);
    const page = await pools.get('/nurture/pools/warm/leads?limit=2');
    expect(page.body.data).toHaveLength(2);
    expect(page.body.nextCursor).toBeTruthy();
  });

  it('a program with a rule on the warm pool takes in the warm leads with an address, and later ones as they warm up', async () => {
    const template = await newTemplate(pools);
    const program = await newProgram(pools, [{ type: 'send_email', templateId: template.id }, { type: 'wait', days: 7 }, { type: 'send_email', templateId: template.id }], {
      enrollmentRule: { pools: ['warm'] },
    });
    await drain();
    const enrolled = async () => (await pools.get(`/nurture-programs/${program.id}/enrollments`)).body.data
      .map((e: { leadName: string; source: string }) => `${e.leadName}:${e.source}`).sort();
    expect(await enrolled()).toEqual(['Warm One:rule', 'Warm Two:rule']);
    expect(mailsTo('w1@p.test')).toHaveLength(1);
    // The cold lead warms up: the update brings it in.
    await score(leads.cold.id, 65);
    await drain();
    expect(await enrolled()).toEqual(['Cold:rule', 'Warm One:rule', 'Warm Two:rule']);
    // Running the rule again enrols nobody twice.
    const { runProgramRule } = await import('../../src/modules/nurture/rule-enrollment.js');
    const { systemContext } = await import('../../src/platform/auth/context-loader.js');
    const me = await pools.get('/me');
    expect(await runProgramRule(systemContext(db(), me.body.tenant.id), program.id)).toBe(0);
  });

  it('leads that warm up together are taken in together, those without an address left out', async () => {
    const template = await newTemplate(pools, { name: 'Together' });
    const program = await newProgram(pools, [{ type: 'send_email', templateId: template.id }], {
      name: 'Warm together', enrollmentRule: { pools: ['warm'], sources: ['seminar'] },
    });
    const fresh = await Promise.all([
      newLead(pools, { name: 'Fair One', email: 'f1@p.test', source: 'seminar' }),
      newLead(pools, { name: 'Fair Two', email: 'f2@p.test', source: 'seminar' }),
      newLead(pools, { name: 'Fair Cold', email: 'f3@p.test', source: 'seminar' }),
      newLead(pools, { name: 'Fair No address', source: 'seminar' }),
    ]);
    await drain();
    expect((await pools.get(`/nurture-programs/${program.id}/enrollments`)).body.data).toEqual([]);
    await score(fresh[0].id, 60);
    await score(fresh[1].id, 75);
    await score(fresh[2].id, 20);
    await score(fresh[3].id, 90);
    await drain();
    const list = (await pools.get(`/nurture-programs/${program.id}/enrollments`)).body.data;
    expect(list.map((e: { leadName: string; source: string }) => `${e.leadName}:${e.source}`).sort()).toEqual(['Fair One:rule', 'Fair Two:rule']);
  });

  it('a rule can pick the recycled pool with other criteria', async () => {
    const template = await newTemplate(pools, { name: 'Back again' });
    const program = await newProgram(pools, [{ type: 'send_email', templateId: template.id }], {
      name: 'Recycled', enrollmentRule: { pools: ['recycled'], minScore: 50 },
    });
    await drain();
    const list = (await pools.get(`/nurture-programs/${program.id}/enrollments`)).body.data;
    expect(list.map((e: { leadName: string; status: string }) => [e.leadName, e.status])).toEqual([['Recycled', 'completed']]);
  });
});

describe('an open that lifts a lead over the MQL bar', () => {
  it('rescores it without touching its version, promotes it to MQL and assigns it, with no person in between', async () => {
    const root = (await admin.get('/teams')).body.data[0];
    const inside = (await admin.post('/teams', { name: 'Inside sales', parentId: root.id })).body.id;
    const seller = await t.addUser(admin, { role: 'sales_rep', teamId: inside, name: 'Rep Wang' });
    expect((await marketing.post('/assignment-rules', { name: 'Webinar leads', criteria: { sources: ['webinar'] }, teamId: inside })).status).toBe(201);
    for (const rule of [
      { name: 'Manufacturing', category: 'fit', field: 'industry', operator: 'in', value: ['制造业'], points: 50 },
      { name: 'Opened an e-mail', category: 'engagement', eventKind: 'email_open', points: 20 },
    ]) expect((await marketing.post('/scoring-rules', rule)).status).toBe(201);
    const frank = await newLead(marketing, { name: 'Frank', email: 'frank@f.test', industry: '制造业', source: 'webinar' });
    await drain();
    const scored = (await marketing.get(`/leads/${frank.id}`)).body;
    expect(scored).toMatchObject({ score: 50, fitScore: 50, engagementScore: 0, status: 'new', version: frank.version });
    expect(await eventsOf('leads.scored', frank.id)).not.toHaveLength(0);
    // A person who opened the lead before it was scored still saves: the score did not take the version forward.
    const edited = await marketing.patch(`/leads/${frank.id}`, { title: 'Plant manager', version: frank.version });
    expect(edited.status, edited.text).toBe(200);

    const template = await newTemplate(marketing, { name: 'Invite', subject: 'Join us, {{lead.name}}' });
    const program = await newProgram(marketing, [{ type: 'send_email', templateId: template.id }], { name: 'MQL test' });
    await marketing.post(`/nurture-programs/${program.id}/enrollments`, { leadIds: [frank.id] });
    await drain();
    const [mail] = mailsTo('frank@f.test');
    expect((await hit('GET', pixelOf(mail))).status).toBe(200);
    await drain();

    const after = (await marketing.get(`/leads/${frank.id}`)).body;
    expect(after).toMatchObject({ score: 70, engagementScore: 20, status: 'mql', ownerId: seller.id, teamId: inside });
    const history = (await marketing.get(`/leads/${frank.id}/history`)).body.data.map((h: { action: string }) => h.action);
    expect(history).toEqual(expect.arrayContaining(['promote', 'assign']));
    // Score recalculation is not an edit: no audit entries for it.
    const audit = await queryRows<{ changes: Record<string, unknown> }>(
      db(),
      sql`SELECT changes FROM audit_log WHERE record_id = ${frank.id} AND action = 'update'`,
    );
    expect(audit.filter((a) => 'score' in a.changes || 'engagementScore' in a.changes)).toEqual([]);
  });
});
