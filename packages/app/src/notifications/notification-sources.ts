import {
  addDays,
  DEFAULT_USER_SETTINGS,
  earliestDueWithStep,
  isLocale,
  isRole,
  MONITORING_NEWS_DAYS,
  type CalendarDate,
  type DueObligation,
  type LegalDeadline,
  type MonitoringEvent,
  type ObligationStatus,
  type NotificationUser,
  type Result,
  type RulePack,
  ok,
} from '@civic/core';
import { briefsPublishedSince, incidentsSince, notificationRecipients } from '@civic/store';
import { listDeadlines } from '../claims/deadlines.ts';
import { detectWavesInDatabase } from '../waves/wave-incidents.ts';
import { reportedWaves } from '../waves/wave-detection.ts';
import type { AppContext } from '../context.ts';
import { listObligations } from '../filings/list-obligations.ts';
import { packFor } from '../filings/organisation-ledger.ts';
import { organisations, type OrganisationRow } from '../organisations.ts';
import { userSettingsById } from './notification-settings.ts';

const OPEN_STATUSES: readonly ObligationStatus[] = ['upcoming', 'due', 'missed'];
const OPEN_OBLIGATION = new Set<string>(OPEN_STATUSES);

/** The organisations grouped by the rule pack of their country (the pack gives working days and "today"). */
export async function organisationsByPack(
  ctx: AppContext,
): Promise<{ pack: RulePack; organisations: OrganisationRow[] }[]> {
  const groups = new Map<string, { pack: RulePack; organisations: OrganisationRow[] }>();
  for (const o of await organisations(ctx)) {
    const pack = await packFor(o);
    if (!pack.ok) continue;
    const g = groups.get(pack.value.id) ?? { pack: pack.value, organisations: [] };
    g.organisations.push(o);
    groups.set(pack.value.id, g);
  }
  return [...groups.values()];
}

/**
 * The open obligations of these organisations as of `today` that a reminder may still be current
 * for: due from earliestDueWithStep on (older ones are past their missed window). An organisation
 * with a million receipts has a notification for each: the run reads the recent ones only.
 */
export async function dueObligations(
  ctx: AppContext,
  orgs: readonly OrganisationRow[],
  pack: RulePack,
  today: CalendarDate,
): Promise<Result<DueObligation[]>> {
  const out: DueObligation[] = [];
  const dueFrom = earliestDueWithStep(pack, today);
  for (const o of orgs) {
    // Periods up to a month ahead, so that a report due soon is known before its period ends.
    const list = await listObligations(ctx, {
      org: o.id,
      asOf: today,
      to: addDays(today, 31),
      pack: pack.id,
      dueFrom,
      status: OPEN_STATUSES,
    });
    if (!list.ok) return list;
    for (const x of list.value.obligations)
      out.push({
        id: x.id,
        organisationId: o.id,
        dueOn: x.dueOn,
        open: OPEN_OBLIGATION.has(x.status),
        title: x.title,
        form: x.form,
        trigger: x.trigger,
        periodFrom: x.period.from,
        periodTo: x.period.to,
      });
  }
  return ok(out);
}

/**
 * The legal deadlines of every case: the one place notifications ask for them (listDeadlines, which
 * gives each deadline's readings as the claim checks compute them today; the earliest counts).
 */
export async function legalDeadlines(ctx: AppContext, today: CalendarDate): Promise<Result<LegalDeadline[]>> {
  const r = await listDeadlines(ctx, { asOf: today });
  if (!r.ok) return r;
  return ok(
    r.value.deadlines.flatMap((d) =>
      d.kind === 'limitation'
        ? []
        : [
            {
              id: d.id,
              organisationId: d.organisationId,
              kind: d.kind,
              dueOn: d.date,
              open: d.status === 'open',
              caseTitle: d.caseTitle,
              caseId: d.caseId,
            },
          ],
    ),
  );
}

/** Incidents against the database's organisations and briefs published in the last days. */
export async function monitoringEvents(ctx: AppContext, today: CalendarDate): Promise<MonitoringEvent[]> {
  const since = addDays(today, -MONITORING_NEWS_DAYS);
  const all = (await organisations(ctx)).map((o) => o.id);
  const incidents = await incidentsSince(ctx.store.db, since);
  const briefs = await briefsPublishedSince(ctx.store.db, since);
  return [
    ...incidents.flatMap((i): MonitoringEvent[] =>
      i.organisationId && i.date <= today
        ? [
            {
              id: i.id,
              kind: 'incident',
              on: i.date as CalendarDate,
              title: `${i.organisation}, ${i.place}`,
              organisationIds: [i.organisationId],
            },
          ]
        : [],
    ),
    ...briefs.map((b): MonitoringEvent => ({
      id: b.id,
      kind: 'brief',
      on: b.publishedAt.slice(0, 10) as CalendarDate,
      title: b.title,
      organisationIds: all,
    })),
  ];
}

/** Every enabled user with their memberships, language and settings. */
export async function notificationUsers(ctx: AppContext): Promise<NotificationUser[]> {
  const rows = await notificationRecipients(ctx.store.db);
  const settings = await userSettingsById(ctx);
  const users = new Map<string, NotificationUser>();
  for (const r of rows) {
    if (!isRole(r.role)) continue;
    const u = users.get(r.userId) ?? {
      id: r.userId,
      email: r.email,
      locale: isLocale(r.locale) ? r.locale : 'ru',
      memberships: [],
      settings: settings.get(r.userId) ?? DEFAULT_USER_SETTINGS,
    };
    users.set(r.userId, {
      ...u,
      memberships: [...u.memberships, { organisationId: r.organisationId, role: r.role }],
    });
  }
  return [...users.values()];
}

/** How far back wave detection looks when the schedule runs it. */
export const WAVE_LOOKBACK_DAYS = 120;

/**
 * Waves found by detection over the last WAVE_LOOKBACK_DAYS days to `today` that are worth reporting
 * (p < 0.05 and coordinated), each news on its last day. A Monte Carlo scan: the schedule calls it
 * through scheduledWaveEvents (wave-scan.ts), which runs it only when incidents or the day changed.
 */
export async function waveEvents(ctx: AppContext, today: CalendarDate): Promise<Result<MonitoringEvent[]>> {
  const report = await detectWavesInDatabase(ctx, { from: addDays(today, -WAVE_LOOKBACK_DAYS), to: today });
  if (!report.ok) return report;
  const all = (await organisations(ctx)).map((o) => o.id);
  return ok(
    reportedWaves(report.value.waves).map((w): MonitoringEvent => ({
      id: w.id,
      kind: 'wave',
      on: w.to,
      title: `${w.places.slice(0, 4).join(', ')}${w.places.length > 4 ? ', …' : ''}`,
      organisationIds: all,
      pValue: w.pValue,
    })),
  );
}
