import { PostgresAdapter, sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { IncidentCounts, IncidentViewer } from './incident-query.ts';
import type { Database } from './schema.ts';

// The maintained counts of the incident summary (migration 720): incidents per first day and per
// place with coordinates, split by who may see them. Every write of the incident table keeps them
// in its own transaction: the bulk writer adds its rows' counts once per batch of groups
// (IncidentCountDeltas), a delete or a change of visibility takes one incident out of its groups.
// The whole-database summary of any viewer then sums a few thousand rows instead of counting a
// million incidents.

/** What the counts of one incident depend on. */
export interface CountedIncident {
  readonly seq: bigint;
  readonly date: string;
  readonly place: string;
  readonly latitude: number | null;
  readonly longitude: number | null;
  readonly visibility: string;
  readonly ownerOrganisationId?: string | null | undefined;
}

interface DayGroup {
  readonly visibility: string;
  readonly owner: string;
  readonly day: string;
  n: number;
}
interface PlaceGroup {
  readonly visibility: string;
  readonly owner: string;
  readonly place: string;
  readonly latitude: number;
  readonly longitude: number;
  n: number;
  latest: bigint;
}

interface Scope {
  readonly visibility: string;
  readonly owner: string;
  readonly days: Map<string, DayGroup>;
  readonly places: Map<string, PlaceGroup[]>;
}

/** Groups held before they are written (a file of distinct places must not grow the maps without bound). */
const MAX_GROUPS = 20_000;
/** Rows per upsert statement (7 parameters each: below both dialects' limits). */
const ROWS_PER_UPSERT = 1_000;

/**
 * New incidents' counts gathered in memory by group and added to the tables by `flush` (one
 * upsert per thousand groups); the writer flushes after a batch once `full`, and at its finish.
 */
export class IncidentCountDeltas {
  /** Per visibility and owner: groups by day, and by place (each place's coordinate variants). */
  private readonly scopes = new Map<string, Scope>();
  private last: Scope | undefined;
  private held = 0;

  constructor(private readonly db: Kysely<Database>) {}

  get full(): boolean {
    return this.held >= MAX_GROUPS;
  }

  add(i: Omit<CountedIncident, 'seq'>, seq: bigint): void {
    const owner = i.ownerOrganisationId ?? '';
    this.addGroup(i.visibility, owner, seq, i.date, i.place, i.latitude, i.longitude);
  }

  /** add() of an incident given by its fields (a row's values, with no object for it). */
  addGroup(
    visibility: string,
    owner: string,
    seq: bigint,
    date: string,
    placeName: string,
    latitude: number | null,
    longitude: number | null,
  ): void {
    const scope = this.scopeOf(visibility, owner);
    const day = scope.days.get(date);
    if (day === undefined) {
      scope.days.set(date, { visibility: scope.visibility, owner: scope.owner, day: date, n: 1 });
      this.held += 1;
    } else day.n += 1;
    if (latitude === null || longitude === null) return;
    let variants = scope.places.get(placeName);
    if (variants === undefined) scope.places.set(placeName, (variants = []));
    const place = variants.find((v) => v.latitude === latitude && v.longitude === longitude);
    if (place === undefined) {
      variants.push({ visibility, owner, place: placeName, latitude, longitude, n: 1, latest: seq });
      this.held += 1;
    } else {
      place.n += 1;
      if (seq > place.latest) place.latest = seq;
    }
  }

  private scopeOf(visibility: string, owner: string): Scope {
    const last = this.last;
    if (last !== undefined && last.visibility === visibility && last.owner === owner) return last;
    const key = `${visibility}\u0000${owner}`;
    let scope = this.scopes.get(key);
    if (scope === undefined) {
      scope = { visibility, owner, days: new Map(), places: new Map() };
      this.scopes.set(key, scope);
    }
    this.last = scope;
    return scope;
  }

  /** Adds the groups held to the tables (call it before the transaction commits). */
  async flush(): Promise<void> {
    const days = [...this.scopes.values()].flatMap((s) => [...s.days.values()]);
    const places = [...this.scopes.values()].flatMap((s) => [...s.places.values()].flat());
    this.scopes.clear();
    this.last = undefined;
    this.held = 0;
    for (let at = 0; at < days.length; at += ROWS_PER_UPSERT)
      await this.db
        .insertInto('incident_day_count')
        .values(days.slice(at, at + ROWS_PER_UPSERT))
        .onConflict((oc) =>
          oc
            .columns(['visibility', 'owner', 'day'])
            .doUpdateSet({ n: sql`incident_day_count.n + excluded.n` }),
        )
        .execute();
    const greatest = isPostgres(this.db) ? sql.raw('greatest') : sql.raw('max');
    for (let at = 0; at < places.length; at += ROWS_PER_UPSERT)
      await this.db
        .insertInto('incident_place_count')
        .values(places.slice(at, at + ROWS_PER_UPSERT))
        .onConflict((oc) =>
          oc.columns(['visibility', 'owner', 'place', 'latitude', 'longitude']).doUpdateSet({
            n: sql`incident_place_count.n + excluded.n`,
            latest: sql`${greatest}(incident_place_count.latest, excluded.latest)`,
          }),
        )
        .execute();
  }
}

/**
 * Takes one incident out of its groups' counts, after the incident row itself was deleted or moved
 * to other groups (in the same transaction): a group left empty is removed, and a place whose
 * newest incident it was gets the newest of those left.
 */
export async function removeIncidentCounts(db: Kysely<Database>, i: CountedIncident): Promise<void> {
  const owner = i.ownerOrganisationId ?? '';
  const day = [
    sql<SqlBool>`visibility = ${i.visibility}`,
    sql<SqlBool>`owner = ${owner}`,
    sql<SqlBool>`day = ${i.date}`,
  ];
  await db
    .updateTable('incident_day_count')
    .set({ n: sql`n - 1` })
    .where(every(day))
    .execute();
  await db
    .deleteFrom('incident_day_count')
    .where(every([...day, sql<SqlBool>`n <= 0`]))
    .execute();
  if (i.latitude === null || i.longitude === null) return;
  const at = [
    sql<SqlBool>`place = ${i.place}`,
    sql<SqlBool>`latitude = ${i.latitude}`,
    sql<SqlBool>`longitude = ${i.longitude}`,
    sql<SqlBool>`visibility = ${i.visibility}`,
  ];
  const newest = await db
    .selectFrom('incident')
    .select(sql<bigint | number | null>`max(seq)`.as('latest'))
    .where(
      every([
        ...at,
        owner === ''
          ? sql<SqlBool>`owner_organisation_id is null`
          : sql<SqlBool>`owner_organisation_id = ${owner}`,
      ]),
    )
    .executeTakeFirst();
  const group = every([...at, sql<SqlBool>`owner = ${owner}`]);
  const latest = newest?.latest ?? null;
  if (latest === null) await db.deleteFrom('incident_place_count').where(group).execute();
  else
    await db
      .updateTable('incident_place_count')
      .set({ n: sql`n - 1`, latest: BigInt(latest) })
      .where(group)
      .execute();
}

/**
 * The counts of every incident a viewer may see, from the maintained tables (the same answer as
 * counting the incident table with no filter: incident-counts.property.test.ts).
 */
export async function incidentCountsOf(
  db: Kysely<Database>,
  viewer: IncidentViewer,
): Promise<IncidentCounts> {
  const days = await db
    .selectFrom('incident_day_count')
    .where(visibleTo(viewer))
    .select((e) => ['day', e.fn.sum<bigint | number | string>('n').as('n')])
    .groupBy('day')
    .orderBy('day')
    .execute();
  const places = await db
    .selectFrom('incident_place_count')
    .where(visibleTo(viewer))
    .select((e) => [
      'place',
      'latitude',
      'longitude',
      e.fn.sum<bigint | number | string>('n').as('n'),
      e.fn.max('latest').as('latest'),
    ])
    .groupBy(['latitude', 'longitude', 'place'])
    .execute();
  return {
    count: days.reduce((n, d) => n + Number(d.n), 0),
    days: days.map((d) => ({ day: d.day, count: Number(d.n) })),
    places: places.map((p) => ({
      place: p.place,
      latitude: Number(p.latitude),
      longitude: Number(p.longitude),
      count: Number(p.n),
      latest: BigInt(p.latest),
    })),
  };
}

/** The groups a viewer may see (the rule of incident-query.ts's visibilityCondition). */
function visibleTo(viewer: IncidentViewer): Expression<SqlBool> {
  if (viewer.kind === 'all') return sql<SqlBool>`1 = 1`;
  const isPublic = sql<SqlBool>`visibility = 'public'`;
  if (viewer.kind === 'public') return isPublic;
  const own = [...viewer.organisationIds];
  const network = [...new Set([...viewer.organisationIds, ...viewer.peerOrganisationIds])];
  const ors = [isPublic];
  const among = (ids: readonly string[]) => sql.join(ids.map((id) => sql`${id}`));
  if (network.length > 0) ors.push(sql<SqlBool>`(visibility = 'network' and owner in (${among(network)}))`);
  if (own.length > 0) ors.push(sql<SqlBool>`(visibility = 'private' and owner in (${among(own)}))`);
  return sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

function every(conditions: readonly Expression<SqlBool>[]): Expression<SqlBool> {
  return sql<SqlBool>`${sql.join(conditions, sql` and `)}`;
}

function isPostgres(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}
