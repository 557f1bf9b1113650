import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { apiClient, chooseOption, launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/**
 * JOURNEYS.md 4 — a rep draws the buying committee of a big deal on the battle map: the CIO as
 * power sponsor (neutral), sees the warning that nobody supports us, wins the CIO over and sees it
 * go, drags the architect under the CIO (and is refused a loop), plans a visit; the map keeps its
 * reporting lines after a reload and fits a phone. Then an admin edits a stage's win rate.
 */
const PASSWORD = 'Lead2Cash!demo';
let server: RunningServer;
let browser: Browser;
let page: Page;
let api: Awaited<ReturnType<typeof apiClient>>;
let dealId = '';
const stamp = Date.now().toString(36);
const people = { cio: `王建国${stamp}`, architect: `张伟${stamp}`, cfo: `李娜${stamp}` };

beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  api = await apiClient(server.url, 'rep1@demo.lead2cash.local', PASSWORD);
  const account = await api<{ id: string }>('POST', '/accounts', { name: `华北电网信息公司 ${stamp}` });
  for (const [name, title] of [[people.cio, 'CIO'], [people.architect, 'IT 架构师'], [people.cfo, 'CFO']]) {
    await api('POST', '/contacts', { name, title, accountId: account.id });
  }
  dealId = (await api<{ id: string }>('POST', '/opportunities', { name: `数据中台项目 ${stamp}`, accountId: account.id, closeDate: '2026-12-31' })).id;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const card = (name: string) => page.locator(`[data-testid="bm-card"][data-name="${name}"]`);
const gapCodes = async () => page.getByTestId('bm-gap').evaluateAll((items) => items.map((i) => i.getAttribute('data-gap-code')));

async function addStakeholder(name: string, role: string, level: string) {
  await page.getByTestId('bm-add').click();
  await chooseOption(page.getByTestId('stakeholder-form-contact'), name, name);
  await chooseOption(page.getByTestId('stakeholder-form-role'), role);
  await chooseOption(page.getByTestId('stakeholder-form-level'), level);
  await page.getByTestId('stakeholder-form-submit').click();
  await card(name).waitFor();
}

/** Drags one card onto another with the mouse, in small steps as a person would. */
async function drag(from: Locator, to: Locator) {
  await page.getByTestId('stakeholder-drawer').waitFor({ state: 'hidden' });
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 20);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + 30, { steps: 5 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 15 });
  await page.waitForTimeout(100);
  await page.mouse.up();
}

describe('the battle map of a big deal', () => {
  it('starts empty, warning of every gap', async () => {
    await signIn(page, server.url, 'rep1@demo.lead2cash.local', PASSWORD);
    await page.goto(`${server.url}/opportunities/${dealId}/battle-map`);
    await page.getByTestId('bm-empty').waitFor();
    await page.getByTestId('bm-gap').first().waitFor();
    await expect(gapCodes()).resolves.toEqual(['NO_POWER_SPONSOR', 'NO_EXECUTIVE_LEVEL', 'NO_SUPPORTER']);
  });

  it('the rep adds the CIO as a neutral power sponsor: the warning that nobody supports us stays', async () => {
    await addStakeholder(people.cio, '权力支持者', '高管');
    await expect(card(people.cio).getAttribute('data-attitude')).resolves.toBe('neutral');
    await expect(card(people.cio).getAttribute('data-role')).resolves.toBe('power_sponsor');
    await page.waitForFunction(() => !document.querySelector('[data-gap-code="NO_POWER_SPONSOR"]'));
    await expect(gapCodes()).resolves.toEqual(['NO_EXECUTIVE_LEVEL', 'NO_SUPPORTER']);
    await expect(page.getByTestId('bm-gaps').textContent()).resolves.toContain('支持');
  });

  it('adds the architect and the CFO', async () => {
    await addStakeholder(people.architect, '技术评估人', '经理');
    await addStakeholder(people.cfo, '财务审批人', '高管');
    await page.waitForFunction(() => !document.querySelector('[data-gap-code="NO_EXECUTIVE_LEVEL"]'));
    await expect(gapCodes()).resolves.toEqual(['NO_SUPPORTER']);
  });

  it('wins the CIO over: the attitude change is kept in the history and the warning goes', async () => {
    await card(people.cio).click();
    await page.getByTestId('stakeholder-drawer').waitFor();
    await page.getByTestId('attitude-switch').getByText('支持', { exact: true }).click();
    await page.getByTestId('attitude-note').fill('看过方案演示后认可');
    await page.getByTestId('attitude-save').click();
    await page.getByTestId('attitude-history-entry').nth(1).waitFor();
    await expect(page.getByTestId('attitude-history').textContent()).resolves.toContain('看过方案演示后认可');
    await page.keyboard.press('Escape');
    await page.getByTestId('bm-no-gaps').waitFor();
    await expect(card(people.cio).getAttribute('data-attitude')).resolves.toBe('support');
  });

  it('plans a visit to the CIO with the manager', async () => {
    await card(people.cio).click();
    await page.getByTestId('action-add').click();
    await page.getByTestId('action-form-description').fill('与陈经理一起拜访，讲解数据中台方案');
    await page.getByTestId('action-form-submit').click();
    await page.getByTestId('stakeholder-drawer').getByTestId('action-item').filter({ hasText: '与陈经理一起拜访' }).waitFor();
    await page.keyboard.press('Escape');
    await card(people.cio).getByText('1 项待办').waitFor();
    // The deal's action plan lists it with whom it concerns.
    const planned = page.getByTestId('bm-action-plan').getByTestId('action-item');
    await expect(planned.textContent()).resolves.toContain(people.cio);
    await expect(planned.getAttribute('data-done')).resolves.toBe('false');
  });

  it('drags the architect under the CIO; the reporting line survives a reload', async () => {
    await drag(card(people.architect), card(people.cio));
    const under = page.locator(`[data-testid="bm-node"][data-name="${people.cio}"] [data-testid="bm-card"][data-name="${people.architect}"]`);
    await under.waitFor();
    await page.reload();
    await under.waitFor();
    const map = await api<{ data: { id: string; contactName: string; reportsToId: string | null }[] }>('GET', `/opportunities/${dealId}/stakeholders`);
    const byName = new Map(map.data.map((s) => [s.contactName, s]));
    expect(byName.get(people.architect)!.reportsToId).toBe(byName.get(people.cio)!.id);
  });

  it('refuses a loop with a clear message', async () => {
    await drag(card(people.cio), card(people.architect));
    await page.locator('.ant-message').getByText(`${people.cio} 不能汇报给 ${people.architect}`).waitFor();
    const map = await api<{ data: { contactName: string; reportsToId: string | null }[] }>('GET', `/opportunities/${dealId}/stakeholders`);
    expect(map.data.find((s) => s.contactName === people.cio)!.reportsToId).toBeNull();
  });

  it('fits a phone: the chart scrolls inside its own box', async () => {
    await page.setViewportSize({ width: 375, height: 740 });
    await page.reload();
    await card(people.cio).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1280, height: 900 });
  });
});

