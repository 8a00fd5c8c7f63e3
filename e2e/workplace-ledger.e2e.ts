import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pages/login.page.ts';
import { launchBrowser, newContext, screenshot } from './support/browser.ts';

// The ledger as a workplace (issue 13), in Russian, in an organisation of its own (ОФ «Мерей»,
// seeded by the test setup) so the demo data other journeys read is untouched: the accountant
// creates a source, a grant, a bank account and a receipt from the forms; two people edit the same
// receipt and the second save is told someone else changed it. It also uploads a rates file: rates
// are shared by every organisation, so it holds one Swiss franc rate of a day no journey reads.
const PASSWORD = 'civic-demo-2021';

async function signIn(browser: Browser, role: 'admin' | 'accountant'): Promise<Page> {
  const context = await newContext(browser);
  const page = await context.newPage();
  await new LoginPage(page).goto().then((l) => l.signIn(`${role}@merey.test`, PASSWORD));
  const ledger = page.locator('nav[aria-label]').getByRole('link', { name: 'Учёт', exact: true });
  await ledger.waitFor();
  await ledger.click();
  await page.getByRole('tab', { name: 'Иностранные источники' }).waitFor();
  return page;
}

/** Fills the open form of a kind (by field name) and saves it. */
async function fill(page: Page, kind: string, values: Record<string, string>): Promise<void> {
  const form = page.getByTestId(`form-${kind}`);
  for (const [name, value] of Object.entries(values)) {
    const el = form.locator(`[name="${name}"]`);
    if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption({ label: value });
    else await el.fill(value);
  }
  await form.getByRole('button', { name: 'Сохранить' }).click();
}

async function add(page: Page, kind: string, tab: string, values: Record<string, string>, shot?: string) {
  await page.getByRole('tab', { name: tab }).click();
  await page.getByRole('button', { name: 'Добавить' }).click();
  if (shot) await screenshot(page, shot);
  await fill(page, kind, values);
  await page.getByTestId(`form-${kind}`).waitFor({ state: 'detached' });
}

describe('the accountant of a new organisation, in Russian', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  it('creates a source, a grant, an account and a receipt from the forms; a field error shows beside its field', async () => {
    const page = await signIn(browser, 'accountant');
    await page.getByRole('tab', { name: 'Иностранные источники' }).click();
    await page.getByRole('button', { name: 'Добавить' }).click();
    await fill(page, 'sources', { name: 'Jane Doe', country: 'USA' });
    const error = page.getByTestId('form-sources').locator('.field-error');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/[а-яё]/i);
    await screenshot(page, 'workplace-source-error-ru');
    await fill(page, 'sources', { country: '' });
    await page.getByTestId('form-sources').waitFor({ state: 'detached' });
    await page.getByTestId('records-sources').getByText('Jane Doe').waitFor();
    await add(
      page,
      'grants',
      'Гранты',
      { sourceId: 'Jane Doe', agreementNumber: 'M-1', currency: 'USD', amount: '5000.00' },
      'workplace-grant-form-ru',
    );
    await add(page, 'accounts', 'Банковские счета', { number: 'KZ926010131000099999', currency: 'KZT' });
    await add(
      page,
      'receipts',
      'Поступления',
      { sourceId: 'Jane Doe', receivedOn: '2021-03-17', currency: 'USD', amount: '300.00' },
      'workplace-receipt-form-ru',
    );
    await page.getByTestId('records-receipts').getByText('17 марта 2021', { exact: false }).waitFor();
    await page.context().close();
  });

  it('uploads a rates file: a bad one is refused beside the control in Russian, a good one is listed', async () => {
    const page = await signIn(browser, 'accountant');
    const form = page.getByTestId('rates-import');
    const send = async (name: string, rows: string) => {
      await form.locator('input[type="file"]').setInputFiles({
        name,
        mimeType: 'text/csv',
        buffer: Buffer.from(`date,currency,rate,units\n${rows}\n`, 'utf8'),
      });
      await form.getByRole('button', { name: 'Загрузить курсы' }).click();
    };
    await send('bad-rates.csv', '2019-01-02,CHF,много,1');
    const error = form.getByRole('alert');
    await error.waitFor();
    expect(await error.innerText()).toMatch(/[а-яё]/i);
    expect(await form.getByTestId('error-where').innerText()).toContain('bad-rates.csv');
    expect(await form.getByTestId('error-where').innerText()).toContain('2');
    // The field by its Russian name, never its code (`rate`).
    expect(await form.getByTestId('error-where').innerText()).toContain('поле «Курс»');
    await screenshot(page, 'workplace-rates-import-error-ru');
    await send('chf-rates.csv', '2019-01-02,CHF,380.25,1');
    const done = form.getByTestId('rates-imported');
    await done.waitFor();
    expect(await done.innerText()).toContain('прочитано курсов — 1');
    await page.locator('section[aria-labelledby="rates"] select').selectOption('CHF');
    await page.getByTestId('rates').getByText('380.25', { exact: false }).waitFor();
    await page.context().close();
  });

  it('tells the second of two people editing the same receipt that someone else changed it', async () => {
    const first = await signIn(browser, 'accountant');
    const second = await signIn(browser, 'admin');
    for (const page of [first, second]) {
      await page.getByRole('tab', { name: 'Поступления' }).click();
      await page.getByTestId('records-receipts').getByRole('button', { name: 'Изменить' }).first().click();
    }
    await fill(first, 'receipts', { description: 'Первая правка' });
    await first.getByTestId('form-receipts').waitFor({ state: 'detached' });
    await fill(second, 'receipts', { description: 'Вторая правка' });
    const conflict = second.getByTestId('conflict');
    await conflict.waitFor();
    expect(await conflict.innerText()).toContain('Кто-то другой изменил эту запись');
    await screenshot(second, 'workplace-conflict-ru');
    await conflict.getByRole('button').click();
    // The reload is a request: wait for the form to show the other person's change.
    await expect
      .poll(() => second.getByTestId('form-receipts').locator('[name="description"]').inputValue(), {
        timeout: 15_000,
      })
      .toBe('Первая правка');
    await second.getByTestId('language').selectOption('kk');
    await second.waitForFunction(() => document.documentElement.lang === 'kk');
    await screenshot(second, 'workplace-receipt-form-kk');
    await second.getByTestId('language').selectOption('ru');
    await second.waitForFunction(() => document.documentElement.lang === 'ru');
    await first.context().close();
    await second.context().close();
  });
});
