/**
 * HTTP shape of an obligation's check before a filing is prepared (issue 13): the filing lint's
 * problems, each with its label and message in the request's language and the records at fault,
 * so the page opens the form that fixes one and checks again.
 */
import { Type, type Static } from 'typebox';

export const ObligationCheckParams = Type.Object({
  orgId: Type.String({ maxLength: 100 }),
  obligationId: Type.String({ minLength: 1, maxLength: 200 }),
});

export const LintRecordRef = Type.Object({
  kind: Type.String({ description: 'receipt, expenditure, grant, source, obligation, …' }),
  id: Type.String(),
});

export const CheckProblem = Type.Object({
  code: Type.String(),
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  label: Type.String({ description: "The code's label in the request's language" }),
  message: Type.String({ description: "The problem in the request's language" }),
  records: Type.Array(LintRecordRef),
});

export const ObligationCheck = Type.Object({
  obligationId: Type.String(),
  asOf: Type.String({ description: "Today in the pack's time zone, the day it was checked on" }),
  errors: Type.Integer(),
  warnings: Type.Integer(),
  problems: Type.Array(CheckProblem),
});
export type ObligationCheck = Static<typeof ObligationCheck>;
