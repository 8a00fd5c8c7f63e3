import {
  addDays,
  addMonths,
  calendarDate,
  dateParts,
  daysBetween,
  endOfMonth,
  formatMonthYear,
  formatWeekday,
  isoWeekday,
  type CalendarDate,
} from '@civic/core';
import { useState } from 'react';
import { Empty, ErrorBox, Loading, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/en.ts';
import { useApi } from '../use-api.ts';
import { ObligationCheckPanel } from './obligation-check.tsx';

export interface Obligation {
  id: string;
  title: string;
  form: string;
  period: { from: string; to: string; label: string };
  dueOn: string;
  status: string;
  citation: string;
  citationUrl: string | null;
  /** The legal bases as cited in the request's language (from the pack). */
  legalBasis?: string[];
  verified: boolean;
  /** The pack's notes on the unverified rules it rests on, in the request's language. */
  caveats?: string[];
  filingId: string | null;
}

interface ObligationPage {
  asOf: string;
  obligations: Obligation[];
  total: number;
  counts: Record<string, number>;
}

const STATUSES = ['missed', 'due', 'upcoming', 'filed-late', 'filed-on-time'] as const;
const PAGE = 100;

/** The first day of a `YYYY-MM` month, and `YYYY-MM` of a day (core's calendar arithmetic does the rest). */
/** What the page shows as the legal basis: the pack's cites in the user's language when it has them. */
const cite = (o: Obligation): string =>
  o.legalBasis && o.legalBasis.length > 0 ? o.legalBasis.join('; ') : o.citation;

const firstOf = (month: string): CalendarDate => calendarDate(`${month}-01`);
const monthOf = (day: string) => day.slice(0, 7);

/**
 * The obligations of an organisation as a list (a page at a time, filtered by status) or as a
 * month calendar of due days, with the iCalendar file to subscribe a calendar app to.
 */
export function ObligationsPanel({
  base,
  version,
  canWrite,
  onPrepare,
}: {
  base: string;
  version: number;
  canWrite: boolean;
  onPrepare(obligationId: string): void;
}) {
  const { t } = useI18n();
  const [view, setView] = useState<'list' | 'calendar'>('list');
  const [status, setStatus] = useState('');
  const [offset, setOffset] = useState(0);
  const [month, setMonth] = useState<string | null>(null);
  const listUrl = `${base}/obligations?limit=${PAGE}&offset=${offset}${status ? `&status=${status}` : ''}`;
  const list = useApi<ObligationPage>(view === 'list' ? listUrl : null, version);
  const asOf = list.data?.asOf ?? new Date().toISOString().slice(0, 10);
  const shownMonth = month ?? monthOf(asOf);
  const calendar = useApi<ObligationPage>(
    view === 'calendar'
      ? `${base}/obligations?limit=1000&fields=calendar&dueFrom=${firstOf(shownMonth)}&dueTo=${endOfMonth(firstOf(shownMonth))}`
      : null,
    version,
  );
  const statusLabel = (s: string) => t(`status.${s}` as MessageKey);

  return (
    <Panel id="obligations" title={t('filings.obligations')}>
      <div className="toolbar">
        <div role="group" aria-label={t('filings.view')}>
          <button type="button" aria-pressed={view === 'list'} onClick={() => setView('list')}>
            {t('filings.viewList')}
          </button>
          <button type="button" aria-pressed={view === 'calendar'} onClick={() => setView('calendar')}>
            {t('filings.viewCalendar')}
          </button>
        </div>
        {view === 'list' && (
          <label>
            {t('filings.status')}{' '}
            <select
              value={status}
              onChange={(e) => {
                setStatus(e.target.value);
                setOffset(0);
              }}
            >
              <option value="">{t('filings.allStatuses')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                  {list.data ? ` (${list.data.counts[s] ?? 0})` : ''}
                </option>
              ))}
            </select>
          </label>
        )}
        <a href={`${base}/obligations.ics`} download="obligations.ics">
          {t('filings.ics')}
        </a>
      </div>
      {view === 'list' ? (
        <>
          {list.loading && !list.data && <Loading />}
          {list.error && <ErrorBox error={list.error} />}
          {list.data && list.data.obligations.length === 0 && <Empty />}
          {list.data && list.data.obligations.length > 0 && (
            <ObligationTable
              base={base}
              obligations={list.data.obligations}
              canWrite={canWrite}
              onPrepare={onPrepare}
            />
          )}
          {list.data && list.data.total > PAGE && (
            <nav className="pager" aria-label={t('filings.pages')}>
              <button
                type="button"
                disabled={offset === 0}
                onClick={() => setOffset(Math.max(0, offset - PAGE))}
              >
                {t('filings.previous')}
              </button>
              <span role="status">
                {t('filings.range', {
                  from: offset + 1,
                  to: Math.min(list.data.total, offset + PAGE),
                  total: list.data.total,
                })}
              </span>
              <button
                type="button"
                disabled={offset + PAGE >= list.data.total}
                onClick={() => setOffset(offset + PAGE)}
              >
                {t('filings.next')}
              </button>
            </nav>
          )}
        </>
      ) : (
        <MonthCalendar
          month={shownMonth}
          today={asOf}
          data={calendar.data}
          onMonth={(n) => setMonth(monthOf(addMonths(firstOf(shownMonth), n)))}
          onPick={setMonth}
          loading={calendar.loading}
        />
      )}
      {calendar.error && view === 'calendar' && <ErrorBox error={calendar.error} />}
    </Panel>
  );
}

