import { findTier, fineUnitFor, type DueMessage, type RulePack } from '@civic/core';
import type { MissedConsequence, RenderNotificationOptions } from '@civic/formats';
import type { AppContext } from '../context.ts';
import { organisations } from '../organisations.ts';
import { organisationsByPack } from './notification-sources.ts';

/** APP_URL without its trailing slash (default http://localhost:8080). */
export const appUrlOf = (appUrl: string | undefined): string =>
  (appUrl && appUrl.trim() !== '' ? appUrl.trim() : 'http://localhost:8080').replace(/\/+$/, '');

/** The likely fine for a missed obligation: the pack's tier for it, in the fine unit of the due day's year. */
export function missedConsequence(pack: RulePack, m: DueMessage): MissedConsequence | null {
  const rule = pack.missedObligation;
  if (!rule || m.kind !== 'obligation') return null;
  const tier = findTier(pack, rule.offence, rule.tier, m.dueOn);
  const units = tier?.tier.fine['legal-entity'];
  const unit = fineUnitFor(pack, m.dueOn);
  if (units === null || units === undefined || !unit.ok) return null;
  return {
    units,
    unitCode: unit.value.code,
    amountMinor: unit.value.minor * BigInt(units),
    currency: unit.value.currency,
    article: rule.offence,
  };
}

/** What the renderer needs to know of the database: organisation names, each organisation's pack. */
export async function renderOptions(ctx: AppContext, appUrl: string): Promise<RenderNotificationOptions> {
  const names = new Map((await organisations(ctx)).map((o) => [o.id, o.name]));
  const packs = new Map<string, RulePack>();
  for (const g of await organisationsByPack(ctx)) for (const o of g.organisations) packs.set(o.id, g.pack);
  return {
    appUrl,
    now: ctx.now(),
    organisationName: (id) => names.get(id) ?? '',
    consequence: (m) => {
      const pack = m.organisationId ? packs.get(m.organisationId) : undefined;
      return pack ? missedConsequence(pack, m) : null;
    },
  };
}
