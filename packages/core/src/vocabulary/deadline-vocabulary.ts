import type { CaseDeadline } from '../claims/case-deadlines.ts';
import { formatLongDate } from '../format/format-date.ts';
import { formatDayCount, formatIsoPeriod } from '../format/format-duration.ts';
import type { Locale } from '../locale.ts';

type Words = Readonly<Record<Locale, string>>;
const W = {
  appeal: { en: 'Last day to appeal', ru: 'Последний день обжалования', kk: 'Шағымданудың соңғы күні' },
  appealOf: {
    en: 'the ruling of {date}',
    ru: 'постановления от {date}',
    kk: '{date} қаулысына',
  },
  hearing: { en: 'Hearing', ru: 'Рассмотрение дела', kk: 'Істі қарау' },
  hearingIn: { en: 'in {place}', ru: 'в {place}', kk: '{place} қаласында' },
  suspension: {
    en: 'End of the suspension',
    ru: 'Окончание приостановления деятельности',
    kk: 'Қызметті тоқтата тұрудың аяқталуы',
  },
  suspensionOf: { en: ' imposed on {date}', ru: ', наложенного {date}', kk: ' ({date} салынған)' },
  limitation: {
    en: 'Limitation period ends ({period} from {date}): no liability may be imposed after this day',
    ru: 'Истекает срок давности ({period} с {date}): после этого дня ответственность наложить нельзя',
    kk: 'Ескіру мерзімі аяқталады ({date} бастап {period}): осы күннен кейін жауапкершілік жүктелмейді',
  },
  limitationBare: {
    en: 'Limitation period ends: no liability may be imposed after this day',
    ru: 'Истекает срок давности: после этого дня ответственность наложить нельзя',
    kk: 'Ескіру мерзімі аяқталады: осы күннен кейін жауапкершілік жүктелмейді',
  },
} as const satisfies Record<string, Words>;

const fill = (text: string, values: Readonly<Record<string, string>>): string =>
  text.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? '');

/**
 * One line saying what a case deadline's day is, in the reader's language, with dates in the long
 * form and periods in words («2 месяца», «10 рабочих дней»): never an ISO date or period.
 */
export function caseDeadlineText(locale: Locale, d: Pick<CaseDeadline, 'kind' | 'basis'>): string {
  const b = d.basis;
  const date = b.from ? formatLongDate(locale, b.from) : null;
  switch (d.kind) {
    case 'appeal': {
      const of = date ? ` ${fill(W.appealOf[locale], { date })}` : '';
      const days = b.days !== null && b.dayKind ? ` (${formatDayCount(locale, b.days, b.dayKind)})` : '';
      return `${W.appeal[locale]}${of}${days}`;
    }
    case 'hearing': {
      const where = b.place ? ` ${fill(W.hearingIn[locale], { place: b.place })}` : '';
      return `${W.hearing[locale]}${where}${b.authority ? ` (${b.authority})` : ''}`;
    }
    case 'suspension-end':
      return `${W.suspension[locale]}${date ? fill(W.suspensionOf[locale], { date }) : ''}`;
    case 'limitation':
      return b.period && date
        ? fill(W.limitation[locale], { period: formatIsoPeriod(locale, b.period), date })
        : W.limitationBare[locale];
  }
}
