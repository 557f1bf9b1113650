import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiClient, launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/**
 * JOURNEYS.md 3, the end of the call: the rep converts a qualified lead whose company is already
 * an account (written another way), so the contact and the opportunity attach to that account.
 */
const PASSWORD = 'Lead2Cash!demo';
let server: RunningServer;
let browser: Browser;
let page: Page;
let rep: Awaited<ReturnType<typeof apiClient>>;
const POOL = '云海星河天成锦华瑞丰嘉禾';
const stamp = Date.now();
const core = Array.from({ length: 4 }, (_, i) => POOL[Math.floor(stamp / 7 ** i) % POOL.length]).join('');
const accountName = `${core}（北京）信息科技有限公司`;
const leadName = `冯立新${stamp.toString(36).slice(-3)}`;
let accountId = '';
let leadId = '';

beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  rep = await apiClient(server.url, 'rep1@demo.lead2cash.local', PASSWORD);
  accountId = (await rep<{ id: string }>('POST', '/accounts', { name: accountName, city: '北京' })).id;
  const lead = await rep<{ id: string }>('POST', '/leads', {
    name: leadName, company: `北京${core}信息科技有限公司`, title: '信息中心主任', phone: '13911112222', source: 'trade_show',
  });
  leadId = lead.id;
  for (const action of ['promote', 'accept', 'qualify']) await rep('POST', `/leads/${leadId}/${action}`, {});
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('converting a lead into an existing account', () => {
  it('shows the matched account, converts with an opportunity and opens the account', async () => {
    await signIn(page, server.url, 'rep1@demo.lead2cash.local', PASSWORD);
    await page.goto(`${server.url}/leads/${leadId}`);
    await page.getByTestId('lead-convert').click();
    const dialog = page.getByTestId('convert-dialog');
    await dialog.getByTestId(`convert-candidate-${accountId}`).waitFor();
    await expect(dialog.getByTestId(`convert-candidate-${accountId}`).isChecked()).resolves.toBe(true);
    await expect(dialog.getByTestId('convert-contact').textContent()).resolves.toContain(leadName);
    await dialog.getByTestId('convert-amount').fill('360000');
    await dialog.getByTestId('convert-close-date').click();
    await page.locator('.ant-picker-dropdown .ant-picker-cell-in-view').last().click();
    await page.getByTestId('convert-submit').click();

    await page.waitForURL(new RegExp(`/accounts/${accountId}\\?tab=contacts$`));
    await page.getByTestId('account-contacts').getByText(leadName).waitFor();
  });

  it('attached the contact and the opportunity to that account, and the lead is read-only with links to them', async () => {
    const lead = await rep('GET', `/leads/${leadId}`);
    expect(lead).toMatchObject({ status: 'converted', convertedAccountId: accountId });
    const deal = await rep('GET', `/opportunities/${lead.convertedOpportunityId}`);
    expect(deal).toMatchObject({ accountId, leadId, amount: { amount: '360000.00', currency: 'CNY' } });
    const contact = await rep('GET', `/contacts/${lead.convertedContactId}`);
    expect(contact).toMatchObject({ accountId, name: leadName });
    const accounts = await rep<{ data: unknown[] }>('GET', `/accounts?q=${encodeURIComponent(core)}`);
    expect(accounts.data).toHaveLength(1);

    await page.goto(`${server.url}/leads/${leadId}`);
    await page.getByTestId('lead-converted').waitFor();
    await expect(page.getByTestId('lead-convert').count()).resolves.toBe(0);
    await expect(page.getByTestId('lead-edit').count()).resolves.toBe(0);
    await page.getByTestId('lead-converted-account').click();
    await page.waitForURL(new RegExp(`/accounts/${accountId}$`));
  });
});
