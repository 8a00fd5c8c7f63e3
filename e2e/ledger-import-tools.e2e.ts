import { readFileSync } from 'node:fs';
import {
  closeContext,
  createOrganisation,
  createUser,
  grantMembership,
  openContext,
  systemActor,
} from '@civic/app';
import { withIbanCheckDigits } from '@civic/formats';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { launchBrowser, newContext, screenshot } from './support/browser.ts';
import { build1CStatement } from './support/statements.ts';

// Issue 13, the import page's tools, in an organisation of its own (ОФ «Сана», made here: nothing
// another journey reads changes): a bank's 1C dialect names the amount «СуммаДокумента», so the
// import (and its preview) cannot read the file, and the page names that field; the accountant
// saves it as «сома» (in Kazakh) and the preview runs again in place; the statement is another
// BIN's, which the preview says; the Ledger page's journal download. Nothing is imported (the
// preview is cancelled). Screenshots in ru and kk.
const ACCOUNTANT = 'buh@sana.test';
const PASSWORD = 'a long sana accountant password';
const ORG = 'ОФ «Сана»';
const OTHER_BIN = '990440001234';

describe('the import page’s field aliases, owner check and journal download', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
    const db = inject('database');
    const ctx = await openContext(db.file, { env: { CIVIC_DB_KEY: db.key }, migrate: false });
    try {
      const actor = systemActor('e2e-setup');
      const made = await createOrganisation(ctx, { name: ORG, bin: '120340000014' });
      if (!made.ok) throw new Error(made.error.message);
      const user = await createUser(ctx, actor, {
        email: ACCOUNTANT,
        name: 'Айгерім Нұрланова',
        password: PASSWORD,
        locale: 'ru',
      });
      if (!user.ok) throw new Error(user.error.message);
      const m = await grantMembership(ctx, actor, {
        organisationId: made.value.id,
        email: ACCOUNTANT,
        role: 'accountant',
      });
      if (!m.ok) throw new Error(m.error.message);
    } finally {
      await closeContext(ctx);
    }
  });
  afterAll(async () => browser.close());

  it('saves the bank’s name for the amount from the error, previews again, flags the other BIN and downloads the journal', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(ACCOUNTANT, PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    await page.locator('nav[aria-label]').getByRole('link', { name: 'Учёт', exact: true }).click();
    expect(await shell.title()).toBe(`Учёт — ${ORG}`);

    const account = withIbanCheckDigits('KZ', '6010131000077777');
    const statement = build1CStatement({
      amountField: 'СуммаДокумента',
      account,
      holder: 'ОФ «Другой фонд»',
      holderBin: OTHER_BIN,
      from: '01.05.2021',
      to: '31.05.2021',
      opening: '0.00',
      incoming: {
        number: '9',
        date: '14.05.2021',
        amount: '480000.00',
        payer: 'Open Horizons Foundation',
        payerAccount: withIbanCheckDigits('NL', 'INGB0007654321'),
        payerSector: '21',
        purpose: 'Грант OHF-2021-9',
      },
    });
    await page.locator('input[name=statement]').setInputFiles({
      name: 'mai-2021.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(statement, 'utf8'),
    });
    // Imported straight away, the file is refused; the page previews it to name the fields it
    // cannot read (the preview's error), and offers an alias beside the error.
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    const offer = page.getByTestId('import-aliases').locator('li[data-field="СуммаДокумента"]');
    await offer.waitFor();
    expect(await page.getByRole('alert').first().innerText()).toContain('(Сумма)');
    await screenshot(page, 'ledger-import-alias-ru');
    await shell.switchLanguage('kk');
    const select = offer.getByLabel('«СуммаДокумента» өрісін былай оқу');
    await select.locator('option', { hasText: 'түсім сомасы' }).waitFor({ state: 'attached' });
    await select.selectOption({ label: 'сома' });
    await screenshot(page, 'ledger-import-alias-kk');
    await offer.getByRole('button', { name: 'Сақтап, қайта қарау' }).click();

    // The same file previewed again, in place: the amount read, the other owner's BIN named.
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.locator('tr[data-duplicate]').innerText()).toMatch(/480\s000,00\s₸/u);
    expect(await preview.getByTestId('other-owner-bin').innerText()).toBe(
      `Бұл үзінді БСН ${OTHER_BIN} үшін, ${ORG} үшін емес: файлдың дұрыс екенін тексеріңіз.`,
    );
    await screenshot(page, 'ledger-import-preview-kk');

    // The journal download (Beancount, everything), its header in Kazakh.
    const exporter = page.getByTestId('journal-export');
    await exporter.locator('select[name=format]').selectOption({ label: 'Beancount' });
    await exporter.locator('select[name=scope]').selectOption('all');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      exporter.getByRole('link', { name: 'Жүктеп алу' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('journal-all.beancount');
    const journal = readFileSync(await download.path(), 'utf8');
    expect(journal).toContain('option "title" "CivicLedger"');
    expect(journal).toMatch(/[әғқңөұүһі]/);

    await shell.switchLanguage('ru');
    await preview
      .getByTestId('other-owner-bin')
      .getByText(`Эта выписка — для БИН ${OTHER_BIN}, а не для ${ORG}`)
      .waitFor();
    await screenshot(page, 'ledger-import-preview-ru');
    await preview.getByRole('button', { name: 'Отмена', exact: true }).click();
    await preview.waitFor({ state: 'detached' });
    await context.close();
  });
});
