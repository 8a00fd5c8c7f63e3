import { withIbanCheckDigits } from '@civic/formats';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FilingActions, FilingsPageModel } from './pages/filings.page.ts';
import { LedgerPageModel } from './pages/ledger.page.ts';
import { LoginPage } from './pages/login.page.ts';
import { AppShell } from './pages/shell.page.ts';
import { DEMO_PASSWORD, demoEmail, launchBrowser, newContext, screenshot } from './support/browser.ts';
import { build1CStatement } from './support/statements.ts';

// Journey 1: an accountant imports a 1C statement, confirms a foreign receipt, and sees the new
// notification obligation (form F.017.00 of the Kazakhstan pack) with its due date.
describe('an accountant of Echo', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => browser.close());

  it('imports a 1C statement, confirms the foreign receipt and sees its notification obligation', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('accountant'), DEMO_PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    expect(await shell.open('Ledger')).toBe('Ledger — Echo');

    const statement = build1CStatement({
      account: 'KZ686010131000077777',
      holder: 'ОФ «Эхо»',
      holderBin: '070940000014',
      from: '01.03.2021',
      to: '31.03.2021',
      opening: '1000.00',
      incoming: {
        number: '7',
        date: '10.03.2021',
        amount: '2500000.00',
        payer: 'Freedom Foundation (Netherlands)',
        payerAccount: 'NL91ABNA0417164300',
        payerSector: '21',
        purpose: 'Грант G-7: наблюдение за выборами',
      },
    });
    const ledger = new LedgerPageModel(page);
    expect(await ledger.importStatement('march-2021.txt', statement)).toBe(
      'Read 1 lines: 1 new, 0 already imported, 1 proposed as foreign funding.',
    );
    const proposed = await ledger.candidatesFrom('Freedom Foundation (Netherlands)');
    expect(proposed).toHaveLength(1);
    expect(proposed[0]).toContain('non-resident');
    await screenshot(page, 'ledger-candidate');
    await ledger.confirmCandidate('Freedom Foundation (Netherlands)', 'foreign-organisation');
    expect((await ledger.candidates()).some((c) => c.includes('Freedom Foundation (Netherlands)'))).toBe(
      false,
    );
    const receipts = await ledger.receipts();
    expect(receipts.some((r) => r.includes('10 March 2021') && r.includes('2,500,000.00'))).toBe(true);
    await screenshot(page, 'ledger-confirmed');

    // The same file again adds nothing.
    expect(await ledger.importStatement('march-2021.txt', statement)).toBe(
      'Read 1 lines: 0 new, 1 already imported, 0 proposed as foreign funding.',
    );

    expect(await shell.open('Obligations & filings')).toBe('Obligations & filings — Echo');
    const rows = await new FilingsPageModel(page).obligations();
    const notification = rows.find((r) => r[0] === 'F.017.00' && r[2] === '10 March 2021');
    expect(notification, JSON.stringify(rows)).toBeDefined();
    expect(notification?.[3]).toBe('29 March 2021');
    await screenshot(page, 'obligations');
    expect(await new FilingsPageModel(page).calendarDay('2021-03-29')).toContain('F.017.00');
    await screenshot(page, 'obligations-calendar');
    await page.getByRole('button', { name: 'List' }).click();

    // Prepare the notification, then record that it was handed in on time.
    const actions = new FilingActions(page);
    await actions.prepare(['F.017.00', '10 March 2021']);
    expect((await actions.filings()).some((f) => f.includes('F.017.00') && f.includes('Draft'))).toBe(true);
    await actions.submit('F.017.00', '2021-03-22', 'cabinet.salyk.kz', 'KGD-2021-0042');
    const after = await new FilingsPageModel(page).obligations();
    expect(after.find((r) => r[0] === 'F.017.00' && r[2] === '10 March 2021')?.[4]).toBe('Filed on time');
    await screenshot(page, 'filings');
    await context.close();
  });

  it('imports a statement larger than the 64 KB JSON body limit through the web app', async () => {
    const context = await newContext(browser);
    const page = await context.newPage();
    await new LoginPage(page).goto().then((l) => l.signIn(demoEmail('accountant'), DEMO_PASSWORD));
    const shell = new AppShell(page);
    await shell.title();
    expect(await shell.open('Ledger')).toBe('Ledger — Echo');
    // 200 membership fees from residents (sector 17): not foreign funding, just many lines.
    const fees = Array.from({ length: 200 }, (_, i) => ({
      number: String(100 + i),
      date: `${String(1 + (i % 28)).padStart(2, '0')}.04.2021`,
      amount: '5000.00',
      payer: `Член общественного фонда № ${i + 1}`,
      payerAccount: withIbanCheckDigits('KZ', String(1000000000000000 + i)),
      payerSector: '17',
      purpose: `Членский взнос за апрель 2021 года, участник № ${i + 1}`,
    }));
    const [first, ...more] = fees;
    if (!first) throw new Error('no fees');
    const statement = build1CStatement({
      account: 'KZ686010131000077777',
      holder: 'ОФ «Эхо»',
      holderBin: '070940000014',
      from: '01.04.2021',
      to: '30.04.2021',
      opening: '2501000.00',
      incoming: first,
      more,
    });
    expect(Buffer.byteLength(statement, 'utf8')).toBeGreaterThan(64 * 1024);
    expect(await new LedgerPageModel(page).importStatement('april-2021.txt', statement)).toBe(
      'Read 200 lines: 200 new, 0 already imported, 0 proposed as foreign funding.',
    );
    await context.close();
  });
});
