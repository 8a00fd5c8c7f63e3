import {
  AUTHORITY_TYPE_LABELS,
  authorityTypeOf,
  labelOf,
  OFFENDER_KIND_LABELS,
  plainDecimal,
  type CaseAction,
  type LegalCase,
  type Locale,
} from '@civic/core';

/** The date an action happened on, for ordering and display: ruling, else hearing, service, proceedings. */
export const actionDate = (a: CaseAction) =>
  a.rulingOn ?? a.hearingOn ?? a.servedOn ?? a.proceedingsStartedOn ?? a.inForceOn ?? null;

/**
 * An action as JSON: amounts as decimal strings with their currency. The authority's name stays as
 * entered; `authorityType` is the kind of authority it names (a code of AUTHORITY_TYPES, null when
 * not recognised). Given a language, `authorityTypeLabel` and `offenderLabel` are in it.
 */
export function actionView(a: CaseAction, lang?: Locale) {
  const authorityType = authorityTypeOf(a.authority);
  return {
    id: a.id,
    kind: a.kind,
    date: actionDate(a),
    authority: a.authority,
    authorityType,
    ...(lang
      ? {
          authorityTypeLabel: authorityType ? labelOf(AUTHORITY_TYPE_LABELS, authorityType, lang) : null,
          offenderLabel: a.offender ? labelOf(OFFENDER_KIND_LABELS, a.offender, lang) : null,
        }
      : {}),
    office: a.office,
    place: a.place,
    servedOn: a.servedOn,
    proceedingsStartedOn: a.proceedingsStartedOn,
    hearingOn: a.hearingOn,
    rulingOn: a.rulingOn,
    inForceOn: a.inForceOn,
    suspendedUntil: a.suspendedUntil,
    outcome: a.outcome,
    number: a.number ?? null,
    official: a.official ?? null,
    article: a.article,
    tier: a.tier,
    offender: a.offender,
    offence: a.offence,
    penalty: a.penalty
      ? {
          mci: a.penalty.mci,
          amount: a.penalty.amount ? plainDecimal(a.penalty.amount.minor, a.penalty.amount.currency) : null,
          currency: a.penalty.amount?.currency ?? null,
          suspensionMonths: a.penalty.suspensionMonths,
        }
      : null,
    documents: [...a.documents],
    notes: a.notes,
    illustrative: a.illustrative,
  };
}

/** A case in full (`civic case show --json`); given a language, the actions' labels in it. */
export function caseView(c: LegalCase, organisationName?: string, lang?: Locale) {
  return {
    id: c.id,
    title: c.title,
    organisationId: c.organisationId,
    ...(organisationName === undefined ? {} : { organisationName }),
    pack: c.pack,
    status: c.status,
    openedOn: c.openedOn,
    notes: c.notes,
    illustrative: c.illustrative,
    actions: c.actions.map((a) => actionView(a, lang)),
    links: c.links,
  };
}

/** A case in a list (`civic cases --json`). */
export function caseSummary(c: LegalCase, organisationName?: string) {
  const last = c.actions.at(-1);
  return {
    id: c.id,
    title: c.title,
    organisationId: c.organisationId,
    ...(organisationName === undefined ? {} : { organisationName }),
    pack: c.pack,
    status: c.status,
    openedOn: c.openedOn,
    illustrative: c.illustrative,
    actions: c.actions.length,
    lastAction: last ? { kind: last.kind, date: actionDate(last) } : null,
  };
}
