import type { LegalDeadline, Locale } from '@civic/core';

/** The words of notification messages in one language (every text a recipient reads). */
export interface NotificationLabels {
  readonly obligationName: (trigger: 'each-receipt' | 'period', form: string) => string;
  readonly receiptPeriod: (day: string) => string;
  readonly period: (from: string, to: string) => string;
  readonly legalName: Readonly<Record<LegalDeadline['kind'], string>>;
  readonly inWorkingDays: (n: number, day: string) => string;
  readonly today: (day: string) => string;
  readonly missed: (day: string) => string;
  readonly whatNow: string;
  readonly consequence: (units: number, unit: string, amount: string, article: string) => string;
  readonly unitName: (code: string) => string;
  readonly currency: (code: string) => string;
  readonly article: (article: string) => string;
  readonly news: Readonly<Record<'wave' | 'brief' | 'incident', string>>;
  readonly organisation: string;
  readonly open: string;
  readonly digestSubject: (n: number) => string;
  readonly minimalSubject: (n: number) => string;
  readonly minimalBody: (n: number) => string;
  readonly deliveryWarning: string;
  readonly footer: string;
}

/** Russian plural: one (1, 21), few (2–4, 22–24), many (0, 5–20, 25…). */
export function ruPlural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

const ru: NotificationLabels = {
  obligationName: (t, form) =>
    t === 'each-receipt'
      ? `Уведомление о поступлении из иностранного источника (${form})`
      : `Отчёт о поступлении и расходовании иностранных средств (${form})`,
  receiptPeriod: (day) => `поступление от ${day}`,
  period: (from, to) => `период с ${from} по ${to}`,
  legalName: {
    appeal: 'Срок подачи жалобы на постановление',
    'suspension-end': 'Окончание приостановления деятельности',
    hearing: 'Судебное заседание',
  },
  inWorkingDays: (n, day) =>
    `Через ${n} ${ruPlural(n, 'рабочий день', 'рабочих дня', 'рабочих дней')}, ${day}, истекает срок.`,
  today: (day) => `Сегодня, ${day}, — последний день.`,
  missed: (day) => `Срок истёк ${day}, а документ не подан.`,
  whatNow:
    'Что делать сейчас: подайте документ как можно скорее, даже с опозданием, и сохраните подтверждение подачи.',
  consequence: (units, unit, amount, article) =>
    `Вероятные последствия: штраф ${units} ${unit} (${amount}) по ${article}.`,
  unitName: (code) => (code === 'MCI' ? 'МРП' : code),
  currency: (code) => (code === 'KZT' ? 'тенге' : code),
  article: (a) => `ст. ${a} КоАП РК`,
  news: { wave: 'Новая волна преследований', brief: 'Опубликована справка', incident: 'Новый инцидент' },
  organisation: 'Организация',
  open: 'Открыть в CivicLedger',
  digestSubject: (n) =>
    `CivicLedger: ${n} ${ruPlural(n, 'уведомление', 'уведомления', 'уведомлений')} за день`,
  minimalSubject: (n) => `CivicLedger: ${n} ${ruPlural(n, 'срок', 'срока', 'сроков')} на этой неделе`,
  minimalBody: (n) =>
    `У вас ${n} ${ruPlural(n, 'срок', 'срока', 'сроков')} на этой неделе. Подробности — после входа в CivicLedger.`,
  deliveryWarning: 'Письма CivicLedger не удаётся отправить более 24 часов: проверьте настройки почты.',
  footer: 'Это письмо отправлено CivicLedger. Настроить уведомления можно на странице учётной записи.',
};

