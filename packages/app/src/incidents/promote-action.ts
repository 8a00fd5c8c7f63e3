import {
  domainError,
  err,
  findOffence,
  findPlace,
  ok,
  type ActionType,
  type CaseAction,
  type IncidentInput,
  type Result,
  type Visibility,
  isVisibility,
} from '@civic/core';
import {
  caseIdOfAction,
  findCase,
  findIncidentByAction,
  findOrganisation,
  getIncident,
  inTransaction,
  insertIncidents,
  type IncidentRecord,
} from '@civic/store';
import type { AppContext } from '../context.ts';
import { appendLogEntry } from '../log/hash-log.ts';
import { loadRulePack } from '../rules/load-rule-pack.ts';
import { idSequence } from './import-incidents.ts';

/** Fields of a promoted action that may be withheld from the incident. */
export const REDACTABLE_FIELDS = [
  'organisation',
  'notes',
  'penalty',
  'authority',
  'office',
  'place',
  'legal-basis',
] as const;
export type RedactableField = (typeof REDACTABLE_FIELDS)[number];

export interface PromoteActionInput {
  readonly actionId: string;
  /** The organisation's consent to share the action as an incident: must be exactly `true`. */
  readonly consent: boolean;
  /** What to withhold (default nothing). `place` keeps only the region. */
  readonly redact?: readonly string[];
  /** Who may see the incident (default `network`: the organisation's networks). */
  readonly visibility?: string;
}

/** The incident's action for a case action (a ruling is a fine, or a suspension, by what it imposed). */
function incidentAction(a: CaseAction): ActionType {
  switch (a.kind) {
    case 'ruling':
      return a.penalty?.mci != null || a.penalty?.amount != null
        ? 'fine'
        : a.penalty?.suspensionMonths != null
          ? 'suspension'
          : 'other';
    case 'appeal':
    case 'payment':
      return 'other';
    default:
      return a.kind;
  }
}

/**
 * The legal basis as monitors write it: a bare article number of a case ("460-1") gets the code
 * its pack cites it from ("CoAO Art. 460-1 …" → "CoAO 460-1"); anything else is kept as written.
 */
async function legalBasisOf(packId: string, article: string | null): Promise<string | null> {
  if (article === null || /\p{L}/u.test(article)) return article;
  const pack = await loadRulePack(packId);
  const citation = pack.ok ? findOffence(pack.value, article)?.citation.text : undefined;
  const code = citation === undefined ? undefined : /^(\S+)\s+Art\.?\s/.exec(citation)?.[1];
  return code === undefined ? article : `${code} ${article}`;
}

/**
 * Promotes an authority action of a case to an incident, with the organisation's consent and the
 * chosen fields withheld. The incident is owned by the case's organisation, remembers the action
 * it came from (an action is promoted once), and the consent is recorded in the hash-chained log.
 */
export async function promoteActionToIncident(
  ctx: AppContext,
  input: PromoteActionInput,
): Promise<Result<IncidentRecord>> {
  if (input.consent !== true)
    return err(
      domainError(
        'INCIDENT_CONSENT_REQUIRED',
        "promoting an action needs the organisation's consent (consent: true)",
        { field: 'consent' },
      ),
    );
  const redact = new Set<RedactableField>();
  for (const f of input.redact ?? []) {
    const field = REDACTABLE_FIELDS.find((r) => r === f);
    if (field === undefined)
      return err(
        domainError(
          'INCIDENT_REDACT_UNKNOWN',
          `cannot redact "${f}": the fields are ${REDACTABLE_FIELDS.join(', ')}`,
          { field: 'redact' },
        ),
      );
    redact.add(field);
  }
  const visibility: Visibility | string = input.visibility ?? 'network';
  if (!isVisibility(visibility))
    return err(
      domainError(
        'INCIDENT_VISIBILITY_INVALID',
        `visibility "${visibility}" is not private, network or public`,
        { field: 'visibility' },
      ),
    );
  const caseId = await caseIdOfAction(ctx.store.db, input.actionId);
  const legalCase = caseId === undefined ? undefined : await findCase(ctx.store.db, caseId);
  const action = legalCase?.actions.find((a) => a.id === input.actionId);
  if (legalCase === undefined || action === undefined)
    return err(
      domainError('CASE_ACTION_NOT_FOUND', `no case action "${input.actionId}"`, { field: 'actionId' }),
    );
  const already = await findIncidentByAction(ctx.store.db, action.id);
  if (already)
    return err(
      domainError('INCIDENT_PROMOTION_EXISTS', `action ${action.id} is already incident ${already.id}`, {
        field: 'actionId',
        details: { incidentId: already.id },
      }),
    );
  const organisation = await findOrganisation(ctx.store.db, legalCase.organisationId);
  if (!organisation) throw new Error(`case ${legalCase.id} names a missing organisation`);

  const date =
    action.rulingOn ?? action.servedOn ?? action.proceedingsStartedOn ?? action.hearingOn ?? action.inForceOn;
  if (date === null)
    return err(
      domainError(
        'INCIDENT_DATE_MISSING',
        'the action has no date (ruling, service, proceedings or hearing)',
        { field: 'date' },
      ),
    );
  const placeText = action.place ?? organisation.city;
  const found = placeText === null ? null : findPlace(placeText);
  if (found === null)
    return err(
      domainError(
        'INCIDENT_PLACE_UNKNOWN',
        `the action's place "${placeText ?? ''}" is not in the gazetteer`,
        { field: 'place' },
      ),
    );
  const place =
    redact.has('place') && found.kind === 'city' ? (findPlace(found.region ?? '') ?? found) : found;

  const incident: IncidentInput = {
    date,
    dateTo: date,
    organisation: redact.has('organisation') ? 'Organisation (name withheld)' : organisation.name,
    organisationId: redact.has('organisation') ? null : organisation.id,
    place: place.name,
    latitude: place.latitude,
    longitude: place.longitude,
    country: 'KZ',
    region: place.region,
    authority: redact.has('authority') ? null : action.authority,
    office: redact.has('office') || redact.has('authority') ? null : action.office,
    action: incidentAction(action),
    legalBasis: redact.has('legal-basis') ? null : await legalBasisOf(legalCase.pack, action.article),
    penaltyMci: redact.has('penalty') ? null : (action.penalty?.mci ?? null),
    suspensionMonths: redact.has('penalty') ? null : (action.penalty?.suspensionMonths ?? null),
    outcome: null,
    sources: [],
    notes: redact.has('notes') ? null : action.notes,
    visibility,
    ownerOrganisationId: organisation.id,
  };
  const id = idSequence(ctx.now())();
  await inTransaction(ctx.store, async (store) => {
    await insertIncidents(store.db, [
      { ...incident, id, createdAt: ctx.now().toISOString(), sourceActionId: action.id },
    ]);
    await appendLogEntry(
      { ...ctx, store },
      {
        org: organisation.id,
        kind: 'incident.promoted',
        subjectId: id,
        content: {
          actionId: action.id,
          caseId: legalCase.id,
          consent: true,
          redacted: [...redact].sort(),
          visibility,
        },
      },
    );
  });
  const stored = await getIncident(ctx.store.db, id);
  if (!stored) throw new Error('incident vanished after insert');
  return ok(stored);
}
