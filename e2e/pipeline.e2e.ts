import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiClient, chooseOption, launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/**
 * JOURNEYS.md 4 — a rep works the pipeline on the kanban: a move out of "contact" is refused with
 * exactly what is missing (the first call, a contact on the deal), the card snaps back; the rep
 * ticks the checklist and adds the contact on the deal page, and the same move goes through.
 * Another deal is dropped on "lost" and closed with a loss reason, the competitor and a note.
 * On a phone the deal page has no sideways scroll.
 */
const PASSWORD = 'Lead2Cash!demo';
let server: RunningServer;
let browser: Browser;
let page: Page;
let api: Awaited<ReturnType<typeof apiClient>>;
const stamp = Date.now().toString(36);
const names = { move: `ERP 升级 ${stamp}`, lose: `报表平台 ${stamp}` };
const ids = { move: '', lose: '', contact: '' };
const contactName = `陈志明${stamp}`;
let stages: Record<string, { id: string; name: string }> = {};
/** The rep's open deals of the demo, in all and at "contact", beside which the two made here are counted. */
const demoDeals = { open: 0, contact: 0 };

beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
  browser = await launchBrowser();
  // Tall enough for the rep's demo deals above the won/lost drop zones under the board.
  page = await browser.newPage({ viewport: { width: 1366, height: 1400 }, locale: 'zh-CN' });
  api = await apiClient(server.url, 'rep1@demo.lead2cash.local', PASSWORD);
  const me = await api<{ user: { id: string } }>('GET', '/me');
  const processes = await api<{ data: { isDefault: boolean; stages: { id: string; key: string; name: string }[] }[] }>('GET', '/sales-processes');
  const contactStage = processes.data.find((p) => p.isDefault)!.stages.find((s) => s.key === 'contact')!;
  const openDeals = async (filter = '') =>
    (await api<{ count: number }>('GET', `/opportunities/totals?filter[status]=open&filter[ownerId]=${me.user.id}${filter}`)).count;
  demoDeals.open = await openDeals();
  demoDeals.contact = await openDeals(`&filter[stageId]=${contactStage.id}`);
  const account = await api<{ id: string }>('POST', '/accounts', { name: `北京星河智造科技有限公司 ${stamp}` });
  ids.contact = (await api<{ id: string }>('POST', '/contacts', { name: contactName, title: 'CIO', accountId: account.id })).id;
  const move = await api<{ id: string; processId: string }>('POST', '/opportunities', {
    name: names.move, accountId: account.id, closeDate: '2026-06-30', amount: { amount: '580000.00', currency: 'CNY' },
  });
  ids.move = move.id;
  ids.lose = (await api<{ id: string }>('POST', '/opportunities', {
    name: names.lose, accountId: account.id, closeDate: '2026-05-31', amount: { amount: '120000.00', currency: 'CNY' }, competitors: ['Acme'],
  })).id;
  const process = await api<{ stages: { id: string; key: string; name: string }[] }>('GET', `/sales-processes/${move.processId}`);
  stages = Object.fromEntries(process.stages.map((s) => [s.key, s]));
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const card = (name: string) => page.locator(`[data-testid="deal-card"][data-deal-name="${name}"]`);
const column = (stageKey: string) => page.locator(`[data-testid="board-column"][data-stage-id="${stages[stageKey].id}"]`);

/** Drags a card by its lower part (not the link) onto a target, in small steps as a person would. */
async function drag(from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height - 12);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height - 4, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + Math.min(b.height / 2, 80), { steps: 20 });
  await page.waitForTimeout(100);
  await page.mouse.up();
}

async function openBoard() {
  await page.goto(`${server.url}/opportunities/board`);
  await card(names.move).waitFor();
}

