// Debian chromium driven by playwright-core: launch, a page per person (its own context, so its own
// localStorage session), JS errors collected, screenshots into test-artifacts/screenshots.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.LF_CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve('test-artifacts/screenshots');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
}

export interface TestPage extends Page {
  /** Uncaught exceptions in the page: a correct page has none. */
  jsErrors: string[];
}

export async function openPage(browser: Browser, baseURL: string, opts: { width?: number; height?: number; colorScheme?: 'light' | 'dark' } = {}): Promise<TestPage> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 900 },
    locale: 'en-US',
    timezoneId: 'UTC',
    reducedMotion: 'reduce',
    colorScheme: opts.colorScheme ?? 'light',
  });
  context.setDefaultTimeout(20_000);
  const page = (await context.newPage()) as TestPage;
  page.jsErrors = [];
  page.on('pageerror', (err) => page.jsErrors.push(String(err)));
  return page;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // From the top, so the sticky header sits where it belongs in a full-page capture.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, animations: 'disabled' });
}

/** Text content of the whole page (what a person can read). */
export async function pageText(page: Page): Promise<string> {
  return page.locator('body').innerText();
}

/** Signs up through the sign-up page and waits for the header to show the new handle. */
export async function signUpInUi(page: Page, handle: string, displayName: string): Promise<{ email: string; password: string }> {
  const email = `${handle}@example.test`;
  const password = 'correct horse battery';
  await page.goto('/signup');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByLabel('Handle').fill(handle);
  await page.getByLabel('Display name').fill(displayName);
  await page.getByRole('button', { name: 'Sign up' }).click();
  await page.getByRole('link', { name: `Your profile (@${handle})` }).waitFor();
  return { email, password };
}

/** Opens a page already signed in with this access token (stored where the app keeps it). */
export async function openSignedIn(browser: Browser, baseURL: string, token: string, opts: { width?: number; height?: number } = {}): Promise<TestPage> {
  const page = await openPage(browser, baseURL, opts);
  await page.addInitScript((t) => localStorage.setItem('lf.token', t), token);
  return page;
}

/** Form controls on the page that have no accessible label (should be none). */
export async function unlabelledControls(page: Page): Promise<string[]> {
  return page.evaluate(() => [...document.querySelectorAll('input, select, textarea')]
    .filter((el) => (el as HTMLInputElement).type !== 'hidden')
    .filter((el) => {
      const c = el as HTMLInputElement;
      return !(c.labels && c.labels.length) && !c.getAttribute('aria-label') && !c.getAttribute('aria-labelledby');
    })
    .map((el) => el.outerHTML.slice(0, 120)));
}
