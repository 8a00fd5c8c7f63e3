import { systemActor } from '../audit/with-audit.ts';
import { grantMembership } from '../accounts/memberships.ts';
import { createNetwork } from '../accounts/networks.ts';
import { createUser } from '../accounts/users.ts';
import type { DemoStep } from './seed-demo.ts';

/** The password of every demo account (printed by `npm start`; the README lists the accounts). */
export const DEMO_PASSWORD = 'civic-demo-2021';

/**
 * One demo account per role, named as a Kazakh organisation's staff write their names. The admin runs every demo organisation; the accountant and the
 * viewer work for Echo only; the lawyer defends four of the organisations; the monitor works at
 * KIBHR, which is in the demo network with the others, so it sees what they share with the network.
 */
export const DEMO_ACCOUNTS = [
  {
    email: 'admin@demo.civicledger.org',
    name: 'Айгерим Сапарова',
    role: 'admin',
    organisations: ['echo', 'erkindik', 'kibhr', 'ili', 'lmc', 'medianet', 'kadir'],
    instanceAdmin: true,
  },
  {
    email: 'accountant@demo.civicledger.org',
    name: 'Дана Ахметова',
    role: 'accountant',
    organisations: ['echo'],
    instanceAdmin: false,
  },
  {
    email: 'lawyer@demo.civicledger.org',
    name: 'Ерлан Жумабаев',
    role: 'lawyer',
    organisations: ['echo', 'erkindik', 'kibhr', 'ili'],
    instanceAdmin: false,
  },
  {
    email: 'monitor@demo.civicledger.org',
    name: 'Сауле Нурланова',
    role: 'monitor',
    organisations: ['kibhr'],
    instanceAdmin: false,
  },
  {
    email: 'viewer@demo.civicledger.org',
    name: 'Тимур Касымов',
    role: 'viewer',
    organisations: ['echo'],
    instanceAdmin: false,
  },
] as const;

export const DEMO_NETWORK_NAME = 'Сеть гражданского пространства Казахстана';

export const seedDemoAccounts: DemoStep = {
  name: 'accounts',
  async run(ctx, state) {
    const actor = systemActor('demo-seed');
    let memberships = 0;
    for (const a of DEMO_ACCOUNTS) {
      const user = await createUser(ctx, actor, {
        email: a.email,
        name: a.name,
        password: DEMO_PASSWORD,
        instanceAdmin: a.instanceAdmin,
      });
      if (!user.ok) throw new Error(`demo account ${a.email}: ${user.error.message}`);
      for (const key of a.organisations) {
        const organisationId = state.organisations.get(key);
        if (!organisationId) continue;
        const m = await grantMembership(ctx, actor, { organisationId, email: a.email, role: a.role });
        if (!m.ok) throw new Error(`demo membership ${a.email} in ${key}: ${m.error.message}`);
        memberships++;
      }
    }
    const net = await createNetwork(ctx, actor, {
      name: DEMO_NETWORK_NAME,
      organisationIds: [...state.organisations.values()],
    });
    if (!net.ok) throw new Error(`demo network: ${net.error.message}`);
    return { accounts: DEMO_ACCOUNTS.length, memberships, networks: 1 };
  },
};
