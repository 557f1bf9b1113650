import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/** JOURNEYS.md journey 1: marketing ops uploads a badge-scan file, maps it, watches it run, reads the report. */
let server: RunningServer;
let browser: Browser;
let page: Page;

const run = Date.now().toString(36);
const FILE = [
  '姓名,公司,手机,邮箱,职位',
  `王建国,星河智造（北京）科技有限公司,135 1234 5671,wang-${run}@e2e.example,总经理`,
  `李娜,南方电网,13512345672,li-${run}@e2e.example,工程师`,
  `张伟,上海浦江智能制造有限公司,12345,zhang-${run}@e2e.example,采购经理`,
  `赵敏,华东医药,+86 135 1234 5673,zhao-${run}@e2e.example,市场总监`,
].join('\r\n');

beforeAll(async () => {
  // The import runs as a background job: this server runs its workers.
  server = await startServer();
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'zh-CN', acceptDownloads: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('lead import in the browser', () => {
  it('opens the import wizard from the lead list', async () => {
    await signIn(page, server.url, 'marketing@demo.lead2cash.local', 'Lead2Cash!demo');
    await page.goto(`${server.url}/leads`);
    await page.getByTestId('lead-import').click();
    await page.waitForURL(/\/leads\/imports\/new$/);
    await page.getByTestId('import-wizard').waitFor();
  });

  it('uploads a CSV and offers the mapping suggested from the Chinese headers, with a preview', async () => {
    await page.locator('input[type=file]').setInputFiles({ name: '展会名单.csv', mimeType: 'text/csv', buffer: Buffer.from(FILE, 'utf8') });
    await page.waitForURL(/\/leads\/imports\/[0-9a-f-]{36}$/);
    await page.getByTestId('import-mapping-step').waitFor();
    const fields = [];
    for (let i = 0; i < 5; i++) fields.push(await page.getByTestId(`import-map-${i}`).getAttribute('data-field'));
    expect(fields).toEqual(['name', 'company', 'phone', 'email', 'title']);
    await expect(page.getByTestId('import-mapping-source').getAttribute('data-source')).resolves.toBe('suggested');
    await page.getByText('文件的前几行').click();
    await page.getByTestId('import-preview').getByText('南方电网').waitFor();
  });

  it('chooses the duplicate policy, runs the import and watches it finish', async () => {
    await page.getByTestId('import-next').click();
    await page.getByTestId('import-policy-step').waitFor();
    await page.getByTestId('import-policy-merge').click();
    await page.getByTestId('import-start').click();
    await page.locator('[data-testid="import-result"][data-status="completed"]').waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('import-count-created').textContent()).resolves.toBe('3');
    await expect(page.getByTestId('import-count-rejected').textContent()).resolves.toBe('1');
    await expect(page.getByTestId('import-result-summary').textContent()).resolves.toContain('新建 3 条');
  });

  it('shows the rejected row with its reason and downloads it to fix', async () => {
    const rows = page.getByTestId('import-rejected-row');
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain('电话号码 12345 无效');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('import-download-csv').click()]);
    const path = await download.path();
    const { readFile } = await import('node:fs/promises');
    const text = (await readFile(path)).toString('utf8').replace(/^\ufeff/, '');
    const lines = text.trim().split(/\r?\n/);
    expect(lines[0]).toBe('姓名,公司,手机,邮箱,职位,原行号,错误原因');
    expect(lines[1]).toContain('张伟');
    expect(lines[1]).toContain(',4,');
  });

  it('lists the import in the history and finds the new leads', async () => {
    await page.getByTestId('import-history').click();
    await page.getByTestId('import-list').getByText('展会名单.csv').first().waitFor();
    const leads = await page.evaluate(async (email) => (await fetch(`/api/v1/leads?filter[email]=${encodeURIComponent(email)}`)).json(), `wang-${run}@e2e.example`);
    expect(leads.data[0]).toMatchObject({ name: '王建国', source: 'import' });
  });
});
