import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { apiClient, launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/** OPP-7 from the Activities page: the rep's overdue tasks and the week's visit plan against what was done. */
const PASSWORD = 'Lead2Cash!demo';
let server: RunningServer;
let browser: Browser;
let page: Page;
const stamp = Date.now().toString(36);
const taskSubject = `给客户回电 ${stamp}`;
const visitSubject = `拜访信息中心 ${stamp}`;
let taskId = '';

beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const rep = await apiClient(server.url, 'rep1@demo.lead2cash.local', PASSWORD);
  taskId = (await rep<{ id: string }>('POST', '/activities', { type: 'task', subject: taskSubject, dueAt: new Date(Date.now() - 3600_000).toISOString() })).id;
  await rep('POST', '/activities', { type: 'visit', subject: visitSubject, status: 'planned', startAt: new Date(Date.now() + 600_000).toISOString() });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe('tasks and the visit plan', () => {
  it('lists the overdue task and marks it done', async () => {
    await signIn(page, server.url, 'rep1@demo.lead2cash.local', PASSWORD);
    await page.goto(`${server.url}/activities`);
    await page.getByTestId('activity-tasks-link').click();
    await page.waitForURL(/\/activities\/tasks$/);
    await page.getByTestId('task-view').getByText('已逾期').click();
    await page.getByTestId('task-list').getByText(taskSubject).waitFor();
    await page.getByTestId(`task-done-${taskId}`).click();
    await page.getByTestId('task-list').getByText(taskSubject).waitFor({ state: 'detached' });
  });

  it('shows this week’s plan with the planned visit', async () => {
    await page.goto(`${server.url}/activities`);
    await page.getByTestId('activity-visit-plan-link').click();
    await page.waitForURL(/\/activities\/visit-plan$/);
    await page.getByTestId('visit-plan-visits').getByText(visitSubject).waitFor();
    const planned = await page.getByTestId('visit-plan-total-planned').textContent();
    expect(Number(planned?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('visit-plan-week').textContent()).resolves.toMatch(/\d{4}-W\d{2}/);
  });
});
