import type { Page } from 'playwright-core';

/** The Monitor page: incidents with filters, timeline, map, waves, brief preview and publish. */
export class MonitorPageModel {
  constructor(readonly page: Page) {}

  async search(
    filters: Partial<
      Record<'q' | 'from' | 'to' | 'place' | 'action' | 'legalBasis' | 'organisation', string>
    >,
  ): Promise<void> {
    const form = this.page.getByTestId('incident-filters');
    for (const [name, value] of Object.entries(filters))
      await form.locator(`input[name=${name}]`).fill(value);
    await form.locator('button[type=submit]').click();
  }

  async incidentRows(): Promise<string[]> {
    await this.page.getByTestId('incidents').waitFor();
    return this.page.getByTestId('incidents').locator('tbody tr').allInnerTexts();
  }

  /** The labels of the wave bands on the timeline chart. */
  async timelineWaves(): Promise<string[]> {
    const waves = this.page.getByTestId('timeline-wave');
    await waves.first().waitFor({ timeout: 30_000 });
    return Promise.all((await waves.all()).map(async (w) => (await w.getAttribute('aria-label')) ?? ''));
  }

  /** Selects the n-th wave: its places are outlined on the map. */
  async showWave(n: number): Promise<void> {
    await this.page.getByTestId('wave').nth(n).locator('button[aria-pressed]').click();
    await this.page.getByTestId('wave').nth(n).locator('[aria-pressed=true]').waitFor();
  }

  /** Names of the places outlined on the map (those of the selected wave). */
  async mapWavePlaces(): Promise<string[]> {
    const places = this.page.getByTestId('map').getByTestId('map-wave-place');
    await places.first().waitFor();
    return places.locator('text').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  }

  async waves(): Promise<string[]> {
    await this.page.getByTestId('wave').first().waitFor({ timeout: 30_000 });
    return this.page.getByTestId('wave').allInnerTexts();
  }

  /** Writes a brief on the n-th wave and waits for its preview. */
  async writeBrief(n: number): Promise<void> {
    await this.page.getByTestId('wave').nth(n).getByTestId('write-brief').click();
    await this.page.getByTestId('brief-preview').waitFor({ timeout: 30_000 });
  }

  async previewText(): Promise<string> {
    return this.page.frameLocator('[data-testid=brief-preview]').locator('body').innerText();
  }

  async publish(): Promise<string> {
    await this.page.getByTestId('publish-brief').click();
    return this.page.getByTestId('brief-published').innerText();
  }

  feedHref(): Promise<string | null> {
    return this.page.getByTestId('feed-link').getAttribute('href');
  }
}
