import { labelOf, type Locale, type Vocabulary } from '@civic/core';
import { listDay } from './deadline-report.ts';
import { countOf, phrase, type CountForms, type ReportWords } from './report-text.ts';

/**
 * The readable output of `civic notify run` and `civic notify outbox` in ru/kk/en: each message's
 * day, channel and state by their labels, counts with their nouns in the right plural form. The
 * address and the subject (written in the recipient's language when the message was made) stay
 * as they are, and so does a mail server's own error text. English keeps the lines it always printed.
 */
const CHANNEL_LABELS: Vocabulary<'email' | 'in-app' | 'webhook'> = {
  email: { en: 'email', ru: 'эл. почта', kk: 'эл. пошта' },
  'in-app': { en: 'in-app', ru: 'в программе', kk: 'бағдарламада' },
  webhook: { en: 'webhook', ru: 'вебхук', kk: 'вебхук' },
};

const STATUS_LABELS: Vocabulary<'queued' | 'pending' | 'sent' | 'failed'> = {
  queued: { en: 'queued', ru: 'в очереди', kk: 'кезекте' },
  pending: { en: 'pending', ru: 'ожидает', kk: 'күтуде' },
  sent: { en: 'sent', ru: 'отправлено', kk: 'жіберілді' },
  failed: { en: 'failed', ru: 'ошибка', kk: 'қате' },
};

const WORDS = {
  wouldSend: {
    en: '{messages:text} would be sent',
    ru: 'было бы отправлено: {messages:text}',
    kk: 'жіберілер еді: {messages:text}',
  },
  ran: {
    en: '{messages:text}; sent {sent:text}, failed {failed:text}{error:text}',
    ru: '{messages:text}; отправлено {sent}, не отправлено {failed}{error:text}',
    kk: '{messages:text}; жіберілді {sent}, жіберілмеді {failed}{error:text}',
  },
  lastError: { en: ' ({error:text})', ru: ' (ошибка: {error:text})', kk: ' (қате: {error:text})' },
  requeued: {
    en: '{messages:text} moved to e-mail; sent {sent:text}, failed {failed:text}',
    ru: 'переданы на эл. почту: {messages:text}; отправлено {sent}, не отправлено {failed}',
    kk: 'эл. поштаға берілді: {messages:text}; жіберілді {sent}, жіберілмеді {failed}',
  },
  outboxError: { en: '  [{error:text}]', ru: '  [ошибка: {error:text}]', kk: '  [қате: {error:text}]' },
} as const satisfies ReportWords;

const MESSAGES: CountForms = {
  ru: ['сообщение', 'сообщения', 'сообщений'],
  kk: 'хабарлама',
  en: ['message(s)', 'message(s)'],
};
const NEW_MESSAGES: CountForms = {
  ru: ['новое сообщение', 'новых сообщения', 'новых сообщений'],
  kk: 'жаңа хабарлама',
  en: ['new message(s)', 'new message(s)'],
};
const QUEUED_MESSAGES: CountForms = {
  ru: ['сообщение из очереди', 'сообщения из очереди', 'сообщений из очереди'],
  kk: 'кезектегі хабарлама',
  en: ['queued message(s)', 'queued message(s)'],
};

/** A count as English always printed it ("3 message(s)"), else with its noun («3 сообщения»). */
const count = (lang: Locale, n: number, forms: CountForms): string =>
  lang === 'en' ? `${String(n)} ${forms.en[0]}` : countOf(lang, n, forms);
const numberText = (lang: Locale, n: number): string | number => (lang === 'en' ? String(n) : n);
const word = <C extends string>(v: Vocabulary<C>, code: string, lang: Locale): string =>
  lang === 'en' ? code : labelOf(v, code, lang);

interface Message {
  readonly to: string;
  readonly channel: string;
  readonly subject: string;
  readonly dueOn: string;
}

/** `civic notify run`: one line a message, then what would be or was sent. */
export function notifyRunReport(
  messages: readonly Message[],
  r: { dryRun: boolean; recorded: number; sent: number; failed: number; lastError?: string | undefined },
  lang: Locale,
): string {
  const lines = messages.map(
    (m) =>
      `${listDay(lang, m.dueOn)}  ${word(CHANNEL_LABELS, m.channel, lang).padEnd(7)}  ${m.to}  ${m.subject}`,
  );
  lines.push(
    r.dryRun
      ? phrase(WORDS, lang, 'wouldSend', { messages: count(lang, messages.length, MESSAGES) })
      : phrase(WORDS, lang, 'ran', {
          messages: count(lang, r.recorded, NEW_MESSAGES),
          sent: numberText(lang, r.sent),
          failed: numberText(lang, r.failed),
          error: r.lastError ? phrase(WORDS, lang, 'lastError', { error: r.lastError }) : '',
        }),
  );
  return `${lines.join('\n')}\n`;
}

/** `civic notify outbox --send-queued`: what was moved from the app to e-mail. */
export function requeuedLine(requeued: number, sent: number, failed: number, lang: Locale): string {
  return `${phrase(WORDS, lang, 'requeued', {
    messages: count(lang, requeued, QUEUED_MESSAGES),
    sent: numberText(lang, sent),
    failed: numberText(lang, failed),
  })}\n`;
}

/** `civic notify outbox`: one line a message with its state, then how many. */
export function outboxReport(
  messages: readonly (Message & { readonly status: string; readonly lastError: string | null })[],
  lang: Locale,
): string {
  const lines = messages.map(
    (m) =>
      `${word(STATUS_LABELS, m.status, lang).padEnd(7)}  ${word(CHANNEL_LABELS, m.channel, lang).padEnd(7)}  ${listDay(lang, m.dueOn)}  ${m.to}  ${m.subject}${m.lastError ? phrase(WORDS, lang, 'outboxError', { error: m.lastError }) : ''}`,
  );
  lines.push(count(lang, messages.length, MESSAGES));
  return `${lines.join('\n')}\n`;
}
