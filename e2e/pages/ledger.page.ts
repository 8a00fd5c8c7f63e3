import type { Page } from 'playwright-core';

/** The ledger page: import a statement, decide candidates, read receipts. */
export class LedgerPageModel {
  constructor(readonly page: Page) {}

  async importStatement(fileName: string, content: string | Buffer): Promise<string> {
    await this.page.locator('input[name=statement]').setInputFiles({
      name: fileName,
      mimeType: 'text/plain',
      buffer: Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    });
    await this.page.getByRole('button', { name: 'Import', exact: true }).click();
    const result = this.page.getByTestId('import-result');
    await result.waitFor();
    return result.innerText();
  }

  candidates(): Promise<string[]> {
    return this.page.getByTestId('candidate').allInnerTexts();
  }

  /**
   * The texts of the proposed payments from `payer`, once the list shows one: the list is fetched
   * again after an import, so it may still show the old list when the import's result appears.
   */
  async candidatesFrom(payer: string): Promise<string[]> {
    const c = this.page.getByTestId('candidate').filter({ hasText: payer });
    await c.first().waitFor();
    return c.allInnerTexts();
  }

  /** Confirms the proposed payment whose text contains `payer`, with the source's category. */
  async confirmCandidate(payer: string, category: string): Promise<void> {
    const c = this.page.getByTestId('candidate').filter({ hasText: payer });
    await c.getByLabel('Source category').selectOption(category);
    await c.getByRole('button', { name: 'Confirm' }).click();
    await c.waitFor({ state: 'detached' });
  }

  async receipts(): Promise<string[]> {
    const rows = this.page.getByTestId('receipts').locator('tbody tr');
    await rows.first().waitFor();
    return rows.allInnerTexts();
  }
}