describe('the pipeline kanban', () => {
  it('shows the open deals by stage with counts and totals', async () => {
    await signIn(page, server.url, 'rep1@demo.lead2cash.local', PASSWORD);
    await page.goto(`${server.url}/opportunities`);
    await page.getByTestId('deal-view-mine').click();
    // "My pipeline" is one saved view: my open deals.
    await expect.poll(() => Object.fromEntries(new URL(page.url()).searchParams)).toMatchObject({ status: 'open', ownerId: expect.any(String) });
    await page.getByTestId('deal-list-row').filter({ hasText: names.move }).waitFor();
    await expect.poll(() => page.getByTestId('deal-totals-count').textContent()).toMatch(new RegExp(`(^|\\D)${demoDeals.open + 2}(\\D|$)`));
    await page.getByTestId('deals-tab-board').click();
    await page.waitForURL(/\/opportunities\/board/);
    await card(names.move).waitFor();
    expect(await column('contact').getByTestId('deal-card').count()).toBe(demoDeals.contact + 2);
    await expect(column('contact').getByTestId('board-column-count').textContent()).resolves.toBe(String(demoDeals.contact + 2));
  });

  it('refuses a move whose exit criteria are not met, says exactly what is missing, and snaps the card back', async () => {
    await drag(card(names.move), column('product_understanding'));
    const refused = page.getByTestId('gate-refused');
    await refused.waitFor();
    const keys = await refused.getByTestId('gate-missing-item').evaluateAll((items) => items.map((i) => i.getAttribute('data-key')));
    expect(keys.sort()).toEqual(['contacts', 'first_meeting']);
    await expect(refused.textContent()).resolves.toContain('已完成首次通话或拜访');
    // A rep may not override.
    expect(await page.getByTestId('gate-override').count()).toBe(0);
    await page.getByTestId('gate-close').click();
    await refused.waitFor({ state: 'hidden' });
    await column('contact').locator(`[data-deal-name="${names.move}"]`).waitFor();
    expect((await api<{ stageId: string }>('GET', `/opportunities/${ids.move}`)).stageId).toBe(stages.contact.id);
  });

  it('lets the rep fix what was missing on the deal page', async () => {
    await card(names.move).getByTestId('deal-card-link').click();
    await page.waitForURL(new RegExp(`/opportunities/${ids.move}$`));
    await page.getByTestId('deal-missing').waitFor();
    await page.locator('[data-testid="deal-checklist-item"][data-key="first_meeting"]').click();
    await page.locator('[data-testid="deal-missing-item"][data-key="first_meeting"]').waitFor({ state: 'detached' });
    await page.getByTestId('deal-tab-contacts').click();
    await chooseOption(page.getByTestId('deal-contact-pick'), contactName);
    await page.getByTestId('deal-contact-add').click();
    await page.getByTestId('deal-contact').filter({ hasText: contactName }).waitFor();
    await page.getByTestId('deal-exit-met').waitFor();
  });

  it('then allows the same move', async () => {
    await openBoard();
    await drag(card(names.move), column('product_understanding'));
    await column('product_understanding').locator(`[data-deal-name="${names.move}"]`).waitFor();
    await expect.poll(async () => (await api<{ stageId: string }>('GET', `/opportunities/${ids.move}`)).stageId).toBe(stages.product_understanding.id);
    expect(await page.getByTestId('gate-refused').count()).toBe(0);
  });

  it('closes a deal as lost by dropping it on "lost", with a loss reason, the competitor and a note', async () => {
    await drag(card(names.lose), page.getByTestId('board-drop-lost'));
    const dialog = page.getByTestId('close-deal');
    await dialog.waitFor();
    // Everything is required for a loss: submitting empty shows it on the fields.
    await page.getByTestId('close-competitor').fill('');
    await page.getByTestId('close-deal-submit').click();
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();
    await chooseOption(page.getByTestId('close-loss-reason'));
    await page.getByTestId('close-competitor').fill('Acme');
    await page.getByTestId('close-note').fill('客户选择了价格更低的方案');
    await page.getByTestId('close-deal-submit').click();
    await dialog.waitFor({ state: 'hidden' });
    await card(names.lose).waitFor({ state: 'detached' });
    const lost = await api<{ status: string; lossReason: string | null; closeCompetitor: string; closeNote: string }>('GET', `/opportunities/${ids.lose}`);
    expect(lost).toMatchObject({ status: 'lost', closeCompetitor: 'Acme', closeNote: '客户选择了价格更低的方案' });
    expect(lost.lossReason).toBeTruthy();
    await page.goto(`${server.url}/opportunities/${ids.lose}`);
    await expect(page.getByTestId('deal-status').getAttribute('data-status')).resolves.toBe('lost');
    await page.getByTestId('deal-lost-reason').waitFor();
  });

  it('fits a phone: the deal page and the board have no sideways scroll', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'zh-CN', hasTouch: true, isMobile: true });
    await signIn(phone, server.url, 'rep1@demo.lead2cash.local', PASSWORD);
    await phone.goto(`${server.url}/opportunities/${ids.move}`);
    await phone.getByTestId('deal-stage-panel').waitFor();
    await phone.getByTestId('deal-figures').waitFor();
    await phone.getByTestId('deal-tab-history').click();
    await phone.getByTestId('deal-history').waitFor();
    const overflow = () => phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await phone.goto(`${server.url}/opportunities/board`);
    await phone.locator(`[data-testid="deal-card"][data-deal-name="${names.move}"]`).waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
