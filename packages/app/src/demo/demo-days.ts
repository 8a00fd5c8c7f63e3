/**
 * The days of the 2020–21 demo events, the one source both the demo cases (demo-cases.ts) and the
 * demo incidents (demo-incidents-data.ts) take them from, so that a monitor's incident and the
 * organisation's case record the same day. Days the sources give are marked [C]; the others are
 * illustrative, and the records using them say so.
 */
export const DEMO_DAYS = {
  echo: { notice: '2020-11-16', protocol: '2021-01-08', ruling: '2021-01-15', reversal: '2021-04-06' },
  erkindik: { notice: '2020-11-18', protocol: '2020-12-21', ruling: '2021-01-18' },
  kibhr: { notice: '2020-11-26', protocol: '2021-01-14', ruling: '2021-01-25', reversal: '2021-04-06' },
  ili: { notice: '2020-11-17', protocol: '2021-01-14', ruling: '2021-01-25', reversal: '2021-04-05' },
  lmc: { notice: '2020-11-19', summons: '2021-01-19' },
  medianet: { notice: '2020-11-20', summons: '2021-01-19', warning: '2021-01-29' },
  kadir: { notice: '2020-11-23' },
  /** Six organisations said on 4 Feb 2021 that every charge was dropped [C]. */
  withdrawal: '2021-02-04',
} as const;
