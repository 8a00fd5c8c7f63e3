/** Branded identifiers: a GrantId cannot be passed where a ReceiptId is expected. */
export type Id<Kind extends string> = string & { readonly __id: Kind };

export type OrganisationId = Id<'Organisation'>;
export type SourceId = Id<'Source'>;
export type GrantId = Id<'Grant'>;
export type AccountId = Id<'Account'>;
export type ReceiptId = Id<'Receipt'>;
export type ExpenditureId = Id<'Expenditure'>;
export type BankLineId = Id<'BankLine'>;
export type FilingId = Id<'Filing'>;
export type CaseId = Id<'Case'>;
export type ActionId = Id<'Action'>;
export type IncidentId = Id<'Incident'>;
export type UserId = Id<'User'>;

/** Marks a string as an id of a kind (at input boundaries, after validation). */
export const asId = <Kind extends string>(value: string): Id<Kind> => value as Id<Kind>;