function ObligationTable({
  base,
  obligations,
  canWrite,
  onPrepare,
}: {
  base: string;
  obligations: Obligation[];
  canWrite: boolean;
  onPrepare(id: string): void;
}) {
  const { t, date } = useI18n();
  const [checking, setChecking] = useState<string | null>(null);
  const orgId = decodeURIComponent(base.split('/').pop() ?? '');
  const columns = canWrite ? 8 : 7;
  return (
    <div className="table-wrap">
      <table data-testid="obligations">
        <thead>
          <tr>
            <th scope="col">{t('filings.form')}</th>
            <th scope="col">{t('filings.what')}</th>
            <th scope="col">{t('ledger.period')}</th>
            <th scope="col">{t('filings.due')}</th>
            <th scope="col">{t('filings.status')}</th>
            <th scope="col">{t('filings.basis')}</th>
            {canWrite && <th scope="col" aria-label={t('filings.prepare')} />}
            <th scope="col" aria-label={t('filings.check')} />
          </tr>
        </thead>
        <tbody>
          {obligations.map((o) => [
            <tr key={o.id} className={`status-${o.status}`}>
              <td>{o.form}</td>
              <td>{o.title}</td>
              <td>{o.period.from === o.period.to ? date(o.period.from) : o.period.label}</td>
              <td>
                <time dateTime={o.dueOn}>{date(o.dueOn)}</time>
              </td>
              <td>
                <span className={`badge ${o.status}`}>{t(`status.${o.status}` as MessageKey)}</span>
              </td>
              <td className="small">
                {o.citationUrl ? (
                  <a href={o.citationUrl} rel="noreferrer noopener" target="_blank">
                    {cite(o)}
                  </a>
                ) : (
                  cite(o)
                )}
                {!o.verified && <span className="muted"> ({t('filings.unverified')})</span>}
                {(o.caveats ?? []).map((c) => (
                  <span key={c} className="muted caveat">
                    {' '}
                    {c}
                  </span>
                ))}
              </td>
              {canWrite && (
                <td>
                  {o.filingId === null && (
                    <button type="button" onClick={() => onPrepare(o.id)}>
                      {t('filings.prepare')}
                    </button>
                  )}
                </td>
              )}
              <td>
                {o.filingId === null && (
                  <button
                    type="button"
                    aria-expanded={checking === o.id}
                    data-testid="check-obligation"
                    onClick={() => setChecking(checking === o.id ? null : o.id)}
                  >
                    {t('filings.check')}
                  </button>
                )}
              </td>
            </tr>,
            checking === o.id && o.filingId === null && (
              <tr key={`${o.id}-check`}>
                <td colSpan={columns}>
                  <ObligationCheckPanel
                    base={base}
                    orgId={orgId}
                    obligationId={o.id}
                    canWrite={canWrite}
                    onFixed={() => undefined}
                  />
                </td>
              </tr>
            ),
          ])}
        </tbody>
      </table>
    </div>
  );
}

/** A month as a table of weeks (Monday first); each day lists the obligations due on it. */
function MonthCalendar({
  month,
  today,
  data,
  onMonth,
  onPick,
  loading,
}: {
  month: string;
  today: string;
  data: ObligationPage | undefined;
  onMonth(n: number): void;
  onPick(month: string): void;
  loading: boolean;
}) {
  const { t, locale } = useI18n();
  const firstDay = firstOf(month);
  const days = daysBetween(firstDay, endOfMonth(firstDay)) + 1;
  const lead = isoWeekday(firstDay) - 1;
  const cells: (string | null)[] = [
    ...Array.from({ length: lead }, () => null),
    ...Array.from({ length: days }, (_, i) => addDays(firstDay, i)),
  ];
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks = Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
  const byDay = new Map<string, Obligation[]>();
  for (const o of data?.obligations ?? []) byDay.set(o.dueOn, [...(byDay.get(o.dueOn) ?? []), o]);
  const { year: titleYear, month: titleMonth } = dateParts(firstDay);
  const title = formatMonthYear(locale, titleYear, titleMonth);
  const weekday = (i: number) => formatWeekday(locale, i + 1, 'short');
  return (
    <div className="calendar" data-testid="obligations-calendar">
      <div className="toolbar">
        <button type="button" onClick={() => onMonth(-1)} aria-label={t('filings.previousMonth')}>
          ‹
        </button>
        <h3 aria-live="polite">{title}</h3>
        <button type="button" onClick={() => onMonth(1)} aria-label={t('filings.nextMonth')}>
          ›
        </button>
        <label>
          {t('filings.month')}{' '}
          <input
            type="month"
            value={month}
            onChange={(e) => /^\d{4}-\d{2}$/.test(e.target.value) && onPick(e.target.value)}
          />
        </label>
        {loading && <Loading />}
      </div>
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              {Array.from({ length: 7 }, (_, i) => (
                <th scope="col" key={i}>
                  {weekday(i)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, i) => (
              <tr key={i}>
                {week.map((day, k) =>
                  day === null ? (
                    <td key={k} />
                  ) : (
                    <td key={k} className={day === today ? 'today' : undefined} data-day={day}>
                      <time dateTime={day}>{Number(day.slice(8))}</time>
                      <ul className="plain">
                        {(byDay.get(day) ?? []).map((o) => (
                          <li key={o.id} title={`${o.title} (${o.period.label})`}>
                            <span className={`badge ${o.status}`}>{o.form}</span>
                            <span className="visually-hidden"> {t(`status.${o.status}` as MessageKey)}</span>
                          </li>
                        ))}
                      </ul>
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {data && data.total > data.obligations.length && (
        <p className="muted small">
          {t('filings.range', { from: 1, to: data.obligations.length, total: data.total })}
        </p>
      )}
    </div>
  );
}
