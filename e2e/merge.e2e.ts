import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/**
 * M2L-3 in the browser: marketing finds two leads that are one person (the same e-mail in
 * another case, the company written two ways), opens the duplicates page, merges them keeping
 * the first lead but taking the industry from the second, and the merged lead has both.
 */
const PASSWORD = 'Lead2Cash!demo';
let server: RunningServer;
let browser: Browser;
let page: Page;
let cookie = '';
const stamp = Date.now().toString(36);
const ids = { first: '', second: '' };

/** Calls the API as the demo's marketing user. */
async function api<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  const res = await fetch(`${server.url}/api/v1${path}`, {
    method,
    headers: { 'content-type': 'application/json', 'accept-language': 'zh-CN', ...(cookie ? { cookie } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const setCookie = res.headers.get('set-cookie');
  if (setCookie) cookie = setCookie.split(';')[0];
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
}

beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
  browser = await launchBrowser();
  page = await browser.newPage({ locale: 'zh-CN', viewport: { width: 1280, height: 900 } });
  expect((await api('POST', '/auth/login', { email: 'marketing@demo.lead2cash.local', password: PASSWORD })).status).toBe(200);
  const first = await api<{ id: string }>('POST', '/leads', {
    name: '周立伟', company: '北京星河智造科技有限公司', email: `zhoulw-${stamp}@xinghe-demo.example.cn`, industry: '制造业', source: 'trade_show',
  });
  const second = await api<{ id: string }>('POST', '/leads', {
    name: '周立伟', company: '星河智造（北京）科技有限公司', email: `ZhouLW-${stamp}@Xinghe-Demo.example.cn`, industry: '软件', title: 'CIO',
  });
  expect([first.status, second.status]).toEqual([201, 201]);
  ids.first = first.body.id;
  ids.second = second.body.id;
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const group = () => page.locator(`[data-testid="duplicate-group"][data-members*="${ids.first}"][data-members*="${ids.second}"]`);

describe('merging duplicate leads in the browser', () => {
  it('shows the two leads as one group, with the reasons in Chinese', async () => {
    await signIn(page, server.url, 'marketing@demo.lead2cash.local', PASSWORD);
    await page.getByTestId('nav-duplicates').first().click();
    await page.getByTestId('duplicates-page').waitFor();
    // The first look indexes what the (switched-off) workers have not: allow for a loaded machine.
    await group().waitFor({ timeout: 90_000 });
    await expect(group().getAttribute('data-level')).resolves.toBe('exact');
    const reasons = await group().getByTestId('duplicate-reason').allTextContents();
    expect(reasons).toContain('邮箱相同');
  });

  it('warns of the duplicate on the lead page, offers to fill from the registry and shows the predicted score', async () => {
    await page.goto(`${server.url}/leads/${ids.second}?tab=score`);
    await page.getByTestId('duplicate-warning').waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('duplicate-warning').textContent()).resolves.toContain('周立伟');
    await page.getByTestId('enrich-button').waitFor();
    // The predicted score with its factors, or (no model trained yet) a note saying so.
    await page.locator('[data-testid="predicted-score-explanation"], [data-testid="predicted-score-none"]').first().waitFor();
    // Back to the review, where the next step merges.
    await page.getByTestId('nav-duplicates').first().click();
    await group().waitFor({ timeout: 90_000 });
  });

  it('merges field by field, taking the industry from the second lead', async () => {
    await group().getByTestId('duplicate-merge').click();
    const dialog = page.getByTestId('merge-dialog');
    await dialog.waitFor();
    // The older lead is kept; its empty job title is filled from the other one.
    await expect(dialog.getByTestId('merge-preview-title').textContent()).resolves.toBe('CIO');
    await expect(dialog.getByTestId('merge-preview-industry').textContent()).resolves.toBe('制造业');
    await dialog.getByTestId('merge-choice-industry-1').click();
    await expect(dialog.getByTestId('merge-preview-industry').textContent()).resolves.toBe('软件');
    await page.getByTestId('merge-confirm').click();
    await group().waitFor({ state: 'detached' });
  });

  it('leaves one lead with the chosen values and everything else of both', async () => {
    const kept = await api<Record<string, any>>('GET', `/leads/${ids.first}`);
    expect(kept.body).toMatchObject({ industry: '软件', title: 'CIO', source: 'trade_show', email: `zhoulw-${stamp}@xinghe-demo.example.cn` });
    expect((await api('GET', `/leads/${ids.second}`)).status).toBe(404);
    await page.goto(`${server.url}/leads/${ids.first}?tab=details`);
    await page.getByText('CIO').first().waitFor();
  });
});
