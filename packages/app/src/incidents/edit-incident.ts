import {
  canSeeRecord,
  domainError,
  err,
  ok,
  parseCalendarDate,
  roleAllows,
  type CalendarDate,
  type IncidentSource,
  type Result,
  type Viewer,
} from '@civic/core';
import {
  caseIdOfAction,
  claimIncidentVersion,
  getIncident,
  incidentVersion,
  replaceIncident,
  type IncidentRecord,
} from '@civic/store';
import type { Membership } from '../accounts/principal.ts';
import { withAudit, type Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { createIncident, validateIncident, type CreateIncidentInput } from './create-incident.ts';

/** Who acts on incidents from the web: what they may see and the organisations they belong to. */
export interface IncidentEditor extends Viewer {
  readonly memberships: readonly Pick<Membership, 'organisationId' | 'role'>[];
}

/** A source as entered: an http(s) URL, optionally its title and its day (YYYY-MM-DD). */
export interface SourceInput {
  readonly url: string;
  readonly title?: string;
  readonly date?: string;
}

/** The fields a person enters for an incident (the 13 of the CSV, the range end, office, visibility, owner). */
export type IncidentFields = Omit<CreateIncidentInput, 'sourceActionId' | 'sources'> & {
  readonly sources?: readonly SourceInput[];
  /** The CSV's `source_url`: URLs separated by spaces (used when `sources` is not given). */
  readonly sourceUrl?: string;
};

/** The sources with their days checked (a day that is not on the calendar names the field `sources`). */
function sourcesOf(sources: readonly SourceInput[] | undefined): Result<IncidentSource[]> {
  const out: IncidentSource[] = [];
  for (const s of sources ?? []) {
    const title = s.title?.trim();
    let date: CalendarDate | undefined;
    if (s.date !== undefined && s.date.trim() !== '') {
      const d = parseCalendarDate(s.date, 'sources');
      if (!d.ok) return err(domainError('INCIDENT_DATE_INVALID', d.error.message, { field: 'sources' }));
      date = d.value;
    }
    out.push({ url: s.url.trim(), ...(title ? { title } : {}), ...(date ? { date } : {}) });
  }
  return ok(out);
}

/** The input of the shared validator: the fields with their sources checked. */
function inputOf({ sourceUrl, ...fields }: IncidentFields): Result<CreateIncidentInput> {
  const urls = sourceUrl?.split(/\s+/).filter((u) => u !== '');
  const sources = sourcesOf(fields.sources ?? urls?.map((url) => ({ url })));
  return sources.ok ? ok({ ...fields, sources: sources.value }) : sources;
}

/** An incident as the API shows it: as stored, with its `version` and the case it was promoted from. */
export interface VersionedIncident extends IncidentRecord {
  readonly version: number;
  /** The case of the action it was promoted from, when the reader may see that organisation's cases. */
  readonly promotedFrom: { readonly caseId: string; readonly organisationId: string } | null;
}

const notFound = (id: string) =>
  err(domainError('INCIDENT_NOT_FOUND', `no incident "${id}" that you may see`, { field: 'id' }));
const forbidden = (why: string) => err(domainError('AUTH_FORBIDDEN', why));

/** The organisations in which the editor may enter and change incidents (incidents:write). */
export const writableOrganisations = (editor: IncidentEditor): string[] =>
  editor.memberships.filter((m) => roleAllows(m.role, 'incidents:write')).map((m) => m.organisationId);

/** Whether the editor may change the incident: a writer of its owner (no owner: a writer anywhere). */
export function mayChangeIncident(
  editor: IncidentEditor,
  incident: Pick<IncidentRecord, 'ownerOrganisationId'>,
): boolean {
  const writable = writableOrganisations(editor);
  const owner = incident.ownerOrganisationId;
  return owner === null ? writable.length > 0 : writable.includes(owner);
}

/**
 * The owner of an incident the editor enters: the organisation named (one where they may write
 * incidents), else their only such organisation. Not a member: as unknown as a missing one.
 */
function ownerFor(editor: IncidentEditor, org: string | undefined): Result<string> {
  const writable = writableOrganisations(editor);
  if (org !== undefined) {
    if (writable.includes(org)) return ok(org);
    if (editor.organisationIds.includes(org))
      return forbidden('your role in that organisation does not enter incidents');
    return err(domainError('ORG_NOT_FOUND', `no organisation "${org}" of yours`, { field: 'org' }));
  }
  if (writable.length === 1 && writable[0] !== undefined) return ok(writable[0]);
  if (writable.length === 0) return forbidden('only monitors, lawyers and admins enter incidents');
  return err(
    domainError('INCIDENT_OWNER_REQUIRED', 'say which of your organisations the incident belongs to', {
      field: 'org',
    }),
  );
}

/** The incident with its version and origin, or INCIDENT_NOT_FOUND when the reader may not see it. */
export async function readIncident(
  ctx: AppContext,
  reader: IncidentEditor,
  id: string,
): Promise<Result<VersionedIncident>> {
  const incident = await getIncident(ctx.store.db, id);
  if (!incident || !canSeeRecord(reader, incident.ownerOrganisationId, incident.visibility))
    return notFound(id);
  const version = (await incidentVersion(ctx.store.db, id)) ?? 1;
  const owner = incident.ownerOrganisationId;
  const caseId =
    incident.sourceActionId !== null && owner !== null && reader.organisationIds.includes(owner)
      ? await caseIdOfAction(ctx.store.db, incident.sourceActionId)
      : undefined;
  return ok({
    ...incident,
    version,
    promotedFrom: caseId !== undefined && owner !== null ? { caseId, organisationId: owner } : null,
  });
}

/** What the audit trail keeps of an incident (its fields, without the derived search columns). */
const audited = (i: VersionedIncident) => {
  const { promotedFrom: _p, ...fields } = i;
  return fields;
};

/**
 * Enters an incident from the web: validated as a CSV row is, owned by one of the editor's
 * organisations, and audited (`after`).
 */
export async function createIncidentAs(
  ctx: AppContext,
  actor: Actor,
  editor: IncidentEditor,
  input: IncidentFields,
): Promise<Result<VersionedIncident>> {
  const owner = ownerFor(editor, input.org);
  if (!owner.ok) return owner;
  const checked = inputOf({ ...input, org: owner.value });
  if (!checked.ok) return checked;
  return withAudit(ctx, actor, async (tx, audit) => {
    const made = await createIncident(tx, checked.value);
    if (!made.ok) return made;
    const after = await readIncident(tx, editor, made.value.id);
    if (!after.ok) return after;
    await audit.record({
      entity: 'incident',
      entityId: made.value.id,
      action: 'create',
      organisationId: owner.value,
      after: audited(after.value),
    });
    return after;
  });
}

/** The stored incident as the fields a person would enter to make it again. */
function fieldsOf(i: IncidentRecord): IncidentFields {
  return {
    date: i.date,
    dateTo: i.dateTo,
    organisation: i.organisation,
    place: i.place,
    latitude: i.latitude,
    longitude: i.longitude,
    authority: i.authority,
    office: i.office,
    action: i.action,
    legalBasis: i.legalBasis,
    penaltyMci: i.penaltyMci,
    suspensionMonths: i.suspensionMonths,
    outcome: i.outcome,
    sources: i.sources,
    notes: i.notes,
    visibility: i.visibility,
    ...(i.ownerOrganisationId === null ? {} : { org: i.ownerOrganisationId }),
  };
}

/**
 * Changes an incident: the fields given are laid over the stored ones and the whole is validated
 * as a new incident would be (a new place without coordinates takes the gazetteer's; a new `date`
 * without `dateTo` is one day). Only members
 * of the owner who may write incidents change it (an incident with no owner: anyone who may write
 * incidents somewhere). `version` must be the stored one, else INCIDENT_VERSION_CONFLICT naming
 * `version`. Audited with before and after.
 */
export async function changeIncident(
  ctx: AppContext,
  actor: Actor,
  editor: IncidentEditor,
  id: string,
  version: number,
  patch: Partial<IncidentFields>,
): Promise<Result<VersionedIncident>> {
  const before = await readIncident(ctx, editor, id);
  if (!before.ok) return before;
  const owner = before.value.ownerOrganisationId;
  if (!mayChangeIncident(editor, before.value))
    return forbidden('only the owner organisation’s monitors, lawyers and admins change this incident');
  if (patch.org !== undefined && patch.org !== owner) {
    const next = ownerFor(editor, patch.org);
    if (!next.ok) return next;
  }
  // A new first day without a last day is one day (not a range ending on the old last day).
  const dateTo = patch.dateTo ?? (patch.date !== undefined ? patch.date : before.value.dateTo);
  // The CSV's source_url replaces the stored sources as `sources` would.
  const { sources: storedSources, ...stored } = fieldsOf(before.value);
  const keepSources = patch.sourceUrl === undefined && storedSources !== undefined;
  const merged: IncidentFields = {
    ...stored,
    ...(keepSources ? { sources: storedSources } : {}),
    ...patch,
    dateTo,
  };
  const moved = patch.place !== undefined && patch.latitude === undefined && patch.longitude === undefined;
  const input = inputOf(moved ? { ...merged, latitude: null, longitude: null } : merged);
  if (!input.ok) return input;
  return withAudit(ctx, actor, async (tx, audit) => {
    const claimed = await claimIncidentVersion(tx.store.db, id, version);
    if (claimed === 'not-found') return notFound(id);
    if (claimed === 'stale')
      return err(
        domainError(
          'INCIDENT_VERSION_CONFLICT',
          'the incident was changed by someone else since that version',
          {
            field: 'version',
          },
        ),
      );
    const built = await validateIncident(tx, input.value);
    if (!built.ok) return built;
    await replaceIncident(tx.store.db, {
      ...built.value,
      id,
      createdAt: before.value.createdAt,
      sourceActionId: before.value.sourceActionId,
    });
    const after = await readIncident(tx, editor, id);
    if (!after.ok) return after;
    await audit.record({
      entity: 'incident',
      entityId: id,
      action: 'update',
      organisationId: after.value.ownerOrganisationId,
      before: audited(before.value),
      after: audited(after.value),
    });
    return after;
  });
}
