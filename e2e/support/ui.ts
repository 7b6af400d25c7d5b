import assert from 'node:assert/strict';
import type { Locator, Page } from 'playwright-core';

/** Logs in through the form, like a person would, and waits for the home page. */
export async function logIn(page: Page, baseUrl: string, login: string, password: string, path = '/connexion') {
  await page.goto(`${baseUrl}${path}`);
  await page.getByLabel('Identifiant').fill(login);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
}

export async function logInToHome(page: Page, baseUrl: string, login: string, password: string) {
  await logIn(page, baseUrl, login, password);
  await page.getByRole('heading', { level: 1, name: 'Mon ENT' }).waitFor();
  await tilesLoaded(page);
}

/** The tile ids shown on the home page once the server answered. */
export async function tilesLoaded(page: Page): Promise<string[]> {
  const services = page.getByRole('region', { name: 'Vos services' });
  await services.locator('[data-tile]').first().waitFor();
  return services.locator('[data-tile]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-tile') ?? ''));
}

/** The element's text, trimmed ('' when it has none). */
export async function text(locator: Locator): Promise<string> {
  return ((await locator.textContent()) ?? '').trim();
}

export async function visible(locator: Locator, message?: string): Promise<void> {
  try {
    await locator.first().waitFor({ state: 'visible' });
  } catch (error) {
    throw new Error(`${message ?? 'expected element not visible'}: ${String(locator)}\n${(error as Error).message}`);
  }
}

/** Waits for the page to show the text (polling), failing with what is there instead. */
export async function textAppears(page: Page, expected: string | RegExp): Promise<void> {
  try {
    await page.getByText(expected).first().waitFor({ state: 'visible' });
  } catch {
    const body = (await text(page.locator('main')).catch(() => '')).slice(0, 600);
    assert.fail(`text ${String(expected)} did not appear on ${page.url()}; main shows:\n${body}`);
  }
}

export async function noHorizontalScroll(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  assert.ok(scrollWidth <= clientWidth + 1, `page scrolls horizontally on ${page.url()}: ${scrollWidth} > ${clientWidth}`);
}
