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
}
