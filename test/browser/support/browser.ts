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

/**
 * Text whose colour contrast with its background is below WCAG AA (4.5:1; 3:1 for large text),
 * computed from the styles: the background is the nearest ancestor's opaque background colour.
 * Disabled controls and invisible text are exempt, as WCAG says.
 */
export async function lowContrastText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const parse = (c: string) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) return null;
      const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
      return { r, g, b, a };
    };
    const lum = ({ r, g, b }: { r: number; g: number; b: number }) => {
      const f = (v: number) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): { r: number; g: number; b: number } => {
      for (let e = el; e; e = e.parentElement) {
        const c = parse(getComputedStyle(e).backgroundColor);
        if (c && c.a >= 0.95) return c;
      }
      return { r: 255, g: 255, b: 255 };
    };
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || seen.has(el) || !n.textContent?.trim()) continue;
      seen.add(el);
      const st = getComputedStyle(el);
      if (st.visibility === 'hidden' || st.display === 'none' || el.closest('[aria-hidden="true"], .sr-only, :disabled, [aria-disabled="true"], option')) continue;
      let opacity = 1;
      for (let e: Element | null = el; e; e = e.parentElement) opacity *= Number(getComputedStyle(e).opacity);
      if (opacity < 0.99) continue;
      const fg = parse(st.color);
      if (!fg) continue;
      const bg = background(el);
      // A translucent text colour is blended over its background first.
      const blended = { r: fg.r * fg.a + bg.r * (1 - fg.a), g: fg.g * fg.a + bg.g * (1 - fg.a), b: fg.b * fg.a + bg.b * (1 - fg.a) };
      const [hi, lo] = [lum(blended), lum(bg)].sort((x, y) => y - x);
      const ratio = (hi + 0.05) / (lo + 0.05);
      const size = parseFloat(st.fontSize);
      const large = size >= 24 || (size >= 18.66 && Number(st.fontWeight) >= 700);
      if (ratio < (large ? 3 : 4.5)) out.push(`${ratio.toFixed(2)}:1 "${n.textContent.trim().slice(0, 40)}" (${st.color} on rgb(${bg.r}, ${bg.g}, ${bg.b}))`);
    }
    return out;
  });
}
