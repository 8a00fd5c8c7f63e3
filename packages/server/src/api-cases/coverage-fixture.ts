// The world the coverage table runs in (imported by tests only): one server per dialect on the demo
// data (the 2020–21 case: seven organisations, ledgers, filings, cases, incidents, one account per
// role), plus an outsider (admin of another organisation only), a spare account for cases that change
// an account, rates, a private incident of another organisation, a prepared draft filing and briefs.
import {
  createIncident,
  DEMO_PASSWORD,
  grantMembership,
  importRates,
  listCasesOf,
  listFilings,
  listForeignCandidates,
  listObligations,
  organisations,
  prepareFiling,
  publishBrief,
  seedDemo,
  systemActor,
  users,
  type DialectName,
} from '@civic/app';
import { TEST_PASSWORD, testWorld, type TestClient, type TestWorld } from '../http-test-kit.ts';

export type Who =
  'admin' | 'accountant' | 'lawyer' | 'monitor' | 'viewer' | 'outsider' | 'spare' | 'anonymous';

export const SPARE_EMAIL = 'spare@coverage.test';
export const OUTSIDER_EMAIL = 'outsider@coverage.test';
/** Words only the other organisation's private incident contains. */
export const PRIVATE_MARKER = 'lmcprivatemarker';
export const WAVE_REPLICATIONS = 99;
export { DEMO_PASSWORD, TEST_PASSWORD };

export interface CoverageFixture {
  readonly dialect: DialectName;
  readonly world: TestWorld;
  /** Echo (the organisation the cases act on), KIBHR (where the monitor works), LMC (the outsider's). */
  readonly org: { readonly echo: string; readonly kibhr: string; readonly lmc: string };
  readonly ids: {
    readonly spare: string;
    readonly caseId: string;
    /** A submitted filing of Echo. */
    readonly filingId: string;
    /** A draft filing of Echo (for the submission route). */
    readonly draftId: string;
    /** An obligation of Echo with no filing (for preparing one). */
    readonly missedObligation: string;
    readonly candidateToConfirm: string;
    readonly candidateToReject: string;
    readonly waveId: string;
    /** An unpublished brief, one for the publish route, and a published one. */
    readonly briefId: string;
    readonly briefToPublish: string;
    readonly publishedBrief: string;
    /** A brief whose summary is edited, and a published one taken back. */
    readonly briefToEdit: string;
    readonly briefToUnpublish: string;
    /** A public incident of KIBHR (the monitor's), one to change, and the other organisation's private one. */
    readonly incident: string;
    readonly incidentToChange: string;
    readonly privateIncident: string;
  };
  /** Default path parameters. */
  readonly params: Readonly<Record<string, string>>;
  /** A signed-in client (`spare` gets a fresh session each time; `anonymous` has none). */
  client(who: Who): Promise<TestClient>;
  close(): Promise<void>;
}

function must<T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }, what: string): T {
  if (!r.ok) throw new Error(`coverage fixture: ${what}: ${r.error.message}`);
  return r.value;
}

