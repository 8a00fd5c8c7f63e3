import {
  domainError,
  err,
  isVisibility,
  ok,
  suggestPlaces,
  type DomainError,
  type IncidentInput,
  type IncidentSource,
  type Result,
} from '@civic/core';
import { buildIncident, type IncidentFieldText } from '@civic/formats';
import {
  getIncident,
  inTransaction,
  insertIncidents,
  listOrganisations,
  type IncidentRecord,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';
import { resolveOrganisation } from '../organisations.ts';

/** An incident entered by hand (or through the API): the same fields and checks as a CSV row. */
export interface CreateIncidentInput {
  /** `YYYY-MM-DD` (or a range `from/to`). */
  readonly date: string;
  readonly dateTo?: string;
  readonly organisation: string;
  readonly place: string;
  readonly latitude?: number | null;
  readonly longitude?: number | null;
  readonly authority?: string | null;
  readonly office?: string | null;
  readonly action: string;
  readonly legalBasis?: string | null;
  readonly penaltyMci?: number | null;
  readonly suspensionMonths?: number | null;
  readonly outcome?: string | null;
  readonly sources?: readonly IncidentSource[];
  readonly notes?: string | null;
  /** Default `public`. */
  readonly visibility?: string;
  /** The owner organisation (id, name or BIN); needed for private/network unless the db has one organisation. */
  readonly org?: string;
  /** Internal: the case action it was promoted from. */
  readonly sourceActionId?: string;
}

const text = (v: string | number | null | undefined): string =>
  v === null || v === undefined ? '' : String(v);

/**
 * Checks an incident entered by hand with the rules of a CSV row (`civic incidents import`) and
 * gives it as it would be stored. Errors name the field; an unknown place without coordinates is
 * refused (INCIDENT_PLACE_UNKNOWN) with close names of the gazetteer as `details.suggestions`,
 * never guessed.
 */
export async function validateIncident(
  ctx: AppContext,
  input: CreateIncidentInput,
): Promise<Result<IncidentInput>> {
  const visibility = input.visibility ?? 'public';
  if (!isVisibility(visibility))
    return err(
      domainError(
        'INCIDENT_VISIBILITY_INVALID',
        `visibility "${visibility}" is not private, network or public`,
        { field: 'visibility' },
      ),
    );
  let owner: string | null = null;
  if (input.org !== undefined || visibility !== 'public') {
    const resolved = await resolveOrganisation(ctx, input.org);
    if (!resolved.ok) {
      return input.org === undefined
        ? err(
            domainError(
              'INCIDENT_OWNER_REQUIRED',
              `${visibility} incidents need an owner organisation: ${resolved.error.message}`,
              { field: 'org' },
            ),
          )
        : resolved;
    }
    owner = resolved.value.id;
  }
  for (const s of input.sources ?? []) {
    if (!/^https?:\/\/\S+$/.test(s.url))
      return err(
        domainError('INCIDENT_URL_INVALID', `source url "${s.url}" is not an http(s) URL`, {
          field: 'sources',
        }),
      );
  }
  const date =
    input.dateTo !== undefined && input.dateTo !== input.date ? `${input.date}/${input.dateTo}` : input.date;
  const fields: IncidentFieldText = {
    date,
    organisation: input.organisation,
    place: input.place,
    latitude: text(input.latitude),
    longitude: text(input.longitude),
    authority: text(input.authority),
    action: input.action,
    legal_basis: text(input.legalBasis),
    penalty_mci: text(input.penaltyMci),
    suspension_months: text(input.suspensionMonths),
    outcome: text(input.outcome),
    notes: text(input.notes),
  };
  const warnings: DomainError[] = [];
  const ours = (await listOrganisations(ctx.store.db)).find(
    (o) => o.name.trim().toLowerCase() === input.organisation.trim().toLowerCase(),
  );
  const built = buildIncident(
    fields,
    {},
    {
      visibility,
      ownerOrganisationId: owner,
      sources: input.sources ?? [],
      office: input.office?.trim() || null,
      organisationId: ours?.id ?? null,
    },
    warnings,
    new Map(),
  );
  if (!built.ok) {
    const code = built.error.code.replace(/^IMPORT_/, 'INCIDENT_');
    const suggestions = code === 'INCIDENT_PLACE_UNKNOWN' ? suggestPlaces(input.place, 5) : [];
    return err(
      domainError(code, built.error.message, {
        ...(built.error.field === undefined ? {} : { field: built.error.field }),
        ...(suggestions.length > 0 ? { details: { suggestions } } : {}),
      }),
    );
  }
  return ok(built.value);
}

/** Validates and stores one incident; returns it as stored. Errors name the field. */
export async function createIncident(
  ctx: AppContext,
  input: CreateIncidentInput,
): Promise<Result<IncidentRecord>> {
  const built = await validateIncident(ctx, input);
  if (!built.ok) return built;
  const id = newId('inc');
  await inTransaction(ctx.store, (tx) =>
    insertIncidents(tx.db, [
      {
        ...built.value,
        id,
        createdAt: ctx.now().toISOString(),
        sourceActionId: input.sourceActionId ?? null,
      },
    ]),
  );
  const stored = await getIncident(ctx.store.db, id);
  if (!stored) throw new Error('incident vanished after insert');
  return ok(stored);
}
