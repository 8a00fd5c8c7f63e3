import type { Page } from 'playwright-core';

/** The sign-in page. */
export class LoginPage {
  constructor(readonly page: Page) {}

  async goto(): Promise<this> {
    await this.page.goto('/login');
    await this.page.getByRole('heading', { level: 2 }).waitFor();
    return this;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.page.locator('input[name=email]').fill(email);
    await this.page.locator('input[name=password]').fill(password);
    await this.page.locator('button[type=submit]').click();
  }

  error(): Promise<string> {
    return this.page.getByTestId('login-error').innerText();
  }
}