export async function coverageFixture(dialect: DialectName): Promise<CoverageFixture> {
  const world = await testWorld(dialect);
  const { ctx } = world;
  await seedDemo(ctx);
  const orgs = await organisations(ctx);
  const orgNamed = (name: string): string => orgs.find((o) => o.name === name)?.id ?? '';
  const org = {
    echo: orgNamed('Echo'),
    kibhr: orgNamed('Kazakhstan International Bureau for Human Rights'),
    lmc: orgNamed('Legal Media Center'),
  };

  const accounts = await users(ctx);
  const demoId = (role: string): string =>
    accounts.find((u) => u.email === `${role}@demo.civicledger.org`)?.id ?? '';
  const outsider = await world.user(OUTSIDER_EMAIL, { [org.lmc]: 'admin' });
  const spare = await world.user(SPARE_EMAIL, {});
  const cached = new Map<Who, TestClient>();
  const client = async (who: Who): Promise<TestClient> => {
    if (who === 'anonymous') return world.anonymous;
    if (who === 'spare') return world.client(spare, SPARE_EMAIL);
    const hit = cached.get(who);
    if (hit) return hit;
    const made =
      who === 'outsider'
        ? await world.client(outsider, OUTSIDER_EMAIL)
        : await world.client(demoId(who), `${who}@demo.civicledger.org`);
    cached.set(who, made);
    return made;
  };

  must(
    await importRates(ctx, {
      bytes: Buffer.from('date,currency,rate,units\n2021-03-09,USD,420.50,1\n2021-03-10,USD,421.07,1\n'),
      fileName: 'rates.csv',
    }),
    'rates',
  );
  const privateIncident = must(
    await createIncident(ctx, {
      date: '2020-11-20',
      organisation: 'Someone',
      place: 'Almaty',
      action: 'inspection',
      visibility: 'private',
      org: org.lmc,
      notes: PRIVATE_MARKER,
    }),
    'private incident',
  ).id;
  // Dated apart from the demo's waves, so that the waves found stay the same.
  const kibhrIncident = async (): Promise<string> =>
    must(
      await createIncident(ctx, {
        date: '2019-06-03',
        organisation: 'Echo',
        place: 'Uralsk',
        action: 'summons',
        org: org.kibhr,
      }),
      'incident',
    ).id;
  const candidates = await listForeignCandidates(ctx, org.echo, 'proposed');
  const obligations = must(
    await listObligations(ctx, { org: org.echo, asOf: '2021-12-31' }),
    'obligations',
  ).obligations.filter((o) => o.filingId === null);
  const draft = must(
    await prepareFiling(ctx, { org: org.echo, obligationId: obligations[1]?.id }),
    'draft filing',
  );
  const filings = must(await listFilings(ctx, { org: org.echo }), 'filings');
  const cases = must(await listCasesOf(ctx, org.echo), 'cases');
  if (candidates.length < 2 || obligations.length < 2 || !cases[0])
    throw new Error('coverage fixture: the demo data lacks candidates, missed obligations or cases');

  // Briefs are written through the route (it picks the waves the monitor may see).
  const monitor = await client('monitor');
  const waves = (await monitor.request('GET', `/api/v1/waves?replications=${WAVE_REPLICATIONS}`)).json() as {
    waves: { id: string }[];
  };
  const waveId = waves.waves[0]?.id ?? '';
  const brief = async (): Promise<string> => {
    const res = await monitor.request('POST', '/api/v1/briefs', { waveId, replications: WAVE_REPLICATIONS });
    if (res.statusCode !== 201) throw new Error(`coverage fixture: brief: ${res.body}`);
    return (res.json() as { id: string }).id;
  };

  const ids = {
    spare,
    caseId: cases[0].id,
    filingId: filings.find((x) => x.state === 'submitted')?.id ?? '',
    draftId: draft.id,
    missedObligation: obligations[0]?.id ?? '',
    candidateToConfirm: candidates[0]?.id ?? '',
    candidateToReject: candidates[1]?.id ?? '',
    waveId,
    briefId: await brief(),
    briefToPublish: await brief(),
    publishedBrief: await brief(),
    briefToEdit: await brief(),
    briefToUnpublish: await brief(),
    incident: await kibhrIncident(),
    incidentToChange: await kibhrIncident(),
    privateIncident,
  };
  must(await publishBrief(ctx, ids.publishedBrief), 'published brief');
  must(await publishBrief(ctx, ids.briefToUnpublish), 'brief to take back');
  return {
    dialect,
    world,
    org,
    ids,
    params: {
      orgId: org.echo,
      caseId: ids.caseId,
      actionId: cases[0].actions[0]?.id ?? '',
      filingId: ids.filingId,
      candidateId: ids.candidateToConfirm,
      briefId: ids.briefId,
      userId: spare,
      '*': 'index.html',
    },
    client,
    close: () => world.close(),
  };
}

/** Makes the spare account a viewer of Echo (for routes that remove a member). */
export async function spareInEcho(f: CoverageFixture): Promise<void> {
  must(
    await grantMembership(f.world.ctx, systemActor('coverage'), {
      organisationId: f.org.echo,
      email: SPARE_EMAIL,
      role: 'viewer',
    }),
    'spare membership',
  );
}
