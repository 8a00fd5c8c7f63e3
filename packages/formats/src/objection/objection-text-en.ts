import type { ObjectionTemplate } from './objection-templates.ts';
import { periodIn } from './objection-words.ts';

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export const OBJECTION_EN: ObjectionTemplate = {
  titleComplaint:
    'COMPLAINT against the ruling No. {number} of {date} in a case of an administrative offence',
  titleObjection: 'OBJECTION in a case of an administrative offence',
  illustrative: 'ILLUSTRATIVE: some facts of this case are not from a public source (demo data).',
  from: 'Applicant',
  bin: 'BIN',
  unknownAuthority: '(authority to be named)',
  intro:
    '{organisation} objects to the proceedings against it for the reasons below and asks that they be ended.',
  factsHeading: 'I. Facts',
  groundsHeading: 'II. Grounds',
  noGrounds: 'The check found no ground; the lawyer adds the grounds here.',
  requestHeading: 'I REQUEST:',
  groundToWrite: '(the lawyer states this ground here)',
  allegationToWrite: '(the lawyer states the allegation from the ruling)',
  conditional: 'If the official text of the law confirms the rule relied on here,',
  lawyerNoteHeading:
    'NOTE FOR THE LAWYER (not part of the complaint; delete before filing). Check before filing:',
  lawyerNoteEnd: '— end of the note —',
  toCourt: 'To: the specialised inter-district administrative court of {place}',
  toHigherOfficial: 'To: the higher official of {authority}',
  address: 'address',
  respondent: 'Body that issued the ruling',
  rulingComplained:
    'Ruling complained of: the ruling No. {number} of {date} in a case of an administrative offence, issued by {official}',
  blankNumber: '____',
  blankOfficial: '____________________ (position and name of the official)',
  illustrativeMark: '(illustrative)',
  restorationHeading: 'Request to restore the missed time limit',
  restoration:
    'The time limit for this complaint ended on {date}. The applicant asks that it be restored, because the ruling and the grounds of this complaint became known to it only later; the reasons and their evidence are set out by the lawyer.',
  requestRestore: 'To restore the missed time limit for filing this complaint {basis}.',
  requestAnnul: 'To annul the ruling No. {number} of {date} and every penalty it imposed {basis}.',
  requestTerminateLimitation:
    'To terminate the proceedings in the case of the administrative offence because the limitation period for administrative liability has expired {basis}.',
  requestTerminate: 'To terminate the proceedings in the case of the administrative offence {basis}.',
  requestLiftSuspension: "To lift the suspension of the organisation's activity {basis}.",
  annexCopyRuling: 'A copy of the ruling complained of.',
  annexesHeading: 'Annexes:',
  registerHeading: 'Annex: register of the reports filed',
  registerRow: 'Date filed; form; reporting period; incoming number; sha256 hash',
  signatureBlock: 'Head of the organisation: ____________________ (position, name)',
  incoming: 'incoming no.',
  basis: 'Legal basis',
  noCitation: "the organisation's own records",
  undated: 'Undated',
  factArticle: '{article}, {tier}',
  factAllegation: 'Alleged: {what}',
  factCommitted: 'Alleged offence date: {date}',
  factFine: 'Fine: {mci} MCI = {amount} {currency}',
  factSuspension: 'Suspension of activity: {months}',
  actionKinds: {
    notice: 'notice',
    summons: 'summons',
    inspection: 'inspection',
    protocol: 'protocol on an administrative offence',
    ruling: 'ruling',
    suspension: 'suspension of activity',
    appeal: 'appeal',
    'court-decision': 'court decision',
    withdrawal: 'withdrawal of the charges',
    payment: 'payment of the fine',
  },
  grounds: {
    LIMITATION_EXPIRED:
      'the limitation period has expired: the alleged offence dates from {startsOn}; the period of {period} ended on {expiresOn}, before {evaluatedOn}. No administrative liability may be imposed after it.',
    LIMITATION_EXPIRED_IF_NOT_CONTINUING:
      'the limitation period has expired: the alleged offence dates from {startsOn}; the period of {period} ended on {expiresOn}, before {evaluatedOn}. An offence that consists in not meeting a duty by a set day is not a continuing one, and the period counts from the day it was committed.',
    OFFENCE_NOT_IN_FORCE:
      'on {committedOn}, the date of the alleged offence, the provision relied on was not in force (it applies from {inForceFrom}).',
    PENALTY_AMOUNT_MISMATCH:
      'the fine imposed, {imposed} {currency}, exceeds the lawful amount: {mci} MCI at the {year} value of {value} {currency} gives {expected} {currency}.',
    PENALTY_MCI_WRONG_YEAR:
      'the fine was computed with the MCI of {usedYear}; the law requires the MCI in force when proceedings began ({mciDate}), that of {lawfulYear}.',
    PENALTY_NOT_MULTIPLE_OF_TIER:
      'a fine of {mci} MCI is not one the provision allows: it sets {tierMci} MCI.',
    SUSPENSION_NOT_PROVIDED:
      'a suspension of {months} month(s) was imposed, but the provision applied ("{tier}") provides no suspension of activity.',
    SUSPENSION_TOO_LONG:
      'a suspension of {months} month(s) was imposed; the provision applied allows at most {maxMonths}.',
    REPEAT_WITHOUT_PRIOR_PENALTY:
      'the provision on a repeated offence was applied, but no final penalty was imposed on the organisation within {window} before the alleged offence ({committedOn}).',
    RECORD_CONTRADICTS_ALLEGATION:
      "the organisation's records show that the report on form {form} was filed on {submittedOn} and that its content as recorded when filed matches the ledger as kept (row {row} of the annexed register). This shows that the report was not changed after filing and supports the organisation's position.",
  },
  alternativeContinuing:
    'Should the court consider the offence a continuing one, the limitation period counted from its discovery ({alternativeStartsOn}) also ended on {alternativeExpiresOn}, before {evaluatedOn}.',
  sourcePhrases: {
    'official-text': 'The rule was checked against the official text',
    'public-source': 'The rule is cited from a public source',
    derived: 'Derived from facts confirmed in sources',
    unconfirmed: 'The rule is unconfirmed: check it against the official text',
  },
  note: {
    groundUnverified:
      'Ground {n} ({cite}) is not finally confirmed and is worded conditionally: check the rule against the official text',
    openQuestion: 'Open question the limitation ground depends on: {text}',
    deadline: 'The complaint deadline ({cite}) is unconfirmed and has two readings: {readings}',
    deadlineReading: 'counting {count}, the last day is {date}',
    deadlineAct: 'File no later than the earlier date: {date}',
    restorationRule:
      'The rule on restoring a missed time limit ({cite}) is unconfirmed: check it against the official text',
    continuing:
      'If the offence is held to be continuing, the limitation period from its discovery ({startsOn}) ends on {expiresOn}, after the ruling: the limitation ground then fails',
    blankNumber: "The ruling's number is not in the case data: fill it in from the ruling",
    blankOfficial: 'The official who issued the ruling is not in the case data: fill it in from the ruling',
    offencePart:
      "The part of the article ({cite}) the ruling applied is unconfirmed: the article's text is not verified; give the part from the ruling",
    untranslated: 'The name “{text}” is not in the rule pack’s vocabulary: write it in English',
  },
  onBasis: (cites) => (cites.length === 0 ? '' : `under ${cites.join(', ')}`),
  dayCount: (days, kind) => `${plural(days, `${kind} day`)}`,
  months: (n) => plural(n, 'month'),
  period: (iso) => periodIn(iso, (n, u) => plural(n, u === 'Y' ? 'year' : u === 'M' ? 'month' : 'day')),
};
