import {
  closeContext,
  createOrganisation,
  createUser,
  grantMembership,
  openContext,
  systemActor,
} from '@civic/app';
import { withIbanCheckDigits } from '@civic/formats';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { launchBrowser, newContext, screenshot } from './support/browser.ts';
import { build1CStatement } from './support/statements.ts';

// The accountant's whole path (issue 13), in Russian, in an organisation of its own (ОФ «Жарық»,
// made here) so no other journey's data changes: the source (without a country), the grant and the
// bank account from the forms; a statement through the import page's preview (its period, lines,
// balance check and foreign proposal checked, then Import pressed there); the candidate confirmed; the
// F.017.00 notification; its check finds the missing country and the receipt without a grant; each
// is fixed from its finding and the check passes in place; the filing is prepared and its
// submission recorded. Screenshots in ru and kk (the import page's aliases, owner check and journal
// download: ledger-import-tools.e2e.ts).
const ACCOUNTANT = 'buh@zharyk.test';
const PASSWORD = 'a long zharyk accountant password';
const ACCOUNT = withIbanCheckDigits('KZ', '6010131000055555');
const DONOR = 'Open Horizons Foundation';

/** Fills the open form of a ledger kind (by field name) and saves it. */
async function fill(page: Page, kind: string, values: Record<string, string>): Promise<void> {
  const form = page.getByTestId(`form-${kind}`);
  for (const [name, value] of Object.entries(values)) {
    const el = form.locator(`[name="${name}"]`);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption({ label: value });
    else await el.fill(value);
  }
  await form.getByRole('button', { name: 'Сохранить' }).click();
  await form.waitFor({ state: 'detached' });
}

async function add(page: Page, kind: string, tab: string, values: Record<string, string>): Promise<void> {
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('button', { name: 'Добавить' }).click();
  await fill(page, kind, values);
}

