import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { renderAtomFeed } from './render-atom-feed.ts';

interface Parsed {
  feed: {
    '@_xmlns': string;
    id: string;
    title: string;
    updated: string;
    author: { name: string };
    link: { '@_rel': string; '@_href': string }[];
    entry: {
      id: string;
      title: string;
      updated: string;
      link: { '@_href': string }[];
      summary?: { '#text': string };
      content?: { '#text': string; '@_type': string };
    }[];
  };
}

const parse = (xml: string): Parsed =>
  new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'entry' || name === 'link' }).parse(
    xml,
  ) as Parsed;

describe('renderAtomFeed (RFC 4287)', () => {
  const xml = renderAtomFeed({
    id: 'urn:civicledger:feed',
    title: 'CivicLedger: briefs & incidents',
    selfLink: 'https://example.org/api/v1/feed.atom',
    siteLink: 'https://example.org/',
    author: 'CivicLedger',
    entries: [
      {
        id: 'urn:civicledger:incident:1',
        title: 'Notice against Echo (CoAO 460-1)',
        updated: '2020-11-20T00:00:00Z',
        link: 'https://example.org/incidents/1',
        summary: 'Notice <served> in Almaty',
      },
      {
        id: 'urn:civicledger:brief:b1',
        title: 'Coordinated wave: 8 actions',
        updated: '2026-11-30T10:00:00Z',
        link: 'https://example.org/briefs/b1',
        summary: 'Between 17 and 26 Nov 2020…',
        content: { type: 'html', value: '<h1>Wave</h1><p>a & b</p>' },
      },
    ],
  });

  it('is well-formed XML in the Atom namespace with the required feed elements', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    const { feed } = parse(xml);
    expect(feed['@_xmlns']).toBe('http://www.w3.org/2005/Atom');
    expect(feed.id).toBe('urn:civicledger:feed');
    expect(feed.title).toBe('CivicLedger: briefs & incidents');
    expect(feed.updated).toBe('2026-11-30T10:00:00Z'); // the latest entry
    expect(feed.author.name).toBe('CivicLedger');
    expect(feed.link.map((l) => l['@_rel'])).toEqual(['self', 'alternate']);
  });

  it('writes entries newest first, each with id, title, updated and link; content escaped', () => {
    const { feed } = parse(xml);
    expect(feed.entry.map((e) => e.id)).toEqual(['urn:civicledger:brief:b1', 'urn:civicledger:incident:1']);
    for (const e of feed.entry) {
      expect(e.title).toBeTruthy();
      expect(e.updated).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
      expect(e.link[0]?.['@_href']).toMatch(/^https:\/\/example\.org\//);
    }
    expect(feed.entry[0]?.content?.['@_type']).toBe('html');
    expect(xml).toContain('&lt;h1&gt;Wave&lt;/h1&gt;&lt;p&gt;a &amp; b&lt;/p&gt;');
    expect(feed.entry[1]?.summary?.['#text']).toBe('Notice <served> in Almaty'); // escaped in the XML, read back intact
  });

  it('drops characters XML cannot hold and stays valid when empty', () => {
    const odd = renderAtomFeed({ id: 'urn:x', title: 'bell\u0007 here', author: 'A', entries: [] });
    expect(XMLValidator.validate(odd)).toBe(true);
    expect(odd).toContain('<title>bell here</title>');
    expect(parse(odd).feed.updated).toBe('1970-01-01T00:00:00Z');
  });
});
