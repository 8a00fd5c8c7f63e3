import type { Page } from 'playwright-core';

/** The obligations and filings page. */
export class FilingsPageModel {
  constructor(readonly page: Page) {}

  /** Each obligation row as its cells' texts. */
  async obligations(): Promise<string[][]> {
    const rows = this.page.getByTestId('obligations').locator('tbody tr');
    await rows.first().waitFor();
    const out: string[][] = [];
    for (const row of await rows.all()) out.push(await row.locator('td').allInnerTexts());
    return out;
  }

  /** The forms shown on a day of the calendar view (opened at that day's month). */
  async calendarDay(day: string): Promise<string[]> {
    await this.page.getByRole('button', { name: 'Calendar' }).click();
    await this.page.getByLabel('Month', { exact: true }).fill(day.slice(0, 7));
    const cell = this.page.getByTestId('obligations-calendar').locator(`td[data-day="${day}"]`);
    await cell.locator('.badge').first().waitFor();
    return cell.locator('.badge').allInnerTexts();
  }
}

/** Actions on the filings page (the accountant's). */
export class FilingActions {
  constructor(readonly page: Page) {}

  /** Prepares the filing of the obligation row whose cells include all of `cells`. */
  async prepare(cells: readonly string[]): Promise<void> {
    let row = this.page.getByTestId('obligations').locator('tbody tr');
    for (const c of cells) row = row.filter({ hasText: c });
    const before = await this.page.getByTestId('filing').count();
    await row.getByRole('button', { name: 'Prepare filing' }).click();
    await this.page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=filing]').length > n,
      before,
    );
  }

  filings(): Promise<string[]> {
    return this.page.getByTestId('filing').allInnerTexts();
  }

  async submit(form: string, on: string, channel: string, number: string): Promise<void> {
    const f = this.page.getByTestId('filing').filter({ hasText: form }).filter({ hasText: 'Draft' }).first();
    await f.getByLabel('Submitted on').fill(on);
    await f.getByLabel('Channel').fill(channel);
    await f.getByLabel('Incoming number').fill(number);
    // While the filing's check finds errors the app asks for a confirmation naming them (issue 13);
    // this journey records the submission as it was made, with them.
    const answer = this.page.waitForResponse((r) => r.url().endsWith('/submission'));
    await f.getByRole('button', { name: 'Record submission' }).click();
    if ((await answer).status() === 409) {
      const again = this.page.waitForResponse((r) => r.url().endsWith('/submission'));
      await f.getByTestId('acknowledge').getByRole('button').click();
      await again;
    }
    await this.page
      .getByTestId('filing')
      .filter({ hasText: form })
      .filter({ hasText: 'Submitted' })
      .first()
      .waitFor();
  }
}
