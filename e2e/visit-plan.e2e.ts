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
/**
 * The week the plan is checked for, chosen rather than "now": the Wednesday two weeks ahead, at noon
 * UTC (a Wednesday in every time zone), so a visit planned in it stays in it whatever the hour or day
 * the test runs at (a visit ten minutes ahead left the week in the last minutes of a Sunday).
 */
const visitDay = (() => {
  const day = new Date(Date.now() + 14 * 86_400_000);
  day.setUTCDate(day.getUTCDate() + ((3 - day.getUTCDay() + 7) % 7));
  day.setUTCHours(12, 0, 0, 0);
  return day;
})();

beforeAll(async () => {
  server = await startServer({ L2C_WORKERS: 'off' });
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  const rep = await apiClient(server.url, 'rep1@demo.lead2cash.local', PASSWORD);
  taskId = (await rep<{ id: string }>('POST', '/activities', { type: 'task', subject: taskSubject, dueAt: new Date(Date.now() - 3600_000).toISOString() })).id;
  await rep('POST', '/activities', { type: 'visit', subject: visitSubject, status: 'planned', startAt: visitDay.toISOString() });
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

  it('shows the chosen week’s plan with the planned visit', async () => {
    await page.goto(`${server.url}/activities`);
    await page.getByTestId('activity-visit-plan-link').click();
    await page.waitForURL(/\/activities\/visit-plan$/);
    await page.goto(`${server.url}/activities/visit-plan?date=${visitDay.toISOString().slice(0, 10)}`);
    await page.getByTestId('visit-plan-visits').getByText(visitSubject).waitFor();
    const planned = await page.getByTestId('visit-plan-total-planned').textContent();
    expect(Number(planned?.replace(/\D/g, ''))).toBeGreaterThanOrEqual(1);
    await expect(page.getByTestId('visit-plan-week').textContent()).resolves.toMatch(/\d{4}-W\d{2}/);
  });
});
