import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiClient, launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/**
 * JOURNEYS.md 5 and 6: the VP's executive dashboard shows the API's figures, the funnel opens the
 * records behind a step, a manager adjusts a rep's commit with a note, the pages fit a phone.
 * The history comes in through the analytics history import, dated inside the current quarter.
 */
const PASSWORD = 'Lead2Cash!demo';
const ADMIN = 'admin@demo.lead2cash.local';
let server: RunningServer;
let browser: Browser;
let page: Page;
let admin: Awaited<ReturnType<typeof apiClient>>;
let period = '';
let from = '';
let to = '';
const run = Date.now().toString(36);

/** POST a history file as multipart, signed in as the admin. */
async function importHistory(kind: string, content: string, options?: object) {
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: ADMIN, password: PASSWORD }),
  });
  const cookie = login.headers.get('set-cookie')!.split(';')[0];
  const form = new FormData();
  form.set('kind', kind);
  if (options) form.set('options', JSON.stringify(options));
  form.set('file', new Blob([content], { type: 'text/csv' }), `${kind}.csv`);
  const res = await fetch(`${server.url}/api/v1/analytics/history-imports`, { method: 'POST', headers: { cookie }, body: form });
  const body = await res.json();
  if (!res.ok) throw new Error(`${kind}: ${res.status} ${JSON.stringify(body)}`);
  return body as { created: Record<string, number>; rejects: unknown[] };
}

beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  admin = await apiClient(server.url, ADMIN, PASSWORD);
  ({ period, from, to } = await admin('GET', '/analytics/forecast'));
  const process = (await admin('GET', '/sales-processes')).data.find((p: { isDefault: boolean }) => p.isDefault);
  const open = process.stages.filter((s: { isWon: boolean; isLost: boolean }) => !s.isWon && !s.isLost);
  // Created, won and lost on the quarter's first day, open deals expected on its last: all inside the period
  // (the funnel counts the deals created in it, the forecast those closing in it).
  const engage = from;
  const deals = [
    [`A1-${run}`, `Ann ${run}`, 'Alpha', `Acme ${run}`, 'Won', engage, from, '1200'],
    [`A2-${run}`, `Ann ${run}`, 'Alpha', `Zeta ${run}`, 'Lost', engage, from, '0'],
    [`A3-${run}`, `Bob ${run}`, 'Beta', `Acme ${run}`, 'Won', engage, from, '800.50'],
    [`A4-${run}`, `Bob ${run}`, 'Beta', `Zeta ${run}`, 'Engaging', engage, to, '500'],
    [`A5-${run}`, `Ann ${run}`, 'Alpha', `Zeta ${run}`, 'Prospecting', engage, to, '300'],
  ];
  await importHistory('sales-teams', `sales_agent,manager,regional_office\nAnn ${run},Mary ${run},East\nBob ${run},Mary ${run},North\n`);
  await importHistory('products', `product,series,sales_price\nAlpha,Series A,100\nBeta,Series B,250\n`, { currency: 'CNY' });
  await importHistory('accounts', `account,sector,employees,office_location\nAcme ${run},tech,100,East\nZeta ${run},retail,50,North\n`);
  const result = await importHistory(
    'opportunities',
    `opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date,close_value\n${deals.map((d) => d.join(',')).join('\n')}\n`,
    { currency: 'CNY', stageMapping: { Prospecting: open[0].name, Engaging: open[1].name } },
  );
  expect(result.rejects).toEqual([]);
  const ann = (await admin('GET', `/users?q=${encodeURIComponent(`Ann ${run}`)}`)).data[0];
  await admin('POST', '/targets', { ownerId: ann.id, period, amount: { amount: '5000', currency: 'CNY' } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const amountOf = async (testId: string) => page.getByTestId(testId).getAttribute('data-amount');

describe('analytics in the browser', () => {
  it('the executive dashboard shows the quarter with the API’s figures and the quota attainment', async () => {
    await signIn(page, server.url, ADMIN, PASSWORD);
    await page.goto(`${server.url}/dashboard`);
    await page.locator('[data-testid="dashboard-page"][data-view="executive"]').waitFor();
    const api = await admin('GET', `/analytics/forecast?period=${period}&groupBy=team`);
    expect(Number(api.total.closed)).toBeCloseTo(2000.5);
    await page.locator('[data-testid="exec-period-closed"][data-amount]').waitFor();
    await expect(amountOf('exec-period-closed')).resolves.toBe(api.total.closed);
    await expect(amountOf('exec-period-call')).resolves.toBe(api.total.call);
    await expect(amountOf('exec-period-weighted')).resolves.toBe(api.total.weighted);
    // Shown formatted for the reader: ¥2,000.50.
    await expect(page.getByTestId('exec-period-closed').textContent()).resolves.toContain('2,000.50');

    const attainment = await admin('GET', `/analytics/attainment?period=${period}`);
    const ann = (await admin('GET', `/users?q=${encodeURIComponent(`Ann ${run}`)}`)).data[0];
    const row = attainment.rows.find((r: { ownerId: string }) => r.ownerId === ann.id);
    expect(row).toMatchObject({ target: '5000.00', won: '1200.00' });
    await expect(page.getByTestId(`attainment-won-${row.targetId}`).getAttribute('data-amount')).resolves.toBe(row.won);
  });

  it('the funnel drill-down opens the records behind a step, each leading to its deal', async () => {
    await page.goto(`${server.url}/analytics/funnel?period=${period}`);
    const funnel = await admin('GET', `/analytics/funnel?period=${period}`);
    const won = funnel.steps.find((s: { key: string }) => s.key === 'won');
    expect(won.count).toBe(2);
    await page.getByTestId('funnel-chart').locator('canvas').first().waitFor();
    await page.getByTestId('funnel-count-won').click();
    const drawer = page.getByTestId('analytics-drill');
    await drawer.getByTestId('analytics-drill-record').first().waitFor();
    await expect(drawer.getByTestId('analytics-drill-record').count()).resolves.toBe(won.count);
    const names = await drawer.getByTestId('analytics-drill-link').allTextContents();
    expect(names.sort().map((n) => n.match(/\((A\d)-/)?.[1])).toEqual(['A1', 'A3']);
    await drawer.getByTestId('analytics-drill-link').first().click();
    await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
  });

  it("a manager adjusts a rep's commit with a note; the rep's own figure stays beside it", async () => {
    const bob = (await admin('GET', `/users?q=${encodeURIComponent(`Bob ${run}`)}`)).data[0];
    await page.goto(`${server.url}/dashboard?view=manager&period=${period}`);
    await page.getByTestId(`forecast-adjust-${bob.id}`).click();
    const dialog = page.getByTestId('adjust-dialog');
    await dialog.getByTestId('adjust-amount').fill('650');
    await dialog.getByTestId('adjust-note').fill('Zeta signs on Friday');
    await page.getByTestId('adjust-save').click();
    await page.getByTestId(`forecast-commit-${bob.id}-adjusted`).waitFor();
    const rows = (await admin('GET', `/analytics/forecast?period=${period}`)).rows;
    const bobRow = rows.find((r: { key: string }) => r.key === bob.id);
    expect(bobRow.adjusted.commit).toBe('650.00');
    expect(bobRow.adjusted.adjustments.commit).toMatchObject({ note: 'Zeta signs on Friday', original: bobRow.commit });
  });

  it('the manager downloads the weekly review pack as an Excel file', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('review-pack').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const { readFile } = await import('node:fs/promises');
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
  });

  it('the funnel planner back-calculates from the target and recalculates when it changes', async () => {
    // Plan the next quarter from the one the history is in.
    const [, fy, q] = /^FY(\d{4})-Q(\d)$/.exec(period)!;
    const next = Number(q) === 4 ? `FY${Number(fy) + 1}-Q1` : `FY${fy}-Q${Number(q) + 1}`;
    const rates = await admin('GET', `/analytics/win-rates?period=${period}`);
    const funnel = await admin('GET', `/analytics/funnel?period=${period}`);
    const firstStage = funnel.steps.find((s: { key: string }) => s.key.startsWith('stage:')).count;
    const won = funnel.steps.find((s: { key: string }) => s.key === 'won').count;
    const average = Number(rates.total.averageDealSize);
    const expected = (target: number) => {
      const deals = Math.ceil(target / average);
      return { deals, opportunities: Math.ceil(deals / (won / firstStage)) };
    };

    await page.goto(`${server.url}/analytics/planner?period=${next}`);
    // The base: what the reference quarter won, once its figures are in.
    await page.locator('[data-testid="planner-base"]:has-text("2,000.50")').waitFor();
    await page.getByTestId('planner-mode').getByText('收入目标').click();
    await page.getByTestId('planner-revenue').fill('10000');
    let want = expected(10000);
    await page.locator(`[data-testid="planner-needed-wonDeals"]:text-is("${want.deals}")`).waitFor();
    await expect(page.getByTestId('planner-needed-opportunities').textContent()).resolves.toBe(String(want.opportunities));

    await page.getByTestId('planner-revenue').fill('25000');
    want = expected(25000);
    await page.locator(`[data-testid="planner-needed-wonDeals"]:text-is("${want.deals}")`).waitFor();
    await expect(page.getByTestId('planner-needed-opportunities').textContent()).resolves.toBe(String(want.opportunities));

    // An edited assumption recalculates too: every opportunity won.
    await page.getByTestId('planner-rate-opportunityToWon').fill('100');
    await page.locator(`[data-testid="planner-needed-opportunities"]:text-is("${want.deals}")`).waitFor();
  });

  it('fits a phone: no sideways scrolling, the charts follow the width', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    await page.goto(`${server.url}/dashboard?period=${period}`);
    await page.locator('[data-testid="exec-period-closed"][data-amount]').waitFor();
    await page.getByTestId('funnel-chart').or(page.locator('.l2c-chart').first()).first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    const chartWidth = await page.locator('.l2c-chart canvas').first().evaluate((c) => c.getBoundingClientRect().width);
    expect(chartWidth).toBeLessThanOrEqual(375);
  });
});
