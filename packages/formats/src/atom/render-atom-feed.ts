/** One Atom entry (RFC 4287 §4.1.2). */
export interface AtomEntry {
  /** A permanent IRI, e.g. `urn:civicledger:brief:brf_…`. */
  readonly id: string;
  readonly title: string;
  /** RFC 3339 timestamp of the last significant change. */
  readonly updated: string;
  readonly published?: string;
  /** The alternate link (the brief or incident page). */
  readonly link?: string;
  readonly summary?: string;
  /** Full content; `html` is escaped into the element as Atom requires. */
  readonly content?: { readonly type: 'text' | 'html'; readonly value: string };
  readonly categories?: readonly string[];
  readonly author?: string;
}

export interface AtomFeedInput {
  readonly id: string;
  readonly title: string;
  readonly subtitle?: string;
  /** RFC 3339; defaults to the latest entry's `updated` (or the epoch for an empty feed). */
  readonly updated?: string;
  /** The feed's own URL (rel="self") and the site (rel="alternate"). */
  readonly selfLink?: string;
  readonly siteLink?: string;
  readonly author: string;
  readonly entries: readonly AtomEntry[];
  /** The feed's language (xml:lang, e.g. `ru`); none when left out. */
  readonly lang?: string;
}

const esc = (t: string): string =>
  t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// XML 1.0 forbids most control characters even when escaped.
const clean = (t: string): string =>
  [...t]
    .filter((ch) => {
      const c = ch.codePointAt(0) ?? 0;
      return (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) && c !== 0xfffe && c !== 0xffff;
    })
    .join('');

const text = (name: string, value: string, indent: string): string =>
  `${indent}<${name}>${esc(clean(value))}</${name}>`;

/**
 * An Atom 1.0 feed document (RFC 4287): feed id, title, updated and author; each entry with id,
 * title, updated, an alternate link, summary and/or content. Entries are written newest first.
 */
export function renderAtomFeed(feed: AtomFeedInput): string {
  const entries = [...feed.entries].sort((a, b) =>
    a.updated < b.updated ? 1 : a.updated > b.updated ? -1 : a.id < b.id ? -1 : 1,
  );
  const updated = feed.updated ?? entries[0]?.updated ?? '1970-01-01T00:00:00Z';
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<feed xmlns="http://www.w3.org/2005/Atom"${feed.lang ? ` xml:lang="${esc(feed.lang)}"` : ''}>`,
    text('id', feed.id, '  '),
    text('title', feed.title, '  '),
  ];
  if (feed.subtitle) out.push(text('subtitle', feed.subtitle, '  '));
  out.push(text('updated', updated, '  '));
  if (feed.selfLink)
    out.push(`  <link rel="self" type="application/atom+xml" href="${esc(feed.selfLink)}"/>`);
  if (feed.siteLink) out.push(`  <link rel="alternate" type="text/html" href="${esc(feed.siteLink)}"/>`);
  out.push(
    '  <author>',
    text('name', feed.author, '    '),
    '  </author>',
    '  <generator>CivicLedger</generator>',
  );
  for (const e of entries) {
    out.push(
      '  <entry>',
      text('id', e.id, '    '),
      text('title', e.title, '    '),
      text('updated', e.updated, '    '),
    );
    if (e.published) out.push(text('published', e.published, '    '));
    if (e.author) out.push('    <author>', text('name', e.author, '      '), '    </author>');
    if (e.link) out.push(`    <link rel="alternate" type="text/html" href="${esc(e.link)}"/>`);
    for (const c of e.categories ?? []) out.push(`    <category term="${esc(clean(c))}"/>`);
    if (e.summary) out.push(`    <summary type="text">${esc(clean(e.summary))}</summary>`);
    if (e.content) out.push(`    <content type="${e.content.type}">${esc(clean(e.content.value))}</content>`);
    out.push('  </entry>');
  }
  out.push('</feed>', '');
  return out.join('\n');
}
