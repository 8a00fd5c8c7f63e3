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
}
