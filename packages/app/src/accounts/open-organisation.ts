import { binCheckDigitError, domainError, err, localText, ok, type Locale, type Result } from '@civic/core';
import type { Actor } from '../audit/with-audit.ts';
import type { AppContext } from '../context.ts';
import { ensureOrgSigningKey } from '../log/org-signing-key.ts';
import { createOrganisation, organisations, type OrganisationRow } from '../organisations.ts';
import { listRulePacks, loadRulePackSync } from '../rules/load-rule-pack.ts';
import { inviteMember, type InviteOutcome } from './invitations.ts';
import { isEmailAddress } from './users.ts';

/** What the instance admin fills in to open an organisation from the web (issue 13). */
export interface OpenOrganisationInput {
  readonly name: string;
  /**
   * The name in Cyrillic letters where `name` is in Latin ones («ОФ «Эхо»» for "Echo"): kept as an
   * alias, which is where Russian and Kazakh filings and objections take it from (organisationNameIn).
   */
  readonly cyrillicName?: string | null;
  readonly bin?: string | null;
  readonly city?: string | null;
  /** The rule pack's id (`kz`, `in-fcra`): the organisation's country is the pack's jurisdiction. */
  readonly pack: string;
  /** The first organisation admin: invited by e-mail (or added at once when the account exists). */
  readonly adminEmail: string;
}

export interface OpenedOrganisation {
  readonly organisation: OrganisationRow;
  readonly admin: InviteOutcome;
  /** The fingerprint of the signing key made with it (as `civic org key` prints it). */
  readonly fingerprint: string;
}

const CYRILLIC = /[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]/;

function checkInput(input: OpenOrganisationInput): Result<{ cyrillic: string | null; email: string }> {
  if (!input.name.trim())
    return err(domainError('ORG_NAME_REQUIRED', 'organisation name is required', { field: 'name' }));
  const cyrillic = input.cyrillicName?.replace(/\s+/g, ' ').trim() || null;
  if (cyrillic !== null && (!CYRILLIC.test(cyrillic) || /[A-Za-z]/.test(cyrillic) || cyrillic.length > 200))
    return err(
      domainError(
        'ORG_CYRILLIC_NAME_INVALID',
        `"${cyrillic}" must be written in Cyrillic letters (at most 200 characters)`,
        { field: 'cyrillicName' },
      ),
    );
  const bin = input.bin?.trim() ?? '';
  if (bin !== '' && !/^\d{12}$/.test(bin))
    return err(domainError('ORG_BIN_INVALID', `BIN "${bin}" must be 12 digits`, { field: 'bin' }));
  const binDigit = bin === '' ? null : binCheckDigitError(bin, 'bin');
  if (binDigit) return err(binDigit);
  const email = input.adminEmail.trim().toLowerCase();
  if (!isEmailAddress(email))
    return err(
      domainError('USER_EMAIL_INVALID', `"${input.adminEmail}" is not an e-mail address`, {
        field: 'adminEmail',
      }),
    );
  return ok({ cyrillic, email });
}

/**
 * Opens an organisation the way `civic init --org` does — through the same `createOrganisation`,
 * which makes its signing key with it — and invites its first admin with the members' invitation
 * mechanism. Everything is checked before anything is written; the organisation's creation and the
 * invitation are each audited with the actor.
 */
export async function openOrganisation(
  ctx: AppContext,
  actor: Actor,
  input: OpenOrganisationInput,
): Promise<Result<OpenedOrganisation>> {
  const checked = checkInput(input);
  if (!checked.ok) return checked;
  const pack = (await listRulePacks()).find((p) => p.valid && p.id === input.pack.trim());
  if (!pack?.jurisdiction)
    return err(domainError('ORG_PACK_INVALID', `no valid rule pack "${input.pack}"`, { field: 'pack' }));
  const created = await createOrganisation(
    { ...ctx, actor },
    {
      name: input.name,
      bin: input.bin?.trim() || null,
      city: input.city?.trim() || null,
      country: pack.jurisdiction,
      aliases: checked.value.cyrillic ? [checked.value.cyrillic] : [],
    },
  );
  if (!created.ok) return created;
  const key = await ensureOrgSigningKey(ctx, created.value.id);
  if (!key.ok) return key;
  const admin = await inviteMember(ctx, actor, {
    organisationId: created.value.id,
    email: checked.value.email,
    role: 'admin',
  });
  if (!admin.ok) return err({ ...admin.error, field: 'adminEmail' });
  return ok({ organisation: created.value, admin: admin.value, fingerprint: key.value.fingerprint });
}

/**
 * The valid rule packs an organisation may be opened under, named in `locale` (the web's form): the
 * pack of the country most of this server's organisations are in first, so the form's default is
 * the usual one (Kazakhstan on a Kazakh server), then by id.
 */
export async function rulePackOptions(
  ctx: AppContext,
  locale: Locale,
): Promise<{ id: string; name: string; jurisdiction: string }[]> {
  const options: { id: string; name: string; jurisdiction: string }[] = [];
  for (const p of await listRulePacks()) {
    const pack = p.valid ? loadRulePackSync(p.id) : undefined;
    if (pack?.ok)
      options.push({
        id: p.id,
        name: localText(pack.value.name, locale),
        jurisdiction: pack.value.jurisdiction,
      });
  }
  const countries = new Map<string, number>();
  for (const o of await organisations(ctx)) countries.set(o.country, (countries.get(o.country) ?? 0) + 1);
  const used = (o: { jurisdiction: string }) => countries.get(o.jurisdiction) ?? 0;
  return options.sort((a, b) => used(b) - used(a) || a.id.localeCompare(b.id));
}
