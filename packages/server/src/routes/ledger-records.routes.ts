import {
  changeLedgerRecord,
  createLedgerRecord,
  enterOfficialRate,
  getLedgerRecord,
  ledgerBalance,
  ledgerBalanceJson,
  listLedgerRecords,
  listReceiptPage,
  removeLedgerRecord,
  type LedgerInputs,
  type LedgerRecordKind,
} from '@civic/app';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { Static, TSchema } from 'typebox';
import { Value } from 'typebox/value';
import {
  AccountBodySchema,
  AccountListSchema,
  AccountPatchSchema,
  AccountSchema,
  BalanceQuerySchema,
  BalanceSchema,
  DeletedSchema,
  DeleteQuerySchema,
  ExpenditureBodySchema,
  ExpenditureListSchema,
  ExpenditurePatchSchema,
  ExpenditureSchema,
  GrantBodySchema,
  GrantListSchema,
  GrantPatchSchema,
  GrantSchema,
  LedgerListQuerySchema,
  LedgerRecordParamsSchema,
  RateBodySchema,
  RateSchema,
  ReceiptBodySchema,
  ReceiptListQuerySchema,
  ReceiptListSchema,
  ReceiptPatchSchema,
  ReceiptSchema,
  SourceBodySchema,
  SourceListSchema,
  SourcePatchSchema,
  SourceSchema,
} from '../http/api/index.ts';
import { actorOf, membershipOf } from '../http/access.ts';
import { unwrap } from '../http/api-error.ts';
import { jsonSafe } from '../http/json-safe.ts';
import { errorRef, OrgParamsSchema } from '../http/schemas.ts';
import type { RouteModule, ServerDeps } from './route-module.ts';

const read = { access: { org: 'ledger:read' } } as const;
const write = { access: { org: 'ledger:write' } } as const;
const tags = ['ledger'];
const base = '/api/v1/orgs/:orgId/ledger';
type Typed = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * The request part as its schema's type. Fastify has validated it already (so this never throws);
 * checking again here gives the type inside routes registered for any kind, where the type
 * provider cannot resolve a generic schema.
 */
function typed<T extends TSchema>(schema: T, value: unknown): Static<T> {
  if (!Value.Check(schema, value)) throw new Error('a request part does not match its validated schema');
  return value;
}

const NAMES: Record<LedgerRecordKind, string> = {
  sources: 'foreign source',
  grants: 'grant',
  accounts: 'bank account',
  receipts: 'receipt',
  expenditures: 'expenditure',
};

/** A change body: the version it was read at, and the fields it sets. */
function splitPatch<T extends { version: number }>({ version, ...patch }: T) {
  return { version, patch };
}

/**
 * POST (create), GET, PATCH (change from a `version`) and DELETE for one kind of record, the same
 * shape for every kind; the record JSON comes back with its new `version`.
 */
