import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { creditCodeCheckChar } from '../server/src/modules/customers/credit-code.js';
import { chooseOption, launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/** JOURNEYS.md, any day: sign in, add a customer, find it in the list, read its timeline, switch language. */
let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('customers in the browser', () => {
  it('signs in and lands in the app with the navigation of every module', async () => {
    await signIn(page, server.url, 'rep1@demo.lead2cash.local', 'Lead2Cash!demo');
    for (const key of ['accounts', 'contacts', 'leads', 'opportunities']) {
      await page.getByTestId(`nav-${key}`).first().waitFor({ state: 'visible' });
    }
  });

  it('refuses an invalid credit code on the form, then creates the account', async () => {
    await page.getByTestId('nav-accounts').first().click();
    await page.getByTestId('account-list').waitFor();
    await page.getByTestId('account-create').click();
    await page.getByTestId('account-form-name').fill('上海浦江智能制造有限公司');
    await page.getByTestId('account-form-creditCode').fill('9111010510173365XE');
    await page.getByTestId('account-form-submit').click();
    await expect(page.getByText(/校验|check|无效/).first().isVisible()).resolves.toBe(true);
    await page.getByTestId('account-form-creditCode').fill(`91310115MA1K3YJ12${creditCodeCheckChar('91310115MA1K3YJ12')}`);
    await chooseOption(page.getByTestId('account-form-segment'), '重点客户');
    await page.getByTestId('account-form-submit').click();
    await page.waitForURL(/\/accounts\/[0-9a-f-]{36}/);
    await expect(page.getByTestId('account-name').textContent()).resolves.toContain('上海浦江智能制造有限公司');
    await expect(page.getByTestId('account-segment').textContent()).resolves.toBe('重点客户');
  });

  it('shows the new account in the list, and its creation on the timeline', async () => {
    await page.getByTestId('account-tab-timeline').click();
    const item = page.getByTestId('timeline-item').first();
    await item.waitFor();
    await expect(item.getAttribute('data-kind')).resolves.toBe('change');
    await page.getByTestId('nav-accounts').first().click();
    await page.getByTestId('account-list').getByText('上海浦江智能制造有限公司').waitFor();
    // Only the key accounts: the new one is among them, a mid-market demo customer is not.
    await page.getByTestId('account-list').getByText('北京云帆物流有限公司').waitFor();
    await chooseOption(page.getByTestId('account-filter-segment'), '重点客户');
    await page.getByTestId('account-list').getByText('北京云帆物流有限公司').waitFor({ state: 'detached' });
    await page.getByTestId('account-list').getByText('上海浦江智能制造有限公司').waitFor();
    await page.getByTestId('account-filters-reset').first().click();
    await page.getByTestId('account-list').getByText('北京云帆物流有限公司').waitFor();
  });

  it('logs a visit on the account and sees it on the timeline', async () => {
    await page.getByTestId('account-list').getByText('上海浦江智能制造有限公司').click();
    await page.getByTestId('account-log-activity').click();
    await page.getByTestId('activity-type-visit').click();
    await page.getByTestId('activity-form-subject').fill('首次拜访 CIO');
    await page.getByTestId('activity-form-outcome').fill('确认需求');
    await page.getByTestId('activity-form-submit').click();
    await page.getByTestId('account-tab-timeline').click();
    await page.getByTestId('timeline').getByText('首次拜访 CIO').waitFor();
  });

  it('switches the language to English and back', async () => {
    await page.getByTestId('nav-accounts').first().click();
    const before = await page.getByTestId('nav-accounts').first().textContent();
    expect(before).toContain('客户');
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="lang-switch"]')?.getAttribute('data-locale') === 'en-US');
    await expect(page.getByTestId('nav-accounts').first().textContent()).resolves.toContain('Accounts');
    // The choice is kept on the server for the user, not only in this browser.
    const me = await page.evaluate(async () => (await fetch('/api/v1/me')).json());
    expect(me.user.locale).toBe('en-US');
    await page.getByTestId('lang-switch').click();
    await page.waitForFunction(() => document.querySelector('[data-testid="lang-switch"]')?.getAttribute('data-locale') === 'zh-CN');
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await browser.newPage({ viewport: { width: 375, height: 740 }, locale: 'zh-CN' });
    await signIn(phone, server.url, 'rep1@demo.lead2cash.local', 'Lead2Cash!demo');
    await phone.goto(`${server.url}/accounts`);
    await phone.getByTestId('account-list').waitFor();
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await phone.close();
  });
});