describe('the accountant of a new organisation, the whole path in Russian', () => {
  let browser: Browser;
  let org = '';
  beforeAll(async () => {
    browser = await launchBrowser();
    const db = inject('database');
    const ctx = await openContext(db.file, { env: { CIVIC_DB_KEY: db.key }, migrate: false });
    try {
      const actor = systemActor('e2e-setup');
      const made = await createOrganisation(ctx, { name: 'ОФ «Жарық»', bin: '110240000019' });
      if (!made.ok) throw new Error(made.error.message);
      org = made.value.id;
      const user = await createUser(ctx, actor, {
        email: ACCOUNTANT,
        name: 'Сауле Ахметова',
        password: PASSWORD,
        locale: 'ru',
      });
      if (!user.ok) throw new Error(user.error.message);
      const m = await grantMembership(ctx, actor, {
        organisationId: org,
        email: ACCOUNTANT,
        role: 'accountant',
      });
      if (!m.ok) throw new Error(m.error.message);
    } finally {
      await closeContext(ctx);
    }
  });
  afterAll(async () => browser.close());

  it('records, imports, confirms, finds the missing country, fixes it from the finding and records the submission', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(ACCOUNTANT, PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    const nav = (name: string) =>
      page.locator('nav[aria-label]').getByRole('link', { name, exact: true }).click();
    await nav('Учёт');
    expect(await shell.title()).toBe('Учёт — ОФ «Жарық»');

    // The source (no country yet), its grant, and the organisation's bank account.
    await add(page, 'sources', 'Иностранные источники', {
      name: DONOR,
      category: 'Иностранная организация',
    });
    await page.getByTestId('records-sources').getByText(DONOR).waitFor();
    await add(page, 'grants', 'Гранты', {
      sourceId: DONOR,
      agreementNumber: 'OHF-2021-7',
      currency: 'KZT',
      amount: '5000000.00',
    });
    await add(page, 'accounts', 'Банковские счета', { number: ACCOUNT, currency: 'KZT' });
    await page.getByTestId('records-accounts').getByText(ACCOUNT).waitFor();

    // A statement through the import page's preview: one payment from the donor, proposed as
    // foreign; what the preview shows is checked before Import is pressed there.
    const statement = build1CStatement({
      account: ACCOUNT,
      holder: 'ОФ «Жарық»',
      holderBin: '110240000019',
      from: '01.04.2021',
      to: '30.04.2021',
      opening: '0.00',
      incoming: {
        number: '41',
        date: '12.04.2021',
        amount: '1250000.00',
        payer: DONOR,
        payerAccount: withIbanCheckDigits('NL', 'INGB0001234567'),
        payerSector: '21',
        purpose: 'Грант OHF-2021-7: правовая помощь',
      },
    });
    await page.locator('input[name=statement]').setInputFiles({
      name: 'aprel-2021.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(statement, 'utf8'),
    });
    await page.getByRole('button', { name: 'Предпросмотр', exact: true }).click();
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    // What the preview shows: the period, the line count, the balance check, the foreign proposal.
    expect(await preview.getByTestId('preview-period').innerText()).toBe(
      `Период: ${ACCOUNT} 1 апреля 2021 г. – 30 апреля 2021 г.`,
    );
    expect(await preview.getByRole('status').innerText()).toBe(
      'Строк: 1; новых: 1; уже импортированных: 0; будут предложены как иностранное финансирование: 1',
    );
    expect(await preview.locator('tr[data-balanced]').allInnerTexts()).toEqual([
      expect.stringContaining('Сходится'),
    ]);
    expect(await preview.locator('tr[data-duplicate]').innerText()).toContain(
      'Будет предложена как иностранное финансирование',
    );
    // The statement is the organisation's own (its BIN is Жарық's): no owner warning.
    expect(await preview.getByTestId('other-owner-bin').count()).toBe(0);
    await preview.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await page.getByTestId('import-result').waitFor();
    const candidate = page.getByTestId('candidate').filter({ hasText: DONOR });
    await candidate.waitFor();
    // The source it will be booked to has no country yet: the candidate says so (fixed below, from
    // the obligation's check).
    await candidate
      .getByTestId('candidate-findings')
      .locator('li[data-code=LINT_SOURCE_COUNTRY_MISSING]')
      .waitFor();
    await screenshot(page, 'workplace-accountant-candidate-ru');
    await candidate.getByRole('button', { name: 'Подтвердить' }).click();
    await candidate.waitFor({ state: 'detached' });

    // The F.017.00 notification of that receipt.
    await nav('Обязанности и отчёты');
    expect(await shell.title()).toBe('Обязанности и отчёты — ОФ «Жарық»');
    const row = page
      .getByTestId('obligations')
      .locator('tbody tr')
      .filter({ hasText: 'F.017.00' })
      .filter({ hasText: '12 апреля 2021' });
    await row.waitFor();
    await row.getByTestId('check-obligation').click();
    const check = page.getByTestId('obligation-check');
    const country = check.locator('li[data-code=LINT_SOURCE_COUNTRY_MISSING]');
    await country.waitFor();
    expect(await country.innerText()).toMatch(/[а-яё]/i);
    await screenshot(page, 'workplace-accountant-check-ru');
    await shell.switchLanguage('kk');
    await check.locator('li[data-code=LINT_SOURCE_COUNTRY_MISSING]').waitFor();
    await screenshot(page, 'workplace-accountant-check-kk');
    await shell.switchLanguage('ru');

    // Fix it from the finding: the source's form opens at the country field; saving checks again.
    await country.getByTestId('fix').click();
    const sourceForm = page.getByTestId('filing-fix').getByTestId('form-sources');
    await sourceForm.waitFor();
    expect(await sourceForm.locator('[name=country]').evaluate((e) => e === document.activeElement)).toBe(
      true,
    );
    await fill(page, 'sources', { country: 'NL' });
    await country.waitFor({ state: 'detached' });
    const noGrant = check.locator('li[data-code=LINT_RECEIPT_WITHOUT_GRANT]');
    if (await noGrant.count()) {
      await noGrant.getByTestId('fix').click();
      await page.getByTestId('filing-fix').getByTestId('form-receipts').waitFor();
      await fill(page, 'receipts', { grantId: 'OHF-2021-7' });
      await noGrant.waitFor({ state: 'detached' });
    }
    await check.getByText(/Проблем не найдено\.|Ошибок: 0,/).waitFor();
    await screenshot(page, 'workplace-accountant-fixed-ru');

    // Prepare the notification and record its submission: no errors left, so no confirmation asked.
    await row.getByRole('button', { name: 'Подготовить отчёт' }).click();
    const filing = page.getByTestId('filing').filter({ hasText: 'F.017.00' }).filter({ hasText: 'Черновик' });
    await filing.waitFor();
    await filing.getByRole('button', { name: 'Проверить' }).click();
    await filing.getByText(/Проблем не найдено\.|Ошибок: 0,/).waitFor();
    await filing.getByLabel('Дата подачи').fill('2021-04-20');
    await filing.getByLabel('Канал').fill('cabinet.salyk.kz');
    await filing.getByLabel('Входящий номер').fill('KGD-2021-0420');
    await filing.getByRole('button', { name: 'Отметить подачу' }).click();
    const submitted = page
      .getByTestId('filing')
      .filter({ hasText: 'F.017.00' })
      .filter({ hasText: 'Подано' });
    await submitted.waitFor();
    expect(await submitted.innerText()).toContain('20 апреля 2021');
    expect(await page.getByTestId('acknowledge').count()).toBe(0);
    await screenshot(page, 'workplace-accountant-submitted-ru');
    await context.close();
  });
});