const kk: NotificationLabels = {
  obligationName: (t, form) =>
    t === 'each-receipt'
      ? `Шетелдік көзден түскен қаражат туралы хабарлама (${form})`
      : `Шетелдік қаражаттың түсуі мен жұмсалуы туралы есеп (${form})`,
  receiptPeriod: (day) => `${day} түсімі`,
  period: (from, to) => `кезең: ${from} – ${to}`,
  legalName: {
    appeal: 'Қаулыға шағым беру мерзімі',
    'suspension-end': 'Қызметті тоқтата тұрудың аяқталуы',
    hearing: 'Сот отырысы',
  },
  inWorkingDays: (n, day) => `Мерзім ${n} жұмыс күнінен кейін, ${day} аяқталады.`,
  today: (day) => `Бүгін, ${day}, — соңғы күн.`,
  missed: (day) => `Мерзім ${day} өтті, құжат тапсырылмады.`,
  whatNow:
    'Енді не істеу керек: құжатты кешіксе де мүмкіндігінше тез тапсырыңыз және тапсырғаныңыздың растамасын сақтаңыз.',
  consequence: (units, unit, amount, article) =>
    `Ықтимал салдары: ${article} бойынша ${units} ${unit} (${amount}) айыппұл.`,
  unitName: (code) => (code === 'MCI' ? 'АЕК' : code),
  currency: (code) => (code === 'KZT' ? 'теңге' : code),
  article: (a) => `ӘҚБтК ${a}-бабы`,
  news: { wave: 'Қудалаудың жаңа толқыны', brief: 'Анықтама жарияланды', incident: 'Жаңа оқиға' },
  organisation: 'Ұйым',
  open: 'CivicLedger-де ашу',
  digestSubject: (n) => `CivicLedger: бүгінгі ${n} хабарлама`,
  minimalSubject: (n) => `CivicLedger: осы аптада ${n} мерзім`,
  minimalBody: (n) => `Осы аптада сізде ${n} мерзім бар. Толығырақ — CivicLedger-ге кіргеннен кейін.`,
  deliveryWarning: 'CivicLedger хаттары 24 сағаттан астам жіберілмей тұр: пошта баптауларын тексеріңіз.',
  footer: 'Бұл хатты CivicLedger жіберді. Хабарламаларды есептік жазба бетінде баптауға болады.',
};

const en: NotificationLabels = {
  obligationName: (t, form) =>
    t === 'each-receipt'
      ? `Notification of a receipt from a foreign source (${form})`
      : `Report on the receipt and expenditure of foreign funds (${form})`,
  receiptPeriod: (day) => `receipt of ${day}`,
  period: (from, to) => `period ${from} to ${to}`,
  legalName: {
    appeal: 'Deadline for a complaint against the ruling',
    'suspension-end': 'Suspension ends',
    hearing: 'Hearing',
  },
  inWorkingDays: (n, day) => `Due in ${n} working ${n === 1 ? 'day' : 'days'}, on ${day}.`,
  today: (day) => `Today, ${day}, is the last day.`,
  missed: (day) => `The deadline of ${day} has passed and nothing was filed.`,
  whatNow: 'What to do now: file it as soon as you can, even late, and keep the proof of filing.',
  consequence: (units, unit, amount, article) =>
    `Likely consequence: a fine of ${units} ${unit} (${amount}) under ${article}.`,
  unitName: (code) => code,
  currency: (code) => code,
  article: (a) => `CoAO Art. ${a}`,
  news: { wave: 'New wave of actions', brief: 'Brief published', incident: 'New incident' },
  organisation: 'Organisation',
  open: 'Open in CivicLedger',
  digestSubject: (n) => `CivicLedger: ${n} ${n === 1 ? 'notification' : 'notifications'} today`,
  minimalSubject: (n) => `CivicLedger: ${n} ${n === 1 ? 'deadline' : 'deadlines'} this week`,
  minimalBody: (n) =>
    `You have ${n} ${n === 1 ? 'deadline' : 'deadlines'} this week. Sign in to CivicLedger for details.`,
  deliveryWarning:
    'CivicLedger has not been able to send e-mail for more than 24 hours: check the mail settings.',
  footer: 'Sent by CivicLedger. Choose what you receive on your account page.',
};

export const NOTIFICATION_LABELS: Readonly<Record<Locale, NotificationLabels>> = { ru, kk, en };
