import type { Page } from 'playwright-core';

/** The incident form and the incident page (issue 13). */
export class IncidentPageModel {
  constructor(readonly page: Page) {}

  private get form() {
    return this.page.getByTestId('incident-form');
  }

  /** Fills fields of the open form by name (selects by value). */
  async fill(values: Readonly<Record<string, string>>): Promise<void> {
    for (const [name, value] of Object.entries(values)) {
      const el = this.form.locator(`[name="${name}"]`);
      if ((await el.evaluate((e) => e.tagName)) === 'SELECT') await el.selectOption(value);
      else await el.fill(value);
    }
  }

  /** Types the start of a place and picks the suggestion whose text starts with `pick`. */
  async pickPlace(typed: string, pick: string): Promise<void> {
    await this.form.locator('[name="place"]').fill(typed);
    const suggestion = this.page.getByTestId('place-suggestion').filter({ hasText: pick }).first();
    await suggestion.waitFor();
    await suggestion.click();
  }

  async save(): Promise<void> {
    await this.page.getByTestId('save-incident').click();
  }

  /** The error shown beside a field. */
  async fieldError(name: string): Promise<string> {
    const e = this.form.locator(`[data-field-error="${name}"]`);
    await e.waitFor();
    return e.innerText();
  }

  /** The incident page's facts as label → value. */
  async details(): Promise<Record<string, string>> {
    const dl = this.page.getByTestId('incident-details');
    await dl.waitFor();
    const pairs = await dl
      .locator('div')
      .evaluateAll((divs) =>
        divs.map((d) => [d.querySelector('dt')?.textContent ?? '', d.querySelector('dd')?.textContent ?? '']),
      );
    return Object.fromEntries(pairs);
  }
}
