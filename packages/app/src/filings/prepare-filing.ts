import {
  calendarDate,
  domainError,
  lintViewText,
  err,
  ok,
  parseCalendarDate,
  type CalendarDate,
  type FilingRecord,
  type RulePack,
  type ObligationInstance,
  type Result,
} from '@civic/core';
import { preparedLogContent, sha256Hex } from '@civic/formats';
import {
  getFilingHead,
  getFilingRow,
  insertFiling,
  ledgerDaySpan,
  listFilingHeads,
  replaceDraftContent,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { inLedgerTransaction } from '../ledger/ledger-transaction.ts';
import { appendLogEntry } from '../log/hash-log.ts';
import { organisations, resolveOrganisation, type OrganisationRow } from '../organisations.ts';
import { auditedFiling, getFiling, recordWith } from './filing-records.ts';
import { listObligations } from './list-obligations.ts';
import {
  allObligationsOf,
  packFor,
  readOrganisationLedger,
  today,
  type OrganisationLedger,
} from './organisation-ledger.ts';
import { periodScoped, readPeriodLedger } from './period-ledger.ts';
import { filingContentFor, filingDocumentFor } from './filing-content-for.ts';

export { filingContentFor };
import { audited } from '../audit/audited.ts';

export interface PrepareFilingInput {
  /** An obligation id as `civic obligations` lists it … */
  readonly obligationId?: string | undefined;
  /** … or an organisation with a form and a period. */
  readonly org?: string | undefined;
  readonly form?: string | undefined;
  readonly period?: { readonly from: string; readonly to: string } | undefined;
  /** The submitted filing this one corrects. */
  readonly corrects?: string | undefined;
  readonly pack?: string | undefined;
}

/** The obligation of an organisation by id (or form and period), with the ledger it was derived from. */
export async function findObligation(
  ctx: AppContext,
  input: PrepareFilingInput,
): Promise<Result<{ ledger: OrganisationLedger; obligation: ObligationInstance }>> {
  let orgKey = input.org;
  if (input.obligationId && !orgKey) {
    const prefix = input.obligationId.split(':')[0] ?? '';
    orgKey = (await organisations(ctx)).some((o) => o.id === prefix) ? prefix : undefined;
    if (!orgKey)
      return err(
        domainError(
          'OBLIGATION_NOT_FOUND',
          `no obligation "${input.obligationId}": run \`civic obligations\` for the ids`,
          { field: 'obligation' },
        ),
      );
  }
  const org = await resolveOrganisation(ctx, orgKey);
  if (!org.ok) return org;
  const pack = await packFor(org.value, input.pack);
  if (!pack.ok) return pack;
  const now = today(ctx, pack.value);
  const horizon = input.period ? parseCalendarDate(input.period.to, 'to') : ok(now);
  if (!horizon.ok) return horizon;
  const asOf = horizon.value > now ? horizon.value : now;
  let period: { from: CalendarDate; to: CalendarDate } | undefined;
  if (!input.obligationId && input.form && input.period) {
    const from = parseCalendarDate(input.period.from, 'from');
    if (!from.ok) return from;
    const to = parseCalendarDate(input.period.to, 'to');
    if (!to.ok) return to;
    period = { from: from.value, to: to.value };
  } else if (!input.obligationId)
    return err(
      domainError(
        'CLI_OPTION_REQUIRED',
        'say which obligation: --obligation ID, or --form with --from and --to',
        { field: 'obligation' },
      ),
    );
  const matches = (o: ObligationInstance) =>
    input.obligationId
      ? o.id === input.obligationId
      : o.form === input.form && o.period.from === period?.from && o.period.to === period.to;
  let ledger: OrganisationLedger;
  let found: ObligationInstance | undefined;
  if (periodScoped(pack.value)) {
    // From the stored obligations, then only that period's records.
    const span = await ledgerDaySpan(ctx.store.db, org.value.id);
    const last = span ? calendarDate(span.last) : asOf;
    const list = await listObligations(ctx, {
      org: org.value.id,
      pack: pack.value.id,
      asOf,
      to: last > asOf ? last : asOf,
      ...(input.obligationId ? { id: input.obligationId } : { from: period?.from, to: period?.to }),
    });
    if (!list.ok) return list;
    found = list.value.obligations.find(matches);
    ledger = found
      ? await readPeriodLedger(ctx, org.value, pack.value, found.period)
      : emptyLedger(org.value, pack.value);
  } else {
    const whole = await readOrganisationLedger(ctx, org.value, pack.value.id);
    if (!whole.ok) return whole;
    ledger = whole.value;
    const all = allObligationsOf(ledger, asOf);
    if (!all.ok) return all;
    found = all.value.find(matches);
  }
  if (!found)
    return err(
      domainError(
        'OBLIGATION_NOT_FOUND',
        `no obligation ${input.obligationId ?? `${input.form ?? ''} ${input.period?.from ?? ''}–${input.period?.to ?? ''}`} for ${org.value.name}: run \`civic obligations\` for the ids`,
        { field: 'obligation' },
      ),
    );
  return ok({ ledger, obligation: found });
}

const emptyLedger = (organisation: OrganisationRow, pack: RulePack): OrganisationLedger => ({
  organisation,
  pack,
  receipts: [],
  expenditures: [],
  expenditureDates: [],
  grants: [],
  sources: [],
  filings: [],
});

/**
 * Prepares a filing for an obligation from the ledger: builds its content (core
 * buildFilingContent), stores it as a draft — replacing the content of an existing draft for the
 * same obligation — and appends `filing.prepared` to the hash-chained log, in one transaction.
 * A correction (`corrects`) is a new filing for the same obligation as the submitted one it
 * corrects. An obligation already submitted can only be corrected.
 */
export async function prepareFiling(
  ctx: AppContext,
  input: PrepareFilingInput,
): Promise<Result<FilingRecord>> {
  return audited(
    ctx,
    (tx) => prepareFilingNow(tx, input),
    (f) => ({
      entity: 'filing',
      entityId: f.id,
      action: 'prepare',
      organisationId: f.organisation,
      after: auditedFiling(f),
    }),
  );
}

async function prepareFilingNow(ctx: AppContext, input: PrepareFilingInput): Promise<Result<FilingRecord>> {
  const found = await findObligation(ctx, input);
  if (!found.ok) return found;
  return prepareFilingFor(ctx, found.value.ledger, found.value.obligation, input.corrects ?? null);
}

/** prepareFiling for an obligation already derived from a ledger already read (the demo prepares many). */
export async function prepareFilingFor(
  ctx: AppContext,
  ledger: OrganisationLedger,
  obligation: ObligationInstance,
  corrects: string | null,
): Promise<Result<FilingRecord>> {
  const existing = await listFilingHeads(ctx.store.db, {
    organisation: ledger.organisation.id,
    obligationId: obligation.id,
  });
  if (corrects) {
    const c = await getFilingRow(ctx.store.db, corrects);
    if (
      !c ||
      c.organisation !== ledger.organisation.id ||
      c.obligationId !== obligation.id ||
      c.state !== 'submitted'
    ) {
      return err(
        domainError(
          'FILING_CORRECTS_INVALID',
          `filing "${corrects}" is not a submitted filing for obligation ${obligation.id}: only a submitted filing is corrected`,
          { field: 'corrects' },
        ),
      );
    }
  } else if (existing.some((f) => f.state === 'submitted')) {
    const first = existing.find((f) => f.state === 'submitted');
    return err(
      domainError(
        'FILING_ALREADY_SUBMITTED',
        `obligation ${obligation.id} was already filed (${first?.id ?? ''}): prepare a correction with --corrects ${first?.id ?? ''}`,
        { field: 'obligation' },
      ),
    );
  }
  const { content, text } = filingDocumentFor(ledger, obligation, corrects);
  const contentHash = sha256Hex(text);
  // What the lint reads of it, kept beside it: the lint then parses a fifth of the text.
  const lintView = lintViewText(content);
  const draft = existing.find((f) => f.state === 'draft' && f.corrects === corrects);
  const id = draft?.id ?? newId('fil');
  const written = await inLedgerTransaction(ctx, async (tx) => {
    if (draft) {
      const o = await replaceDraftContent(tx.store.db, draft.id, {
        content: text,
        contentHash,
        lintView,
        receiptIds: obligation.receiptIds,
      });
      if (o !== 'done')
        return err(
          domainError('FILING_ALREADY_SUBMITTED', `filing ${draft.id} was submitted meanwhile`, {
            field: 'filing',
          }),
        );
    } else {
      await insertFiling(tx.store.db, {
        id,
        organisation: ledger.organisation.id,
        obligationId: obligation.id,
        form: obligation.form,
        periodFrom: obligation.period.from,
        periodTo: obligation.period.to,
        content: text,
        contentHash,
        lintView,
        receiptIds: obligation.receiptIds,
        corrects,
        createdAt: ctx.now().toISOString(),
      });
    }
    const logged = preparedLogContent({
      id,
      organisation: ledger.organisation.id,
      obligationId: obligation.id,
      form: obligation.form,
      periodFrom: obligation.period.from,
      periodTo: obligation.period.to,
      corrects,
      contentHash,
    });
    await appendLogEntry(tx, {
      org: ledger.organisation.id,
      kind: corrects ? 'filing.corrected' : 'filing.prepared',
      subjectId: id,
      content: logged,
    });
    return ok(id);
  });
  if (!written.ok) return written;
  // The record as stored, its content the one just written (a half-year's report can run to tens
  // of megabytes: neither read back nor parsed).
  const head = await getFilingHead(ctx.store.db, written.value);
  return head ? ok(recordWith(head, content)) : getFiling(ctx, written.value);
}
