import type { Page } from 'playwright-core';

/** The signed-in frame: navigation, organisation switcher, language switch, sign-out. */
export class AppShell {
  constructor(readonly page: Page) {}

  /** Waits for a page title (h1) and returns its text. */
  async title(): Promise<string> {
    const h = this.page.getByTestId('page-title').or(this.page.getByTestId('not-found').locator('h1'));
    await h.first().waitFor();
    return h.first().innerText();
  }

  navLinks(): Promise<string[]> {
    return this.page.locator('nav[aria-label] a').allInnerTexts();
  }

  async open(linkText: string): Promise<string> {
    await this.page.locator('nav[aria-label] a', { hasText: linkText }).click();
    return this.title();
  }

  async switchLanguage(code: 'en' | 'ru' | 'kk'): Promise<void> {
    await this.page.getByTestId('language').selectOption(code);
    await this.page.waitForFunction((c) => document.documentElement.lang === c, code);
  }

  organisations(): Promise<string[]> {
    return this.page.getByTestId('org-switcher').locator('option').allInnerTexts();
  }

  async switchOrganisation(name: string): Promise<void> {
    await this.page.getByTestId('org-switcher').selectOption({ label: name });
  }

  isNotFound(): Promise<boolean> {
    return this.page.getByTestId('not-found').isVisible();
  }

  async signOut(): Promise<void> {
    await this.page.getByTestId('sign-out').click();
    await this.page.waitForURL('**/login');
  }
}
