import type { Generated } from 'kysely';

/**
 * A brief about a wave (issue 5, monitoring): the rendered Markdown and HTML, the data it was
 * rendered from (so PDF and later renderings say the same), and when it was published. Published
 * briefs are public and appear in the Atom feed.
 */
export interface BriefTable {
  id: string;
  wave_id: string;
  title: string;
  lang: string;
  markdown: string;
  html: string;
  /** JSON of the WaveBrief rendered (formats' WaveBrief). */
  data: string;
  /** `private` until published, then `public`. */
  visibility: string;
  created_at: string;
  published_at: string | null;
  /** Moves on by one with each accepted change (optimistic concurrency); starts at 1. */
  version: Generated<bigint>;
}

/** One publication of a brief: the text as published then (2026-12-07-590-brief-publications). */
export interface BriefPublicationTable {
  id: string;
  brief_id: string;
  published_at: string;
  title: string;
  summary: string;
  markdown: string;
}

export interface BriefTables {
  brief: BriefTable;
  brief_publication: BriefPublicationTable;
}
