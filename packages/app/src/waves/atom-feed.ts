import { knownAuthorityName, ok, type Locale, type Result } from '@civic/core';
import { briefSummaryText, briefTitle, renderAtomFeed, type AtomEntry, type WaveBrief } from '@civic/formats';
import { incidentSearchFor, listBriefs, type BriefRow } from '@civic/store';
import type { AppContext } from '../context.ts';
import { briefInLanguage, packOf } from './brief-language.ts';
import { FEED_WORDS, incidentTitle, incidentWhat } from './atom-feed-words.ts';

export interface AtomFeedOptions {
  /** The site's public address, for entry links and the feed's own link (default http://localhost:8080). */
  readonly baseUrl?: string;
  /** Where the feed itself is served (default `${baseUrl}/api/v1/feed.atom`). */
  readonly selfPath?: string;
  /** Links to one brief and one incident (defaults: `/api/v1/briefs/ID` and `/api/v1/incidents/ID`). */
  readonly briefPath?: (id: string) => string;
  readonly incidentPath?: (id: string) => string;
  /** The newest public incidents to include (default 100). */
  readonly incidents?: number;
  /** The language of the feed's own words and incident titles (default en, the feed as it always was). */
  readonly lang?: Locale;
}

/**
 * The Atom feed (RFC 4287) of published briefs and public incidents, newest first. Only what the
 * public may see: published briefs and incidents whose visibility is `public`.
 */
export async function atomFeed(ctx: AppContext, options: AtomFeedOptions = {}): Promise<Result<string>> {
  const lang = options.lang ?? 'en';
  const base = (options.baseUrl ?? 'http://localhost:8080').replace(/\/+$/, '');
  const briefPath = options.briefPath ?? ((id: string) => `/api/v1/briefs/${encodeURIComponent(id)}`);
  const incidentPath =
    options.incidentPath ?? ((id: string) => `/api/v1/incidents/${encodeURIComponent(id)}`);
  const entries: AtomEntry[] = [];
  for (const b of await listBriefs(ctx.store.db, { publishedOnly: true, limit: 200 })) {
    const published = b.publishedAt ?? b.createdAt;
    entries.push({
      id: `urn:civicledger:brief:${b.id}`,
      updated: published,
      published,
      link: `${base}${briefPath(b.id)}`,
      categories: ['brief'],
      ...(await briefWords(b, lang)),
    });
  }
  const incidents = await incidentSearchFor(ctx.store.db, ctx.store.dialect).search({
    viewer: { kind: 'public' },
    limit: options.incidents ?? 100,
    offset: 0,
  });
  // Authorities as the rule pack names them in the language (a name it does not know: as recorded).
  const pack = lang === 'en' ? null : await packOf(incidents.items);
  for (const i of incidents.items) {
    const what = incidentWhat(i, lang);
    const authority =
      i.authority && pack ? (knownAuthorityName(pack, i.authority, lang) ?? i.authority) : i.authority;
    entries.push({
      id: `urn:civicledger:incident:${i.id}`,
      title: incidentTitle(i, lang),
      updated: i.createdAt,
      link: `${base}${incidentPath(i.id)}`,
      summary: sentence(
        [what, authority, i.outcome, i.notes].filter((x): x is string => !!x).join('. '),
        lang,
      ),
      categories: ['incident', i.action, ...(i.legalBasis ? [i.legalBasis] : [])],
    });
  }
  return ok(
    renderAtomFeed({
      id: `urn:civicledger:feed:${base}`,
      title: FEED_WORDS.title[lang],
      subtitle: FEED_WORDS.subtitle[lang],
      ...(lang === 'en' ? {} : { lang }),
      selfLink: `${base}${options.selfPath ?? '/api/v1/feed.atom'}`,
      siteLink: `${base}/`,
      author: 'CivicLedger',
      entries,
      ...(entries.length === 0 ? { updated: ctx.now().toISOString() } : {}),
    }),
  );
}

/**
 * A brief's title, summary and content in the feed's language. A brief written in another language
 * is told from its stored facts in the feed's (its generated title and summary; its full text stays
 * behind the link, in its own language), so a Russian feed carries no English title.
 */
async function briefWords(
  b: BriefRow,
  lang: Locale,
): Promise<Pick<AtomEntry, 'title' | 'summary' | 'content'>> {
  if (b.lang === lang)
    return {
      title: b.title,
      summary: summaryOf(b.markdown),
      content: { type: 'html', value: bodyOf(b.html) },
    };
  const data = await briefInLanguage(JSON.parse(b.data) as WaveBrief, lang);
  return { title: briefTitle(data), summary: briefSummaryText(data) };
}

/** A summary as a sentence: its first letter capital in ru and kk (English as it always was). */
const sentence = (text: string, lang: Locale): string =>
  lang === 'en' ? text : `${text.charAt(0).toLocaleUpperCase(lang)}${text.slice(1)}`;

/** The first paragraph of a brief's "what happened". */
function summaryOf(markdown: string): string {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith('## '));
  return (
    lines
      .slice(start + 1)
      .find((l) => l.trim() !== '' && !l.startsWith('#'))
      ?.trim() ?? ''
  );
}

/** The article inside a brief page (no document wrapper in a feed entry). */
function bodyOf(html: string): string {
  const m = /<article[\s\S]*<\/article>/.exec(html);
  return m?.[0] ?? html;
}
