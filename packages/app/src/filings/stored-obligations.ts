import { createHash } from 'node:crypto';
import {
  addDays,
  addMonths,
  calendarDate,
  deriveObligations,
  filingStateOf,
  indexFilings,
  ok,
  reportingPeriods,
  type CalendarDate,
  type ObligationInstance,
  type Result,
  type RulePack,
} from '@civic/core';
import {
  clearStoredObligations,
  filingRelatedObligations,
  hasDirtyMonths,
  ledgerDaySpan,
  listExpenditureDays,
  listFilingHeads,
  listObligationReceipts,
  lockObligationState,
  readObligationState,
  deleteObligationTally,
  deleteStoredObligations,
  insertObligationTally,
  insertStoredObligations,
  tallyObligations,
  takeDirtyMonths,
  writeFilingStates,
  writeObligationState,
  type StoredFilingState,
  type StoredObligation,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { inLedgerTransaction } from '../ledger/ledger-transaction.ts';
import { listSources } from '../ledger/ledger-entities.ts';
import { resolveOrganisation } from '../organisations.ts';
import { changedNotices } from './changed-notices.ts';
import { filingFacts, packFor } from './organisation-ledger.ts';

// Stored obligations (issue 17): the obligations of an organisation derived once and kept in the
// database (store/obligation-store.*), so the first request of a new process reads an index
// instead of deriving a million receipts. Database triggers mark the months whose receipts,
// expenditures or sources' categories change, in the change's own transaction; a refresh derives
// only those months and the reporting periods around them. A different pack (its content hash)
// derives everything once; the filing columns are written again when the filings change.

const hash = (text: string) => createHash('sha256').update(text).digest('hex');
const packKeys = new WeakMap<RulePack, string>();

/** The pack's content hash: a new version, a fixed rule or a changed calendar derives everything again. */
export function packKeyOf(pack: RulePack): string {
  let key = packKeys.get(pack);
  if (key === undefined) {
    key = hash(JSON.stringify(pack));
    packKeys.set(pack, key);
  }
  return key;
}

/** Whether the pack's obligations can be stored: a nil return makes periods without records, up to any day asked about. */
export function storablePack(pack: RulePack): boolean {
  return !pack.obligations.some((o) => o.trigger.kind === 'period' && o.nilReturn);
}

/**
 * Brings the stored obligations of an organisation up to date with its records, its filings and
 * the pack: nothing to do (three small reads) when nothing changed. One transaction.
 */
export async function refreshStoredObligations(
  ctx: AppContext,
  organisationId: string,
  pack: RulePack,
): Promise<Result<void>> {
  const packKey = packKeyOf(pack);
  const filings = filingFacts(await listFilingHeads(ctx.store.db, { organisation: organisationId }));
  const filingsKey = hash(JSON.stringify(filings));
  const state = await readObligationState(ctx.store.db, organisationId);
  if (
    state?.packKey === packKey &&
    state.filingsKey === filingsKey &&
    !(await hasDirtyMonths(ctx.store.db, organisationId))
  )
    return ok(undefined);
  return inLedgerTransaction(ctx, async (tx) => {
    const locked = await lockObligationState(tx.store.db, organisationId);
    let spans: Span[];
    if (locked.packKey !== packKey) {
      await clearStoredObligations(tx.store.db, organisationId);
      const all = await ledgerDaySpan(tx.store.db, organisationId);
      spans = all ? [{ from: calendarDate(all.first), to: calendarDate(all.last) }] : [];
    } else
      spans = (await takeDirtyMonths(tx.store.db, organisationId)).map((m) => {
        const from = calendarDate(`${m}-01`);
        return { from, to: addDays(addMonths(from, 1), -1) };
      });
    const changed = mergeSpans(spans);
    const expanded = mergeSpans(changed.map((s) => withPeriods(pack, s)));
    const sources = (await listSources(tx, organisationId)).map((s) => ({ id: s.id, category: s.category }));
    const derivedRows: StoredObligation[] = [];
    const derivedTexts = new Map<string, string>();
    const tally = new Map<string, number>();
    for (const span of expanded) {
      // The reports of the widened span from all its receipts; the notifications of the changed
      // days only (deriving every receipt's notification of a half-year cost seconds at a million).
      const notices = changed.filter((c) => c.from >= span.from && c.to <= span.to);
      const receipts = await listObligationReceipts(tx.store.db, organisationId, span);
      const input = {
        organisation: organisationId,
        pack,
        sources,
        filings: [],
        from: span.from,
        to: span.to,
        asOf: span.to,
      };
      const derived = deriveObligations({
        ...input,
        receipts,
        expenditureDates: await listExpenditureDays(tx.store.db, organisationId, span),
        only: 'period',
      });
      if (!derived.ok) return derived;
      let list = derived.value;
      for (const n of notices) {
        const each = deriveObligations({
          ...input,
          receipts: receipts.filter((r) => r.receivedOn >= n.from && r.receivedOn <= n.to),
          expenditureDates: [],
          from: n.from,
          to: n.to,
          only: 'each-receipt',
        });
        if (!each.ok) return each;
        list = list.concat(each.value); // not push(...): a whole ledger's notifications overflow the stack
      }
      const { rows, texts } = toRows(list, span, notices);
      await deleteStoredObligations(tx.store.db, organisationId, { notices: [], periods: span });
      // The rows of the span are now exactly these (changedNotices keeps the unchanged notices).
      await deleteObligationTally(tx.store.db, organisationId, { notices, periods: span });
      tallyObligations(tally, rows);
      for (const r of await changedNotices(tx, organisationId, notices, rows)) derivedRows.push(r);
      for (const [k, v] of texts) derivedTexts.set(k, v);
    }
    await insertStoredObligations(tx.store.db, organisationId, derivedRows, derivedTexts);
    await insertObligationTally(tx.store.db, organisationId, tally);
    if (expanded.length > 0 || locked.filingsKey !== filingsKey)
      await writeFilingStates(
        tx.store.db,
        organisationId,
        await filingStates(tx, organisationId, pack, filings),
      );
    await writeObligationState(tx.store.db, organisationId, { packKey, filingsKey });
    return ok(undefined);
  });
}

interface Span {
  readonly from: CalendarDate;
  readonly to: CalendarDate;
}

/** A span widened to the reporting periods it meets (of every periodic obligation), so each period is derived whole. */
function withPeriods(pack: RulePack, span: Span): Span {
  let { from, to } = span;
  const ids = new Set(pack.obligations.filter((o) => o.trigger.kind === 'period').map((o) => o.id));
  for (const id of ids) {
    const periods = reportingPeriods(pack, id, span.from, span.to, { uncovered: 'weekends-only' });
    if (!periods.ok) continue;
    for (const p of periods.value) {
      if (p.start < from) from = p.start;
      if (p.end > to) to = p.end;
    }
  }
  return { from, to };
}

const within = (day: CalendarDate, spans: readonly Span[]) => spans.some((s) => s.from <= day && day <= s.to);

function mergeSpans(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const s of [...spans].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))) {
    const last = out[out.length - 1];
    if (last && s.from <= addDays(last.to, 1))
      out[out.length - 1] = { from: last.from, to: s.to > last.to ? s.to : last.to };
    else out.push(s);
  }
  return out;
}