function recordRoutes<K extends LedgerRecordKind, B extends TSchema, P extends TSchema, R extends TSchema>(
  app: Typed,
  deps: ServerDeps,
  kind: K,
  s: { body: B; patch: P; record: R },
  convert: {
    create(b: Static<B>): LedgerInputs[K];
    change(p: Static<P>): { version: number; patch: Partial<LedgerInputs[K]> };
  },
): void {
  const name = NAMES[kind];
  app.post(
    `${base}/${kind}`,
    {
      config: write,
      schema: {
        tags,
        summary: `Create a ${name}`,
        params: OrgParamsSchema,
        body: s.body,
        response: { 201: s.record, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const org = membershipOf(req).organisationId;
      const made = unwrap(
        await createLedgerRecord(deps.ctx, actorOf(req), org, kind, convert.create(typed(s.body, req.body))),
      );
      void reply.code(201);
      return made;
    },
  );
  app.get(
    `${base}/${kind}/:id`,
    {
      config: read,
      schema: {
        tags,
        summary: `One ${name}`,
        params: LedgerRecordParamsSchema,
        response: { 200: s.record, '4xx': errorRef },
      },
    },
    async (req, reply) =>
      reply.send(
        jsonSafe(
          unwrap(
            await getLedgerRecord(
              deps.ctx,
              membershipOf(req).organisationId,
              kind,
              typed(LedgerRecordParamsSchema, req.params).id,
            ),
          ),
        ),
      ),
  );
  app.patch(
    `${base}/${kind}/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: `Change a ${name} (the fields given; \`version\` is the one it was read at)`,
        description: 'A stale `version` answers 409 LEDGER_VERSION_CONFLICT naming the field `version`.',
        params: LedgerRecordParamsSchema,
        body: s.patch,
        response: { 200: s.record, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const { version, patch } = convert.change(typed(s.patch, req.body));
      const { id } = typed(LedgerRecordParamsSchema, req.params);
      const org = membershipOf(req).organisationId;
      const changed = await changeLedgerRecord(deps.ctx, actorOf(req), org, kind, id, version, patch);
      return reply.send(jsonSafe(unwrap(changed)));
    },
  );
  app.delete(
    `${base}/${kind}/:id`,
    {
      config: write,
      schema: {
        tags,
        summary: `Remove a ${name}`,
        description:
          'Refused (409 LEDGER_RECORD_FILED) when a submitted filing rests on it: the correction path is a new filing; 409 LEDGER_RECORD_IN_USE when other records refer to it.',
        params: LedgerRecordParamsSchema,
        querystring: DeleteQuerySchema,
        response: { 200: DeletedSchema, '4xx': errorRef },
      },
    },
    async (req) => {
      const org = membershipOf(req).organisationId;
      const { id } = typed(LedgerRecordParamsSchema, req.params);
      const { version } = typed(DeleteQuerySchema, req.query);
      return unwrap(await removeLedgerRecord(deps.ctx, actorOf(req), org, kind, id, version));
    },
  );
}

/**
 * The ledger's records, one shape for every kind (issue 13): list, create, read, change with
 * optimistic concurrency and remove sources, grants, bank accounts, receipts and expenditures;
 * balances; one official rate entered by hand. Shapes: http/api/ledger.ts.
 */
export const ledgerRecordRoutes: RouteModule = (fastify, deps) => {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const list = async (
    req: { params: { orgId: string } } & Parameters<typeof membershipOf>[0],
    kind: LedgerRecordKind,
  ) => listLedgerRecords(deps.ctx, membershipOf(req).organisationId, kind);
  const inRange = (q: { from?: string | undefined; to?: string | undefined }, day: unknown) =>
    typeof day === 'string' && (!q.from || day >= q.from) && (!q.to || day <= q.to);

  for (const [kind, schema, summary] of [
    ['sources', SourceListSchema, 'Foreign sources (the five categories of the law), with their versions'],
    ['grants', GrantListSchema, 'Grants, with their versions'],
    ['accounts', AccountListSchema, "The organisation's bank accounts, with their versions"],
  ] as const)
    app.get(
      `${base}/${kind}`,
      {
        config: read,
        schema: { tags, summary, params: OrgParamsSchema, response: { 200: schema, '4xx': errorRef } },
      },
      async (req, reply) => reply.send(jsonSafe({ [kind]: await list(req, kind) })),
    );

  app.get(
    `${base}/receipts`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Receipts (money and property), with KZT equivalents and versions, a page at a time',
        params: OrgParamsSchema,
        querystring: ReceiptListQuerySchema,
        response: { 200: ReceiptListSchema, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const q = req.query;
      return reply.send(jsonSafe(await listReceiptPage(deps.ctx, membershipOf(req).organisationId, q)));
    },
  );
  app.get(
    `${base}/expenditures`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Expenditures with their allocations to grants and versions, oldest first, a page at a time',
        params: OrgParamsSchema,
        querystring: LedgerListQuerySchema,
        response: { 200: ExpenditureListSchema, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const q = req.query;
      const all = (await list(req, 'expenditures')).filter((e) => inRange(q, e['spentOn']));
      const expenditures = all.slice(q.offset, q.offset + q.limit);
      return reply.send(jsonSafe({ expenditures, hasMore: all.length > q.offset + q.limit }));
    },
  );
  app.get(
    `${base}/balance`,
    {
      config: read,
      schema: {
        tags,
        summary: 'Balances by grant, source or account at a date',
        params: OrgParamsSchema,
        querystring: BalanceQuerySchema,
        response: { 200: BalanceSchema, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const org = membershipOf(req).organisationId;
      const b = unwrap(await ledgerBalance(deps.ctx, { org, by: req.query.by, at: req.query.at }));
      return reply.send(jsonSafe(ledgerBalanceJson(b)));
    },
  );

  const keep = <T>(b: T) => b;
  recordRoutes(
    app,
    deps,
    'sources',
    { body: SourceBodySchema, patch: SourcePatchSchema, record: SourceSchema },
    { create: keep, change: splitPatch },
  );
  recordRoutes(
    app,
    deps,
    'grants',
    { body: GrantBodySchema, patch: GrantPatchSchema, record: GrantSchema },
    { create: keep, change: splitPatch },
  );
  recordRoutes(
    app,
    deps,
    'accounts',
    { body: AccountBodySchema, patch: AccountPatchSchema, record: AccountSchema },
    { create: keep, change: splitPatch },
  );
  recordRoutes(
    app,
    deps,
    'receipts',
    { body: ReceiptBodySchema, patch: ReceiptPatchSchema, record: ReceiptSchema },
    { create: keep, change: splitPatch },
  );
  recordRoutes(
    app,
    deps,
    'expenditures',
    { body: ExpenditureBodySchema, patch: ExpenditurePatchSchema, record: ExpenditureSchema },
    { create: keep, change: splitPatch },
  );

  app.post(
    `${base}/rates`,
    {
      config: write,
      schema: {
        tags,
        summary:
          'Enter one official rate by hand (KZT per `units` of a currency on a day); recomputes missing KZT equivalents',
        params: OrgParamsSchema,
        body: RateBodySchema,
        response: { 201: RateSchema, '4xx': errorRef },
      },
    },
    async (req, reply) => {
      const org = membershipOf(req).organisationId;
      const r = unwrap(await enterOfficialRate(deps.ctx, actorOf(req), org, req.body)).rate;
      return reply
        .code(201)
        .send({ date: r.date, currency: r.currency, rate: r.text, units: r.units, source: r.source });
    },
  );
};
