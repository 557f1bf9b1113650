import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chooseOption, launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/**
 * M2L-1/M2L-2: marketing creates a campaign, shares its registration form; a visitor (not signed
 * in) registers; the registrant shows up as a member and a lead of the campaign.
 */
let server: RunningServer;
let browser: Browser;
let page: Page;
const CAMPAIGN = `智能制造线上研讨会 ${Date.now().toString(36)}`;

beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('campaigns in the browser', () => {
  it('marketing creates a webinar campaign with a budget and a goal', async () => {
    await signIn(page, server.url, 'marketing@demo.lead2cash.local', 'Lead2Cash!demo');
    await page.getByTestId('nav-campaigns').first().click();
    await page.getByTestId('campaign-list').waitFor();
    await page.getByTestId('campaign-create').click();
    await page.getByTestId('campaign-form-name').fill(CAMPAIGN);
    await chooseOption(page.getByTestId('campaign-form-type'), '线上研讨会');
    await page.getByTestId('campaign-form-budget').fill('30,000');
    await page.getByTestId('campaign-form-goal-leads').fill('100');
    await page.getByTestId('campaign-form-submit').click();
    await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}/);
    await expect(page.getByTestId('campaign-name').textContent()).resolves.toBe(CAMPAIGN);
    await expect(page.getByTestId('campaign-status').getAttribute('data-status')).resolves.toBe('planned');
    await expect(page.getByTestId('campaign-form-state').getAttribute('data-open')).resolves.toBe('true');
  });

  it('a visitor opens the public form in a new, signed-out page and registers', async () => {
    const url = await page.getByTestId('campaign-form-url').inputValue();
    expect(url).toMatch(new RegExp(`^${server.url}/f/[A-Za-z0-9_-]{44}$`));
    const context = await browser.newContext({ locale: 'zh-CN' });
    const visitor = await context.newPage();
    await visitor.goto(url);
    await expect(visitor.getByTestId('public-form-heading').textContent()).resolves.toBe(CAMPAIGN);
    // Nothing typed: the form says what is missing before anything is sent.
    await visitor.getByTestId('public-form-submit').click();
    await visitor.getByText('请填写邮箱或手机号').first().waitFor();
    await visitor.getByTestId('public-form-name').fill('沈佳怡');
    await visitor.getByTestId('public-form-email').fill('Shen.JiaYi@YunTu-Robotics.cn');
    await visitor.getByTestId('public-form-company').fill('云图机器人（苏州）有限公司');
    await visitor.getByTestId('public-form-message').fill('希望了解产线数字化方案');
    await visitor.getByTestId('public-form-submit').click();
    await visitor.getByTestId('public-form-done').waitFor();
    await expect(visitor.getByTestId('public-form-done').textContent()).resolves.toContain('感谢您的报名');
    // The visitor is not signed in: the app itself stays closed to them.
    const me = await visitor.evaluate(async () => (await fetch('/api/v1/me')).status);
    expect(me).toBe(401);
    await context.close();
  });

  it('marketing sees the registrant as a registered member and a lead of the campaign', async () => {
    await page.reload();
    await page.getByTestId('campaign-summary').waitFor();
    await page.getByTestId('campaign-tab-members').click();
    const row = page.getByTestId('campaign-member-list-row').filter({ hasText: '沈佳怡' });
    await row.waitFor();
    await expect(row.getByTestId('member-status').getAttribute('data-status')).resolves.toBe('registered');
    await expect(row.textContent()).resolves.toContain('shen.jiayi@yuntu-robotics.cn');

    const campaignId = page.url().match(/campaigns\/([0-9a-f-]{36})/)![1];
    const leads = await page.evaluate(
      async (id) => (await fetch(`/api/v1/leads?filter[campaignId]=${id}`)).json(),
      campaignId,
    );
    expect(leads.data).toMatchObject([
      { name: '沈佳怡', email: 'shen.jiayi@yuntu-robotics.cn', company: '云图机器人（苏州）有限公司', source: 'campaign:webinar' },
    ]);
  });

  it('moves the member forward and books a cost, seen on the overview', async () => {
    const row = page.getByTestId('campaign-member-list-row').filter({ hasText: '沈佳怡' });
    await row.getByTestId('member-move').click();
    await page.getByTestId('member-move-attended').click();
    await page.getByTestId('campaign-member-list-row').filter({ hasText: '沈佳怡' }).locator('[data-status="attended"]').waitFor();

    await page.getByTestId('campaign-tab-costs').click();
    await page.getByTestId('cost-add').click();
    await page.getByTestId('cost-add-amount').fill('12000.50');
    await page.getByTestId('cost-add-submit').click();
    await page.getByTestId('cost-total').waitFor();
    await expect(page.getByTestId('cost-total').textContent()).resolves.toContain('12,000.50');

    await page.getByTestId('campaign-tab-overview').click();
    await expect(page.getByTestId('campaign-goal-leads').textContent()).resolves.toContain('1 / 100');
  });
});
