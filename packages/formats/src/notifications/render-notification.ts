import {
  formatDecimalText,
  formatLongDate,
  formatMinor,
  type CurrencyCode,
  type DueMessage,
  type Locale,
} from '@civic/core';
import { renderICalendar, type CalendarEvent } from '../icalendar.ts';
import { NOTIFICATION_LABELS, type NotificationLabels } from './notification-labels.ts';

/** The likely consequence of a missed obligation, from the pack (tier fine × the unit of the year). */
export interface MissedConsequence {
  readonly units: number;
  readonly unitCode: string;
  readonly amountMinor: bigint;
  readonly currency: string;
  readonly article: string;
}

export interface RenderNotificationOptions {
  /** The web app's address (APP_URL), without a trailing slash. */
  readonly appUrl: string;
  readonly organisationName: (id: string) => string;
  /** For a `missed` obligation step: what a late filing most likely costs (null: say nothing). */
  readonly consequence?: ((m: DueMessage) => MissedConsequence | null) | undefined;
  /** DTSTAMP of the iCalendar part. */
  readonly now: Date;
}

/** One message as the bell shows it and as one item of an e-mail. */
export interface RenderedItem {
  readonly subject: string;
  readonly lines: readonly string[];
  readonly link: string;
}

export interface RenderedEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  /** An iCalendar (RFC 5545) with each deadline of the e-mail, or null when it has none. */
  readonly ics: string | null;
}

/** Where the recipient sees the item in the web app. */
export function notificationLink(m: DueMessage, appUrl: string): string {
  const org = m.organisationId ? encodeURIComponent(m.organisationId) : '';
  const item = m.item;
  if (m.minimal) return `${appUrl}/notifications`;
  if (m.kind === 'obligation') return `${appUrl}/orgs/${org}/filings`;
  if (m.kind === 'legal-deadline' && 'caseId' in item)
    return `${appUrl}/orgs/${org}/cases/${encodeURIComponent(item.caseId)}`;
  return `${appUrl}/monitor`;
}

/** A fine in words of the language: the core formatter's separators, whole tenge without ",00". */
function amountText(l: NotificationLabels, c: MissedConsequence, locale: Locale): string {
  const decimal = formatMinor(c.amountMinor, c.currency as CurrencyCode).replace(/\.0+$/, '');
  return `${formatDecimalText(locale, decimal)} ${l.currency(c.currency)}`;
}

/** The subject and lines of one message in the recipient's language (no codes, no ISO dates). */
export function renderNotificationItem(m: DueMessage, options: RenderNotificationOptions): RenderedItem {
  const l = NOTIFICATION_LABELS[m.locale];
  const day = formatLongDate(m.locale, m.dueOn);
  const link = notificationLink(m, options.appUrl);
  if (m.minimal) return { subject: l.minimalSubject(1), lines: [l.minimalBody(1)], link };
  const item = m.item;
  const org = m.organisationId ? `${l.organisation}: ${options.organisationName(m.organisationId)}` : null;
  const when =
    m.step === 'due-day'
      ? l.today(day)
      : m.step === 'missed'
        ? l.missed(day)
        : m.step.startsWith('before-')
          ? l.inWorkingDays(Number(m.step.slice('before-'.length)), day)
          : day;
  if ('form' in item) {
    const name = l.obligationName(item.trigger, item.form);
    const period =
      item.trigger === 'each-receipt'
        ? l.receiptPeriod(formatLongDate(m.locale, item.periodFrom))
        : l.period(formatLongDate(m.locale, item.periodFrom), formatLongDate(m.locale, item.periodTo));
    const lines = [`${name}, ${period}.`, ...(org ? [org] : []), when];
    if (m.step === 'missed') {
      lines.push(l.whatNow);
      const c = options.consequence?.(m);
      if (c)
        lines.push(
          l.consequence(c.units, l.unitName(c.unitCode), amountText(l, c, m.locale), l.article(c.article)),
        );
    }
    return { subject: `${name} — ${day}`, lines, link };
  }
  if ('caseId' in item) {
    const name = l.legalName[item.kind];
    return {
      subject: `${name} — ${day}`,
      lines: [`${name}: ${item.caseTitle}`, ...(org ? [org] : []), when],
      link,
    };
  }
  const name = l.news[item.kind];
  return { subject: `${name}: ${item.title}`, lines: [`${name}: ${item.title}`, day], link };
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function eventsOf(messages: readonly DueMessage[], items: readonly RenderedItem[]): CalendarEvent[] {
  const events: CalendarEvent[] = [];
  messages.forEach((m, i) => {
    const r = items[i];
    if (!r || m.minimal || (m.kind !== 'obligation' && m.kind !== 'legal-deadline')) return;
    events.push({
      uid: `${m.kind}-${m.itemId}@civicledger`,
      date: m.dueOn,
      summary: r.subject,
      description: r.lines.join('\n'),
      url: r.link,
      status: 'CONFIRMED',
      alarms: [{ daysBefore: 1 }],
    });
  });
  return events;
}

/**
 * One e-mail to one recipient for one or more messages (one for an immediate message, all of the
 * day's for a digest): subject, plain text, HTML and an iCalendar part for the deadlines. Under the
 * minimal-content setting an item says only how many deadlines there are, with a link. Never throws.
 */
export function renderNotificationEmail(
  messages: readonly DueMessage[],
  locale: Locale,
  options: RenderNotificationOptions,
): RenderedEmail {
  const l = NOTIFICATION_LABELS[locale];
  const full = messages.filter((m) => !m.minimal);
  const minimalCount = new Set(messages.filter((m) => m.minimal).map((m) => m.itemId)).size;
  const items = full.map((m) => renderNotificationItem(m, options));
  const subject =
    full.length === 0
      ? l.minimalSubject(minimalCount)
      : messages.length === 1 && items[0]
        ? items[0].subject
        : l.digestSubject(messages.length);
  const blocks = items.map((r) => [...r.lines, `${l.open}: ${r.link}`]);
  if (minimalCount > 0)
    blocks.push([l.minimalBody(minimalCount), `${l.open}: ${options.appUrl}/notifications`]);
  const text = [...blocks.map((b) => b.join('\n')), l.footer].join('\n\n') + '\n';
  const htmlBlocks = blocks.map((b) => {
    const last = b[b.length - 1] ?? '';
    const href = last.slice(last.indexOf(': ') + 2);
    const body = b
      .slice(0, -1)
      .map((x) => escapeHtml(x))
      .join('<br>');
    return `<p>${body}<br><a href="${escapeHtml(href)}">${escapeHtml(l.open)}</a></p>`;
  });
  const html = `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head><body>${htmlBlocks.join('')}<p><small>${escapeHtml(l.footer)}</small></p></body></html>`;
  const events = eventsOf(full, items);
  const ics =
    events.length > 0 ? renderICalendar(events, { dtstamp: options.now, name: 'CivicLedger' }) : null;
  return { subject, text, html, ics };
}

/** The in-app warning to an admin when e-mail has failed for more than a day. */
export function deliveryWarningText(locale: Locale): string {
  return NOTIFICATION_LABELS[locale].deliveryWarning;
}
