import { z } from 'zod';
import { localTextSchema } from './local-text.ts';
import { citationSchema, sourceKindSchema } from './rule-meta.schema.ts';

/**
 * The pack's time zone, as data: a legal day is a calendar date there, so "today" is computed
 * from an instant and this table (localDateAt), never from the platform's time-zone data or the
 * UTC date. `offsets` lists each UTC offset with the instant it took effect (UTC), oldest first:
 * Kazakhstan changed Almaty's offset from +06:00 to +05:00 on 1 March 2024, and an engine that
 * trusted the host's tz data would be as old as that data.
 */
export const timeZoneSchema = z.strictObject({
  /** The IANA name, for people and iCalendar (Asia/Almaty). */
  name: z.string().regex(/^[A-Za-z_]+(?:\/[A-Za-z_+-]+)*$/),
  offsets: z
    .array(
      z.strictObject({
        /** The instant (UTC, `YYYY-MM-DDTHH:MM:SSZ`) from which the offset applies. */
        from: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'from must be YYYY-MM-DDTHH:MM:SSZ'),
        /** `+HH:MM` or `-HH:MM`. */
        utcOffset: z.string().regex(/^[+-](?:0\d|1[0-4]):[0-5]\d$/, 'utcOffset must be +HH:MM or -HH:MM'),
      }),
    )
    .min(1)
    .refine((list) => list.every((o, i) => i === 0 || (list[i - 1]?.from ?? '') < o.from), {
      message: 'offsets must be in order of their `from` instant',
    }),
  citation: citationSchema,
  /** What kind of source the offsets rest on (a pack without it reads it from `verified`). */
  source: sourceKindSchema.optional(),
  verified: z.boolean(),
  note: localTextSchema.optional(),
});

export type TimeZone = z.output<typeof timeZoneSchema>;

/** A pack that declares no zone is read in UTC (the shipped packs all declare theirs). */
export const UTC_ZONE: TimeZone = {
  name: 'UTC',
  offsets: [{ from: '1970-01-01T00:00:00Z', utcOffset: '+00:00' }],
  citation: { text: 'Coordinated Universal Time' },
  verified: true,
};
