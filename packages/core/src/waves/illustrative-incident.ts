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
