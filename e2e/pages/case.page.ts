import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';

/** One case: its timeline, findings and objection downloads. */
export class CasePageModel {
  constructor(readonly page: Page) {}

  async openFromList(title: string): Promise<void> {
    await this.page.getByTestId('cases').getByRole('link', { name: title }).click();
    await this.page.getByTestId('timeline').waitFor();
  }

  timeline(): Promise<string[]> {
    return this.page.getByTestId('timeline').locator('li').allInnerTexts();
  }

  async findingCodes(): Promise<string[]> {
    const items = this.page.getByTestId('findings').locator('li');
    await items.first().waitFor();
    return (await items.evaluateAll((els) => els.map((e) => e.getAttribute('data-code') ?? ''))).filter(
      Boolean,
    );
  }

  finding(code: string): Promise<string> {
    return this.page.locator(`[data-testid=findings] li[data-code="${code}"]`).first().innerText();
  }

  /** Clicks a download link and returns the file's name and bytes. */
  async download(linkText: string): Promise<{ name: string; bytes: Buffer }> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download'),
      this.page.getByTestId('objection-links').getByRole('link', { name: linkText }).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), bytes: await readFile(path) };
  }

  /** The draft's date the objection panel will send (yyyy-mm-dd; empty: today). */
  asOf(): Promise<string> {
    return this.page.getByTestId('objection-as-of').inputValue();
  }

  async setAsOf(date: string): Promise<void> {
    await this.page.getByTestId('objection-as-of').fill(date);
  }

  /** Clicks a download link that the server refuses and returns the reason shown instead. */
  async refusal(linkText: string): Promise<string> {
    await this.page.getByTestId('objection-links').getByRole('link', { name: linkText }).click();
    return this.page.getByTestId('objection-error').innerText();
  }
}
