import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiClient, launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/**
 * JOURNEYS.md 5 and 6: the VP's executive dashboard shows the API's figures and every money figure
 * opens its deals, the funnel opens the records behind a step, a forecast page figure and a win-rate
 * row open the deals they count, the manager sees the pipeline per
 * stage and rep and adjusts a rep's commit with a note, the planner asks the API on every change,
 * the pages fit a phone.
 * The history comes in through the analytics history import, dated inside the current quarter,
 * in a tenant of its own: the figures are checked exactly, and the demo tenant has deals of its own.
 */
const PASSWORD = 'Lead2Cash!demo';
const run = Date.now().toString(36);
const ADMIN = `vp-${run}@analytics-e2e.example.cn`;
let server: RunningServer;
let browser: Browser;
let page: Page;
let admin: Awaited<ReturnType<typeof apiClient>>;
let period = '';
let from = '';
let to = '';

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
  const signUp = await fetch(`${server.url}/api/v1/auth/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantName: `Analytics ${run}`, name: `VP ${run}`, email: ADMIN, password: PASSWORD, locale: 'zh-CN' }),
  });
  expect(signUp.status).toBe(201);
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
const userId = async (name: string) => (await admin('GET', `/users?q=${encodeURIComponent(name)}`)).data[0].id as string;
type Link = { path: string; query: Record<string, string> };
/** The records the API lists behind a drill link. */
const drilled = async (link: Link) => (await admin('GET', `${link.path.replace(/^\/api\/v1/, '')}?${new URLSearchParams(link.query)}`)).records as { name: string }[];
/** The deal names in the open drawer, by their history-import key (A1 …), sorted. */
async function drawerKeys() {
  const drawer = page.getByTestId('analytics-drill');
  await drawer.getByTestId('analytics-drill-record').first().waitFor();
  const names = await drawer.getByTestId('analytics-drill-link').allTextContents();
  return names.map((n) => n.match(/\((A\d)-/)?.[1] ?? n).sort();
}
async function closeDrawer() {
  await page.keyboard.press('Escape');
  await page.getByTestId('analytics-drill').waitFor({ state: 'hidden' });
}

describe('analytics in the browser', () => {
  it('the executive dashboard shows the API’s figures; won amounts and region rows open their deals', async () => {
    await signIn(page, server.url, ADMIN, PASSWORD);
    await page.goto(`${server.url}/dashboard?period=${period}`);
    await page.locator('[data-testid="dashboard-page"][data-view="executive"]').waitFor();
    const api = await admin('GET', `/dashboards/executive?period=${period}`);
    const quarter = api.forecast.quarter;
    expect(Number(quarter.closed)).toBeCloseTo(2000.5);
    await page.locator('[data-testid="exec-period-closed"][data-amount]').waitFor();
    await expect(amountOf('exec-period-closed')).resolves.toBe(quarter.closed);
    await expect(amountOf('exec-period-call')).resolves.toBe(quarter.call);
    await expect(amountOf('exec-period-weighted')).resolves.toBe(quarter.weighted);
    await expect(amountOf('exec-period-pipeline')).resolves.toBe(quarter.pipeline);
    // Shown formatted for the reader: ¥2,000.50.
    await expect(page.getByTestId('exec-period-closed').textContent()).resolves.toContain('2,000.50');

    const ann = await userId(`Ann ${run}`);
    const row = api.attainment.reps.find((r: { ownerId: string }) => r.ownerId === ann);
    expect(row).toMatchObject({ target: '5000.00', won: '1200.00' });
    await expect(amountOf(`attainment-won-${row.targetId}`)).resolves.toBe(row.won);

    // A won amount opens the won deals behind it, each leading to its deal.
    await page.getByTestId(`attainment-won-${row.targetId}-drill`).click();
    await expect(drawerKeys()).resolves.toEqual(['A1']);
    await closeDrawer();
    await page.getByTestId('exec-period-closed-drill').click();
    await expect(drawerKeys()).resolves.toEqual(['A1', 'A3']);
    await closeDrawer();

    // A region row's closed amount: the won deals of the region's accounts.
    const east = api.byRegion.find((r: { key: string }) => r.key === 'East');
    expect(east.closed).toBe('2000.50');
    await page.getByTestId('exec-region-closed-East').click();
    const keys = await drawerKeys();
    expect(keys).toEqual(['A1', 'A3']);
    expect(keys).toHaveLength((await drilled(east.drill.closed)).length);
    await page.getByTestId('analytics-drill').getByTestId('analytics-drill-link').first().click();
    await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
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
    await expect(drawerKeys()).resolves.toEqual(['A1', 'A3']);
    await drawer.getByTestId('analytics-drill-link').first().click();
    await page.waitForURL(/\/opportunities\/[0-9a-f-]{36}$/);
  });

  it('the forecast page: a total and a rep’s figures open exactly the deals they count', async () => {
    await page.goto(`${server.url}/analytics/forecast?period=${period}`);
    const api = await admin('GET', `/analytics/forecast?period=${period}`);
    await page.locator('[data-testid="forecast-panel-total-closed"][data-amount]').waitFor();
    await expect(amountOf('forecast-panel-total-closed')).resolves.toBe(api.total.closed);
    await page.getByTestId('forecast-panel-total-closed-drill').click();
    await expect(drawerKeys()).resolves.toEqual(['A1', 'A3']);
    await closeDrawer();
    // Bob's open deals the forecast counts: the row's open-deal count opens them.
    const bob = await userId(`Bob ${run}`);
    const row = api.rows.find((r: { key: string }) => r.key === bob);
    expect(row.openDeals).toBe(1);
    await page.getByTestId(`forecast-panel-openDeals-${bob}`).click();
    await expect(drawerKeys()).resolves.toEqual(['A4']);
    expect(await drilled(row.drill.openDeals)).toHaveLength(row.openDeals);
    await closeDrawer();
  });

  it('the results page: a win-rate row’s won and lost counts open those deals', async () => {
    await page.goto(`${server.url}/analytics/results?period=${period}`);
    const ann = await userId(`Ann ${run}`);
    const api = await admin('GET', `/analytics/win-rates?period=${period}&groupBy=owner`);
    const row = api.rows.find((r: { key: string }) => r.key === ann);
    expect(row).toMatchObject({ won: 1, lost: 1, wonAmount: '1200.00' });
    await page.getByTestId(`win-rate-won-${ann}`).click();
    await expect(drawerKeys()).resolves.toEqual(['A1']);
    await closeDrawer();
    await page.getByTestId(`win-rate-lost-${ann}`).click();
    await expect(drawerKeys()).resolves.toEqual(['A2']);
    await closeDrawer();
  });

  it('the manager dashboard shows the open pipeline per stage and rep, each figure opening its deals', async () => {
    await page.goto(`${server.url}/dashboard?view=manager&period=${period}`);
    const api = await admin('GET', `/dashboards/manager?period=${period}`);
    const bob = await userId(`Bob ${run}`);
    const ann = await userId(`Ann ${run}`);
    for (const [owner, key, amount] of [[bob, 'A4', '500.00'], [ann, 'A5', '300.00']] as const) {
      const stage = api.pipeline.find((s: { owners: { ownerId: string }[] }) => s.owners.some((o) => o.ownerId === owner));
      const figures = stage.owners.find((o: { ownerId: string }) => o.ownerId === owner);
      expect(figures).toMatchObject({ deals: 1, amount });
      const cell = page.getByTestId(`pipeline-${stage.stageId}-${owner}`);
      await expect(cell.textContent()).resolves.toContain(amount.replace('.00', ''));
      await cell.click();
      await expect(drawerKeys()).resolves.toEqual([key]);
      await closeDrawer();
    }
    await expect(page.getByTestId('pipeline-table').locator('thead').textContent()).resolves.toContain(`Bob ${run}`);
  });

  it("a manager adjusts a rep's commit with a note; the rep's own figure stays beside it", async () => {
    const bob = await userId(`Bob ${run}`);
    await page.goto(`${server.url}/dashboard?view=manager&period=${period}`);
    await page.getByTestId(`forecast-adjust-${bob}`).click();
    const dialog = page.getByTestId('adjust-dialog');
    await dialog.getByTestId('adjust-amount').fill('650');
    await dialog.getByTestId('adjust-note').fill('Zeta signs on Friday');
    await page.getByTestId('adjust-save').click();
    await page.getByTestId(`forecast-commit-${bob}-adjusted`).waitFor();
    const rows = (await admin('GET', `/analytics/forecast?period=${period}`)).rows;
    const bobRow = rows.find((r: { key: string }) => r.key === bob);
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

  it('the funnel planner shows the API’s plan and asks again when the target or an assumption changes', async () => {
    // Plan the next quarter: the growth base is the quarter the history is in.
    const [, fy, q] = /^FY(\d{4})-Q(\d)$/.exec(period)!;
    const next = Number(q) === 4 ? `FY${Number(fy) + 1}-Q1` : `FY${fy}-Q${Number(q) + 1}`;
    const count = new Intl.NumberFormat('zh-CN').format;
    // The history has deals but no leads: the lead-side rates cannot be measured, the reader gives them.
    const given = { mqlPerLead: 0.5, sqlPerMql: 0.5, opportunitiesPerSql: 1 };
    const planned = async (amount: string, assumptions: object = given) =>
      (await admin('POST', '/analytics/planner', { period: next, target: { amount, currency: 'CNY' }, assumptions })).plan as Record<string, number>;

    await page.goto(`${server.url}/analytics/planner?period=${next}`);
    await page.getByTestId('planner-mode').getByText('收入目标').click();
    await page.getByTestId('planner-revenue').fill('10000');
    // The server names the rates it could not measure and plans what it can: deals from the measured deal size and win rate.
    const partial = await admin('POST', '/analytics/planner', { period: next, target: { amount: '10000', currency: 'CNY' } });
    expect(partial.missing).toEqual(['opportunitiesPerSql', 'sqlPerMql', 'mqlPerLead']);
    await page.getByTestId('planner-missing').waitFor();
    await page.locator('.ant-form-item-has-error [data-testid="planner-rate-mqlPerLead"]').waitFor();
    await page.locator(`[data-testid="planner-needed-opportunities"]:text-is("${count(partial.plan.opportunities)}")`).waitFor();
    await expect(page.getByTestId('planner-needed-leads').textContent()).resolves.not.toMatch(/\d/);
    await page.getByTestId('planner-rate-mqlPerLead').fill('50');
    await page.getByTestId('planner-rate-sqlPerMql').fill('50');
    await page.getByTestId('planner-rate-opportunitiesPerSql').fill('100');
    let want = await planned('10000');
    // The deals were planned before the rates were given: the leads say the new plan has come.
    await page.locator(`[data-testid="planner-needed-leads"]:text-is("${count(want.leads)}")`).waitFor();
    await expect(page.getByTestId('planner-needed-wonDeals').textContent()).resolves.toBe(count(want.wonDeals));
    await expect(page.getByTestId('planner-needed-opportunities').textContent()).resolves.toBe(count(want.opportunities));
    // Measured where the history allows: the quarter before won 2,000.50 (the base of a growth plan).
    await expect(page.getByTestId('planner-base').textContent()).resolves.toContain('2,000.50');

    await page.getByTestId('planner-revenue').fill('25000');
    want = await planned('25000');
    await page.locator(`[data-testid="planner-needed-wonDeals"]:text-is("${count(want.wonDeals)}")`).waitFor();
    await expect(page.getByTestId('planner-needed-opportunities').textContent()).resolves.toBe(count(want.opportunities));

    // An edited assumption is sent with the target: every opportunity won.
    await page.getByTestId('planner-rate-winRate').fill('100');
    want = await planned('25000', { ...given, winRate: 1 });
    expect(want.opportunities).toBe(want.wonDeals);
    await page.locator(`[data-testid="planner-needed-opportunities"]:text-is("${count(want.opportunities)}")`).waitFor();
    await expect(page.getByTestId('planner-needed-leads').textContent()).resolves.toBe(count(want.leads));
  });

  it('fits a phone: no sideways scrolling, the charts follow the width', async () => {
    await page.setViewportSize({ width: 375, height: 800 });
    for (const view of ['executive', 'manager']) {
      await page.goto(`${server.url}/dashboard?view=${view}&period=${period}`);
      await page.locator(view === 'executive' ? '[data-testid="exec-period-closed"][data-amount]' : '[data-testid="pipeline-table"]').waitFor();
      await page.locator('.l2c-chart canvas').first().waitFor();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, view).toBeLessThanOrEqual(0);
      const chartWidth = await page.locator('.l2c-chart canvas').first().evaluate((c) => c.getBoundingClientRect().width);
      expect(chartWidth, view).toBeLessThanOrEqual(375);
    }
  });
});
