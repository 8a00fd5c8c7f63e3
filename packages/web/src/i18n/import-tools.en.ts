/** English strings of the import page's field aliases, the owner check and the journal download (issue 13; spread into en.ts). */
export const importToolsEn = {
  'preview.period': 'Period',
  'preview.periodRange': '{from} – {to}',
  'preview.otherOwnerBin': 'This statement is for BIN {bin}, not for {org}: check that it is the right file.',
  'alias.title': 'Fields this bank names its own way',
  'alias.intro':
    'The file has fields the import does not read. If one of them holds what a known field holds (the amount, the date…), say which: the name is saved for this organisation’s later imports.',
  'alias.field': '«{field}» (line {line})',
  'alias.treatAs': 'Treat «{field}» as',
  'alias.choose': 'choose a field',
  'alias.save': 'Save and preview again',
  'alias.saved': 'Saved: «{field}» is read as {target}.',
  'alias.savedList': 'Saved field names of this organisation’s banks',
  'alias.remove': 'Remove',
  'export.title': 'Download the journal',
  'export.intro':
    'The books as a journal for ledger-cli, hledger or Beancount (to check the balances with tools you trust), or as CSV.',
  'export.format': 'Format',
  'export.scope': 'What to include',
  'export.scopeFunding': 'Foreign funding: receipts, expenditures and their grants',
  'export.scopeAll': 'Everything: every bank line too',
  'export.download': 'Download',
} as const;
