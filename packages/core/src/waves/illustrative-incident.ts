import type { Incident } from '../incident.ts';

// The word a record uses to say it is (partly) made up: demo data marks its generated background,
// its unnamed organisations and its illustrative days so (packages/app/src/demo).
const ILLUSTRATIVE = /иллюстратив|illustrative|иллюстрациялық|мысал ретінде/iu;

/**
 * Whether an incident is illustrative (demo data, in whole or in part: a generated event, an
 * organisation not named in the sources, a day chosen for the example): its organisation or its
 * notes say so. A document that shows it must label it.
 */
export function isIllustrativeIncident(incident: Pick<Incident, 'organisation' | 'notes'>): boolean {
  return ILLUSTRATIVE.test(incident.organisation) || ILLUSTRATIVE.test(incident.notes ?? '');
}

// The demo's generated organisations (packages/app/src/demo/demo-incidents-data.ts).
const GENERATED_ORGANISATION = /^Иллюстративная организация (\d+)$/u;

/**
 * An organisation's name as a document in the language prints it: the demo's generated ones
 * («Иллюстративная организация 17») in the document's language, every other name as recorded.
 */
export function organisationNameInBrief(name: string, locale: 'en' | 'ru' | 'kk'): string {
  const m = GENERATED_ORGANISATION.exec(name);
  if (!m) return name;
  if (locale === 'kk') return `Иллюстрациялық ұйым № ${m[1] ?? ''}`;
  return locale === 'en' ? `Illustrative organisation No. ${m[1] ?? ''}` : name;
}
