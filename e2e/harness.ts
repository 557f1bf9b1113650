import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect } from 'vitest';

export { startServer, type RunningServer } from '../server/test/server-process.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Debian's Chromium, headless, without the background traffic a closed network refuses. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
  });
}

/**
 * Chooses an option of an antd select: opens it by clicking `select`, types `search` when given,
 * clicks the visible option holding `option` (the first one when none is named) and waits until
 * the select shows it. A dropdown can still move once it is open (it flips above the field when
 * there is no room below), so a click may land beside the option and choose nothing: then the
 * dropdown is closed and the choice made again.
 */
export async function chooseOption(select: Locator, option?: string, search?: string) {
  const page = select.page();
  for (let attempt = 1; ; attempt++) {
    await select.click();
    if (search) await page.keyboard.type(search);
    const item = page.locator('.ant-select-dropdown:visible .ant-select-item-option', option ? { hasText: option } : {}).first();
    const label = option ?? (await item.textContent()) ?? '';
    await item.click();
    try {
      await expect.poll(() => select.textContent(), { timeout: 3000 }).toContain(label);
      return;
    } catch (err) {
      if (attempt === 3) throw err;
      await page.keyboard.press('Escape');
    }
  }
}

export async function signIn(page: Page, baseUrl: string, email: string, password: string) {
  await page.goto(`${baseUrl}/login`);
  await page.getByTestId('login-email').fill(email);
  await page.getByTestId('login-password').fill(password);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
}

/**
 * A JSON client of the API for setting up and checking a browser test: signs in with `email`
 * and keeps the session cookie; a call that fails throws with the status and the body.
 */
export async function apiClient(baseUrl: string, email: string, password: string, locale = 'zh-CN') {
  let cookie = '';
  const call = async <T = any>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${baseUrl}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', 'accept-language': locale, ...(cookie ? { cookie } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) cookie = setCookie.split(';')[0];
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  };
  await call('POST', '/auth/login', { email, password });
  return call;
}
