import { formatLongDate, isLocale, labelOf, ROLE_LABELS, type Locale, type Role } from '@civic/core';
import { DEFAULT_MAIL_FROM } from '../notifications/deliver-outbox.ts';
import { smtpSender } from '../notifications/mail-transport.ts';

export interface InvitationMail {
  readonly to: string;
  readonly link: string;
  readonly organisationName: string;
  readonly role: Role;
  /** The instant the link stops working (ISO); written as its day in words. */
  readonly expiresAt: string;
  readonly locale: string;
}

const TEXTS: Record<
  Locale,
  (m: { org: string; role: string; until: string; link: string }) => { subject: string; body: string }
> = {
  en: (m) => ({
    subject: `Invitation to ${m.org} in CivicLedger`,
    body: `You are invited to join ${m.org} in CivicLedger as ${m.role}.\n\nOpen this link to set your password (it works until ${m.until}):\n${m.link}\n`,
  }),
  ru: (m) => ({
    subject: `Приглашение в «${m.org}» в CivicLedger`,
    body: `Вас приглашают в организацию «${m.org}» в CivicLedger; роль: ${m.role}.\n\nОткройте ссылку, чтобы задать пароль (она действует до ${m.until}):\n${m.link}\n`,
  }),
  kk: (m) => ({
    subject: `CivicLedger жүйесіндегі «${m.org}» ұйымына шақыру`,
    body: `Сізді CivicLedger жүйесіндегі «${m.org}» ұйымына шақырады; рөлі: ${m.role}.\n\nҚұпиясөз орнату үшін сілтемені ашыңыз (жарамдылық мерзімі: ${m.until}):\n${m.link}\n`,
  }),
};

const escapeHtml = (s: string): string =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);

/** The subject and plain text of an invitation e-mail in the inviter's language. */
export function renderInvitationMail(m: InvitationMail): { subject: string; text: string } {
  const locale: Locale = isLocale(m.locale) ? m.locale : 'en';
  const t = TEXTS[locale]({
    org: m.organisationName,
    role: labelOf(ROLE_LABELS, m.role, locale),
    until: formatLongDate(locale, m.expiresAt.slice(0, 10)),
    link: m.link,
  });
  return { subject: t.subject, text: t.body };
}

/**
 * E-mails an invitation over SMTP_URL. Returns false (nothing sent) when no SMTP is configured or
 * the send fails: the admin then copies the link shown to them. Never throws.
 */
export async function mailInvitation(
  settings: { readonly smtpUrl?: string | undefined; readonly from?: string | undefined },
  m: InvitationMail,
): Promise<boolean> {
  if (!settings.smtpUrl || settings.smtpUrl.trim() === '') return false;
  const sender = smtpSender(settings.smtpUrl);
  if (!sender.ok) return false;
  const { subject, text } = renderInvitationMail(m);
  try {
    await sender.value.send({
      from: settings.from ?? DEFAULT_MAIL_FROM,
      to: m.to,
      subject,
      text,
      html: `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>`,
      ics: null,
    });
    return true;
  } catch {
    return false;
  } finally {
    sender.value.close();
  }
}
