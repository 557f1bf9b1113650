import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiClient, chooseOption, launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/** Issue 5's history import: an admin loads past reps and deals, checking each file before importing it. */
let server: RunningServer;
let browser: Browser;
let page: Page;

const run = Date.now().toString(36);
const REPS = [`Hist Rep A ${run}`, `Hist Rep B ${run}`];
const ACCOUNT = `历史客户 ${run}`;
const TEAMS_CSV = ['sales_agent,manager,regional_office', ...REPS.map((rep) => `${rep},Hist Boss ${run},East`)].join('\n');
const DEALS_CSV = [
  'opportunity_id,sales_agent,account,deal_stage,engage_date,close_date,close_value',
  `H1-${run},${REPS[0]},${ACCOUNT},Won,2026-01-05,2026-02-01,1200`,
  `H2-${run},${REPS[1]},${ACCOUNT},Discovery-X,2026-03-01,,`,
].join('\n');

const created = (what: string) => page.getByTestId('history-check-result').getByTestId(`history-created-${what}`).textContent();

async function upload(name: string, content: string) {
  await page.locator('[data-testid=history-import] input[type=file]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'utf8') });
  await page.getByTestId('history-file').getByText(name).waitFor();
}

beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'zh-CN' });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('history import in the browser', () => {
  it('checks a sales-team file, showing what it would create, then imports it', async () => {
    await signIn(page, server.url, 'admin@demo.lead2cash.local', 'Lead2Cash!demo');
    await page.getByTestId('nav-settings').first().click();
    await page.getByTestId('nav-settings-history-import').first().click();
    await page.waitForURL(/\/settings\/history-import$/);
    await upload('sales_teams.csv', TEAMS_CSV);
    await page.getByTestId('history-check').click();
    await page.getByTestId('history-check-result').waitFor();
    await expect(created('reps')).resolves.toBe('2');
    await expect(created('managers')).resolves.toBe('1');
    await page.getByTestId('history-import-run').click();
    await page.getByTestId('history-done').getByTestId('history-created-reps').waitFor();
    await expect(page.getByTestId('history-done').getByTestId('history-created-reps').textContent()).resolves.toBe('2');
  });

  it('refuses a deal whose stage the process lacks until the stage is mapped, then imports both deals', async () => {
    await page.getByTestId('history-kind').getByText('商机').click();
    await upload('sales_pipeline.csv', DEALS_CSV);
    await page.getByTestId('history-check').click();
    await page.getByTestId('history-check-result').waitFor();
    await expect(page.getByTestId('history-check-result').getByTestId('history-rejected').textContent()).resolves.toBe('1');
    await page.getByTestId('history-rejects').getByText('Discovery-X').first().waitFor();
    // The import waits for a check of the current settings.
    await chooseOption(page.getByTestId('history-stage-Discovery-X'));
    await expect(page.getByTestId('history-import-run').isDisabled()).resolves.toBe(true);
    await page.getByTestId('history-check').click();
    await page.getByTestId('history-rejects').waitFor({ state: 'detached' });
    await expect(created('opportunities')).resolves.toBe('2');
    await page.getByTestId('history-import-run').click();
    await page.getByTestId('history-done').getByTestId('history-created-opportunities').waitFor();

    const api = await apiClient(server.url, 'admin@demo.lead2cash.local', 'Lead2Cash!demo');
    const account = (await api('GET', `/accounts?q=${encodeURIComponent(ACCOUNT)}`)).data[0];
    const deals = (await api('GET', `/opportunities?filter[accountId]=${account.id}`)).data as { status: string; amount: { amount: string } | null }[];
    expect(deals.map((d) => d.status).sort()).toEqual(['open', 'won']);
    expect(deals.find((d) => d.status === 'won')?.amount?.amount).toBe('1200.00');
  });
});
