import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/**
 * JOURNEYS.md 3, on a phone (375 px): a rep opens the lead inbox, accepts one lead, rejects one
 * for the wrong region (it goes to marketing's routing queue) and returns one to nurture.
 */
const PASSWORD = 'Lead2Cash!demo';
let server: RunningServer;
let browser: Browser;
let page: Page;
const stamp = Date.now().toString(36);
const names = { accept: `周立伟 ${stamp}`, reject: `吴晓燕 ${stamp}`, nurture: `郑国强 ${stamp}` };
const ids: Record<keyof typeof names, string> = { accept: '', reject: '', nurture: '' };
let cookie = '';

/** Calls the API as marketing ops (the demo's marketing user). */
async function api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = res.headers.get('set-cookie');
  if (setCookie) cookie = setCookie.split(';')[0];
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'zh-CN', hasTouch: true, isMobile: true });

  // Overnight: marketing hands three MQLs to rep 1 (by hand here; the rules do it in production).
  await api('POST', '/auth/login', { email: 'marketing@demo.lead2cash.local', password: PASSWORD });
  const rep = (await api<{ data: { id: string; email: string }[] }>('GET', '/users?q=rep1%40demo&limit=5')).data.find((u) => u.email === 'rep1@demo.lead2cash.local')!;
  for (const [key, name] of Object.entries(names) as [keyof typeof names, string][]) {
    const lead = await api<{ id: string }>('POST', '/leads', {
      name,
      company: `${name.split(' ')[0]}的公司`,
      phone: '13800138000',
      region: '华北大区',
      province: '北京',
      productInterest: 'CRM',
      source: 'trade_show',
    });
    await api('POST', `/leads/${lead.id}/promote`, {});
    await api('POST', `/leads/${lead.id}/assign`, { ownerId: rep.id });
    ids[key] = lead.id;
  }
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const card = (name: string) => page.locator(`[data-testid="inbox-card"][data-lead-name="${name}"]`);

describe('the rep’s lead inbox on a phone', () => {
  it('signs in and opens the inbox from the leads module', async () => {
    await signIn(page, server.url, 'rep1@demo.lead2cash.local', PASSWORD);
    await page.goto(`${server.url}/leads`);
    await page.getByTestId('leads-tab-inbox').click();
    await page.waitForURL(/\/leads\/inbox$/);
    for (const name of Object.values(names)) await card(name).waitFor();
    await expect(card(names.accept).getByTestId('inbox-sla').getAttribute('data-sla')).resolves.toBe('ok');
  });

  it('accepts a lead in one tap', async () => {
    await card(names.accept).getByTestId('inbox-accept').tap();
    await card(names.accept).waitFor({ state: 'detached' });
    const lead = await api('GET', `/leads/${ids.accept}`);
    expect(lead.status).toBe('accepted');
  });

  it('rejects a lead for the wrong region: it goes to marketing’s routing queue', async () => {
    await card(names.reject).getByTestId('inbox-reject').tap();
    await page.getByTestId('reason-input').waitFor();
    await page.getByTestId('reason-preset-wrongRegion').tap();
    await expect(page.getByTestId('reason-input').inputValue()).resolves.toBe('区域不符');
    await page.getByTestId('reason-submit').tap();
    await card(names.reject).waitFor({ state: 'detached' });
    const lead = await api('GET', `/leads/${ids.reject}`);
    expect(lead).toMatchObject({ status: 'mql', ownerId: null, inRoutingQueue: true, lastReason: '区域不符' });
    const queue = await api<{ data: { id: string }[] }>('GET', '/leads/routing-queue');
    expect(queue.data.map((l) => l.id)).toContain(ids.reject);
  });

  it('returns a lead to nurture with a typed reason, and needs one', async () => {
    await card(names.nurture).getByTestId('inbox-return').tap();
    await page.getByTestId('reason-input').waitFor();
    await page.getByTestId('reason-submit').tap();
    await page.locator('.ant-modal').getByText('必填').first().waitFor();
    await page.getByTestId('reason-input').fill('明年才有预算');
    await page.getByTestId('reason-submit').tap();
    await card(names.nurture).waitFor({ state: 'detached' });
    const lead = await api('GET', `/leads/${ids.nurture}`);
    expect(lead).toMatchObject({ status: 'recycled', ownerId: null, lastReason: '明年才有预算' });
  });

  it('fits the phone screen without sideways scrolling', async () => {
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
