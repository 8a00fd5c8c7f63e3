import type { CaseDeadline, DeadlineKind } from '../claims/case-deadlines.ts';
import type { Locale } from '../locale.ts';
import { renderMessage, type MessageTemplates } from './message-template.ts';
import type { Vocabulary } from './vocabulary.ts';

/** What kind of day a case deadline is, in a few words (a calendar event's title, a list's column). */
export const DEADLINE_KIND_LABELS: Vocabulary<DeadlineKind> = {
  appeal: { en: 'Appeal deadline', ru: 'Срок обжалования', kk: 'Шағымдану мерзімі' },
  hearing: { en: 'Hearing', ru: 'Рассмотрение дела', kk: 'Істі қарау' },
  'suspension-end': {
    en: 'Suspension ends',
    ru: 'Окончание приостановления',
    kk: 'Тоқтата тұрудың аяқталуы',
  },
  limitation: { en: 'Limitation expires', ru: 'Истечение срока давности', kk: 'Ескіру мерзімінің өтуі' },
};

/**
 * What a case's deadline day is, in ru and kk, from the deadline's params (dates and periods
 * through the core formatter; a place and an authority stay as entered). English is the
 * deadline's own summary.
 */
export const DEADLINE_MESSAGES: Readonly<Record<DeadlineKind, Omit<MessageTemplates, 'en'>>> = {
  appeal: {
    ru: 'Последний день обжалования постановления от {rulingOn}',
    kk: '{rulingOn} қаулыға шағымданудың соңғы күні',
  },
  hearing: { ru: 'Рассмотрение дела', kk: 'Істі қарау' },
  'suspension-end': {
    ru: 'Окончание приостановления, назначенного {rulingOn}',
    kk: '{rulingOn} тағайындалған тоқтата тұрудың аяқталуы',
  },
  limitation: {
    ru: 'Истекает срок давности ({period} с {startsOn}): после этого дня привлечь к ответственности нельзя',
    kk: 'Ескіру мерзімі өтеді ({startsOn} бастап {period}): осы күннен кейін жауапкершілікке тартуға болмайды',
  },
};

/** A deadline's summary in the language; a hearing names its place and authority as entered. */
export function deadlineSummary(
  d: Pick<CaseDeadline, 'kind' | 'summary' | 'params'>,
  locale: Locale,
): string {
  if (locale === 'en' || !Object.hasOwn(DEADLINE_MESSAGES, d.kind)) return d.summary;
  const text = renderMessage({ en: d.summary, ...DEADLINE_MESSAGES[d.kind] }, locale, d.params);
  const where = [d.params['place'], d.params['authority']].filter((x): x is string => !!x);
  return d.kind === 'hearing' && where.length > 0 ? `${text}: ${where.join(', ')}` : text;
}
