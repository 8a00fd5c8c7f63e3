import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { DEMO_PASSWORD, demoEmail, launchBrowser, newContext, screenshot } from './support/browser.ts';

// Issue 14: the import page's preview of an MT940 statement whose first page does not add up. The
// journey only previews and cancels: it writes nothing another journey could read.
const UNBALANCED = readFileSync(
  new URL('../packages/formats/src/bank/fixtures/mt940/pages.sta', import.meta.url),
  'utf8',
)
  .replace(':62M:C240229EUR6800,00', ':62M:C240229EUR6900,00')
  .replace(':60M:C240229EUR6800,00', ':60M:C240229EUR6900,00')
  .replace(':62F:C240229EUR6801,25', ':62F:C240229EUR6901,25')
  .replace(':60F:C240301EUR6801,25', ':60F:C240301EUR6901,25')
  .replace(':62F:C240301EUR7101,25', ':62F:C240301EUR7201,25');

describe('an accountant of Echo previewing a bank statement', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  it('sees the page that does not add up, may import it only by ticking «import anyway», and cancels', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('accountant'), DEMO_PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    await shell.open('Ledger');
    await page.locator('input[name=statement]').setInputFiles({
      name: 'pages.sta',
      mimeType: 'text/plain',
      buffer: Buffer.from(UNBALANCED, 'utf8'),
    });
    await page.getByRole('button', { name: 'Preview', exact: true }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.getByRole('status').innerText()).toBe(
      '3 lines: 3 new, 0 already imported, 2 to be proposed as foreign funding',
    );
    // Echo's accounts are Kazakh: a German account's statement is flagged as someone else's.
    expect(await preview.getByTestId('other-owner').innerText()).toContain(
      'This statement is for account DE54100200301234567890, not for',
    );
    const rows = await preview.locator('tr[data-balanced]').allInnerTexts();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toContain('Statement STARTUMS 3/1, account DE54100200301234567890, line 7');
    expect(rows[0]).toContain('but the closing balance is €6,900.00');
    expect(rows[1]).toContain('Adds up');
    const importButton = preview.getByRole('button', { name: 'Import', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await preview.getByLabel(/Import anyway/).check();
    expect(await importButton.isDisabled()).toBe(false);
    await screenshot(page, 'bank-preview-unbalanced');
    await preview.getByRole('button', { name: 'Cancel', exact: true }).click();
    await preview.waitFor({ state: 'detached' });
    await context.close();
  });
});