/** What is stored of each obligation derived for a span: notifications of its receipts, reports of the periods wholly inside it. */
function toRows(
  list: readonly ObligationInstance[],
  span: Span,
  notices: readonly Span[],
): { rows: StoredObligation[]; texts: Map<string, string> } {
  const rows: StoredObligation[] = [];
  const texts = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const o of list) {
    if (
      o.trigger === 'period'
        ? o.period.from < span.from || o.period.to > span.to
        : !within(o.period.from, notices)
    )
      continue;
    const body = JSON.stringify([o.title, o.formTitle, o.citation, o.citationUrl, o.notes]);
    let key = keys.get(body);
    if (key === undefined) {
      key = hash(body).slice(0, 24);
      keys.set(body, key);
      texts.set(key, body);
    }
    rows.push({
      id: o.id,
      obligationId: o.obligationId,
      trigger: o.trigger,
      form: o.form,
      periodFrom: o.period.from,
      periodTo: o.period.to,
      periodLabel: o.period.label,
      dueOn: o.dueOn,
      verified: o.verified,
      textKey: key,
      receiptIds: o.receiptIds,
    });
  }
  return { rows, texts };
}

/** The filing columns of every stored obligation a filing bears on (core's filingStateOf, the rule statuses use). */
async function filingStates(
  ctx: AppContext,
  organisationId: string,
  pack: RulePack,
  filings: ReturnType<typeof filingFacts>,
): Promise<StoredFilingState[]> {
  if (filings.length === 0) return [];
  const noticeForms = new Set(
    pack.obligations.filter((o) => o.trigger.kind === 'each-receipt').map((o) => o.form.id),
  );
  const related = await filingRelatedObligations(
    ctx.store.db,
    organisationId,
    filings.map((f) => f.obligationId),
    filings.filter((f) => noticeForms.has(f.form)).flatMap((f) => f.receiptIds),
  );
  const index = indexFilings(filings);
  const out: StoredFilingState[] = [];
  for (const r of related) {
    const each = r.trigger === 'each-receipt';
    const s = filingStateOf(index, r.id, r.receiptId ? [r.receiptId] : [], r.form, each);
    if (!s.submitted && !s.draft) continue;
    out.push({
      id: r.id,
      submittedId: s.submitted?.id ?? null,
      submittedOn: s.submitted?.submittedOn ?? null,
      draftId: s.draft?.id ?? null,
    });
  }
  return out;
}

/**
 * Brings an organisation's stored obligations up to date (by id, name or BIN) with the pack of its
 * country: what a bulk load calls once after it commits, so the next request finds them ready.
 * Nothing to do for a pack that cannot be stored.
 */
export async function refreshOrganisationObligations(ctx: AppContext, org: string): Promise<Result<void>> {
  const found = await resolveOrganisation(ctx, org);
  if (!found.ok) return found;
  const pack = await packFor(found.value);
  if (!pack.ok) return pack;
  return storablePack(pack.value) ? refreshStoredObligations(ctx, found.value.id, pack.value) : ok(undefined);
}
