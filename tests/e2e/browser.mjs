// Headless Debian Chromium driven by playwright-core (no browser download:
// the executable is the system's). Screenshots go to test-results/screens.

import { chromium } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { startPortal } from './portal.mjs';

const ROOT = resolve(import.meta.dirname, '..', '..');
export const SCREENS = join(ROOT, 'test-results', 'screens');
const AXE = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

export async function launch() {
  mkdirSync(SCREENS, { recursive: true });
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic', '--lang=ru-RU'],
  });
}

/** A fresh context: its own cookies. bypassCSP only so that axe-core can be injected. */
export async function newPage(browser, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, locale: 'ru-RU', timezoneId: 'Europe/Moscow', bypassCSP: true });
  const page = await context.newPage();
  page.on('pageerror', (e) => { throw e; });
  return page;
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENS, `${name}.png`), fullPage: true });
}

/**
 * axe-core finds no violations of WCAG 2.1 A/AA on the page as it is now,
 * and no "null"/"undefined" leaked into the text a person reads.
 */
export async function assertAccessible(page, what) {
  const leaked = await page.evaluate(() => document.body.innerText.split('\n').map((l) => l.trim())
    .filter((l) => l === 'null' || l === 'undefined' || l.includes('[object Object]')));
  assert.deepEqual(leaked, [], `stray values shown on ${what}`);
  await page.addScriptTag({ content: AXE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  });
  assert.deepEqual(result, [], `accessibility violations on ${what}`);
}

/** Nothing scrolls sideways at this width (a phone is 375 px). */
export async function assertNoHorizontalScroll(page, what) {
  const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
  assert.ok(scroll <= width, `${what}: page is ${scroll}px wide in a ${width}px window`);
}

/**
 * One portal on wrangler dev and one Chromium for a test file; returns an
 * object whose `portal` and `browser` are set once `before` has run.
 */
export function portalAndBrowser() {
  const env = { portal: undefined, browser: undefined };
  before(async () => {
    env.portal = await startPortal();
    env.browser = await launch();
  });
  after(async () => {
    await env.browser?.close();
    await env.portal?.stop();
  });
  return env;
}
