/** English strings of opening an organisation, pending invitations' actions, budget lines, brief versions. */
export const organisationsEn = {
  'nav.newOrganisation': 'New organisation',
  'newOrg.title': 'Open an organisation',
  'newOrg.intro':
    'The organisation gets its own ledger, filings and signing key. Its first admin is invited by e-mail and then invites the others.',
  'newOrg.name': 'Name',
  'newOrg.cyrillicName': 'Name in Cyrillic letters (for Russian and Kazakh documents)',
  'newOrg.bin': 'BIN (12 digits)',
  'newOrg.city': 'City',
  'newOrg.pack': 'Rule pack (the law it reports under)',
  'newOrg.adminEmail': 'E-mail of its first admin',
  'newOrg.submit': 'Open the organisation',
  'newOrg.working': 'Opening…',
  'newOrg.done': '«{name}» is open. Its signing key fingerprint: {fingerprint}.',
  'members.cancelInvitation': 'Cancel',
  'members.resendInvitation': 'Send again',
  'members.invitationCancelled': 'The invitation for {email} is cancelled: its link no longer works.',
  'members.invitationResent': 'A new link for {email}; the old one no longer works.',
};