describe('the sales-process admin', () => {
  let admin: Page;
  const stageNames = () => admin.getByTestId('stage-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-stage-name')));

  it('an admin changes the win rate of a stage and adds exit criteria', async () => {
    admin = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await signIn(admin, server.url, 'admin@demo.lead2cash.local', PASSWORD);
    await admin.goto(`${server.url}/settings/sales-processes`);
    await admin.locator('[data-testid="process-card"]', { hasText: '简单产品销售' }).first().click();
    const first = admin.getByTestId('stage-row').first();
    await first.waitFor();
    await first.getByTestId('stage-edit').click();
    await admin.getByTestId('stage-form-probability').fill('15');
    await admin.getByTestId('stage-form-checklist-add').click();
    await admin.getByTestId('stage-form-checklist-1').fill('客户组织架构已摸清');
    await admin.getByTestId('stage-form-stakeholders').getByText('已识别权力支持者').click();
    await admin.getByTestId('stage-form-submit').click();
    await admin.getByTestId('stage-form').waitFor({ state: 'hidden' });
    await admin.reload();
    const row = admin.getByTestId('stage-row').first();
    await expect(row.getByTestId('stage-probability').textContent()).resolves.toBe('15%');
    await row.getByText('客户组织架构已摸清').waitFor();
    await row.getByText('已识别权力支持者').waitFor();
  });

  it('drags a stage to a new place; the order is kept', async () => {
    const before = await stageNames();
    const handle = admin.getByTestId('stage-handle');
    const a = (await handle.nth(1).boundingBox())!;
    const b = (await admin.getByTestId('stage-row').first().boundingBox())!;
    await admin.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
    await admin.mouse.down();
    await admin.mouse.move(a.x + a.width / 2, a.y - 10, { steps: 5 });
    await admin.mouse.move(b.x + 40, b.y + b.height / 2, { steps: 15 });
    await admin.mouse.up();
    const expected = [before[1], before[0], ...before.slice(2)];
    await admin.waitForFunction(
      (names) => JSON.stringify([...document.querySelectorAll('[data-testid="stage-row"]')].map((r) => r.getAttribute('data-stage-name'))) === JSON.stringify(names),
      expected,
    );
    await admin.reload();
    await admin.getByTestId('stage-row').first().waitFor();
    await expect(stageNames()).resolves.toEqual(expected);
  });

  it('adds a loss reason to the picklist, in Chinese only', async () => {
    await admin.goto(`${server.url}/settings/loss-reasons`);
    await admin.getByTestId('loss-reason-list-row').first().waitFor();
    await admin.getByTestId('loss-reason-create').click();
    await admin.getByTestId('loss-reason-form-key').fill(`compliance_${stamp}`);
    await admin.getByTestId('loss-reason-form-zh').fill('合规要求不满足');
    await admin.getByTestId('loss-reason-form-submit').click();
    await admin.getByTestId('loss-reason-list-row').filter({ hasText: '合规要求不满足' }).waitFor();
    const reasons = await api<{ data: { key: string; labels: Record<string, string> }[] }>('GET', `/loss-reasons?filter[key]=compliance_${stamp}`);
    expect(reasons.data[0].labels).toEqual({ 'zh-CN': '合规要求不满足', 'en-US': '合规要求不满足' });
  });

  it('adds a product with a list price kept as money', async () => {
    await admin.goto(`${server.url}/settings/products`);
    await admin.getByTestId('product-create').click();
    await admin.getByTestId('product-form-name').fill(`数据中台 ${stamp}`);
    await admin.getByTestId('product-form-code').fill(`DP-${stamp}`);
    await admin.getByTestId('product-form-price').fill('1,299.5');
    await admin.getByTestId('product-form-submit').click();
    const row = admin.getByTestId('product-list-row').filter({ hasText: `DP-${stamp}` });
    await row.waitFor();
    await expect(row.textContent()).resolves.toContain('1,299.50');
    const products = await api<{ data: { code: string; listPrice: { amount: string; currency: string } }[] }>('GET', `/products?filter[code]=DP-${stamp}`);
    expect(products.data[0].listPrice).toEqual({ amount: '1299.50', currency: 'CNY' });
    await admin.close();
  });
});
