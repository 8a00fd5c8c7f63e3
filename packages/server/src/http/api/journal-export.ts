import { Type, type Static } from 'typebox';

/**
 * The journal download of the Ledger page (issue 13): `civic ledger export --format … --scope …`
 * over HTTP. `lang` is the language of the human text (the CSV header and row types, the journals'
 * comments): the request's language when left out.
 */
export const JournalExportQuerySchema = Type.Object(
  {
    format: Type.Union([
      Type.Literal('ledger'),
      Type.Literal('hledger'),
      Type.Literal('beancount'),
      Type.Literal('csv'),
    ]),
    scope: Type.Optional(Type.Union([Type.Literal('funding'), Type.Literal('all')], { default: 'funding' })),
    lang: Type.Optional(Type.Union([Type.Literal('en'), Type.Literal('ru'), Type.Literal('kk')])),
  },
  { additionalProperties: false },
);
export type JournalExportQuery = Static<typeof JournalExportQuerySchema>;

/** The download's file name (ASCII) for each format: the tools' own extensions. */
export const JOURNAL_FILE_EXTENSIONS = {
  ledger: 'ledger',
  hledger: 'journal',
  beancount: 'beancount',
  csv: 'csv',
} as const satisfies Record<JournalExportQuery['format'], string>;
