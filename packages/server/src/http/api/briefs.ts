/** HTTP shapes of briefs listed, edited, published and taken back (issue 13). */
import { Type, type Static } from 'typebox';

const NullableString = Type.Unsafe<string | null>({ type: ['string', 'null'] });

export const BriefSchema = Type.Object({
  id: Type.String(),
  waveId: Type.String(),
  title: Type.String(),
  lang: Type.String({ description: 'en, ru or kk' }),
  visibility: Type.String({ description: 'private until published, then public' }),
  createdAt: Type.String(),
  publishedAt: NullableString,
  version: Type.Integer({ description: 'Name it when changing the brief (PATCH)' }),
  waveFrom: NullableString,
  waveTo: NullableString,
  summary: Type.String({
    description: 'The summary paragraph: the monitor’s own text, else the generated one',
  }),
});
export type BriefView = Static<typeof BriefSchema>;

export const BriefListSchema = Type.Object({ briefs: Type.Array(BriefSchema) });

export const BriefParamsSchema = Type.Object({ briefId: Type.String({ minLength: 1, maxLength: 100 }) });

export const BriefPatchSchema = Type.Object(
  {
    version: Type.Integer({
      minimum: 1,
      description: 'The version the change was made from; a stale one answers 409 BRIEF_VERSION_CONFLICT',
    }),
    summary: Type.String({ maxLength: 5000, description: 'The summary paragraph as the monitor writes it' }),
  },
  { additionalProperties: false },
);
export type BriefPatch = Static<typeof BriefPatchSchema>;

/** One published version of a brief (issue 13): when it was published and its text then. */
export const BriefVersionSchema = Type.Object({
  publishedAt: Type.String({ description: 'When this version was published (ISO instant)' }),
  title: Type.String(),
  summary: Type.String({ description: 'The summary paragraph as published then' }),
  markdown: Type.String({ description: 'The brief as published then (Markdown)' }),
});
export type BriefVersion = Static<typeof BriefVersionSchema>;

export const BriefVersionListSchema = Type.Object({
  versions: Type.Array(BriefVersionSchema, {
    description: 'Newest first: the first is the latest published',
  }),
});
export type BriefVersionList = Static<typeof BriefVersionListSchema>;

/**
 * The Atom feed's query: the language of its own words, incident titles and summaries and of the
 * briefs told in it (`GET /api/v1/feed.atom?lang=ru`); the request's language when left out
 * (Accept-Language, else English). Other parameters a feed reader adds are let through.
 */
export const FeedQuerySchema = Type.Object({
  lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ru'), Type.Literal('kk')])),
});
export type FeedQuery = Static<typeof FeedQuerySchema>;
