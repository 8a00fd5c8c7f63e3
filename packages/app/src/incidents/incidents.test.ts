import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation } from '../organisations.ts';
import { freshContext, testDialects } from '../test-support.ts';
import { createIncident } from './create-incident.ts';
import { exportIncidents } from './export-incidents.ts';
import { importIncidents } from './import-incidents.ts';
import { listIncidents, searchIncidents } from './search-incidents.ts';
import { summarizeIncidents } from './summarize-incidents.ts';

const HEADER =
  'date,organisation,place,latitude,longitude,authority,action,legal_basis,penalty_mci,suspension_months,outcome,source_url,notes\n';
const CSV =
  `${HEADER}` +
  '2020-11-20,Echo,Almaty,,,State Revenue Department,notice,CoAO 460-1,,,,https://www.hrw.org/news/2021/01/20/kazakh-authorities-target-rights-groups-coordinated-attack,Уведомление о расхождениях\n' +
  '2020-11-26,KIBHR,Almaty,,,State Revenue Department,notice,CoAO 460-1,,,,,"first notices; accountant summoned"\n' +
  '2021-01-15,Echo,Almaty,,,"SRC, Almaly district",fine,CoAO 460-1,400,3,dropped 4 Feb 2021,https://adilsoz.kz/en/262-violations/monitoring-238.html,\n' +
  '2021-01-18,Erkindik Kanaty,Nur-Sultan,,,Nur-Sultan tax department,fine,CoAO 460-1,100,,dropped 4 Feb 2021,,Штраф\n';
const bytes = (text: string) => new TextEncoder().encode(text);

for (const dialect of testDialects()) {
  describe(`incident use cases on ${dialect}`, () => {
    let ctx: Awaited<ReturnType<typeof freshContext>>;
    let echoId = '';
    beforeAll(async () => {
      ctx = await freshContext(dialect, () => new Date('2026-11-29T12:00:00Z'));
      const echo = await createOrganisation(ctx, { name: 'Echo' });
      if (!echo.ok) throw new Error(echo.error.message);
      echoId = echo.value.id;
      await createOrganisation(ctx, { name: 'KIBHR' });
    });
    afterAll(async () => ctx.close());

    it('imports a CSV in one go and reports what it read', async () => {
      const progress: number[] = [];
      const r = await importIncidents(ctx, {
        bytes: bytes(CSV),
        fileName: 'seed.csv',
        onProgress: (p) => progress.push(p.imported),
      });
      expect(r.ok && r.value).toMatchObject({
        read: 4,
        imported: 4,
        format: 'csv',
        visibility: 'public',
        ownerOrganisationId: null,
        linkedOrganisations: 3,
      });
      expect(progress.at(-1)).toBe(4);
      const page = await searchIncidents(ctx, { q: 'уведомление', viewer: 'public', withTotal: true });
      expect(page.ok && page.value.incidents.map((i) => [i.organisation, i.organisationId])).toEqual([
        ['Echo', echoId],
      ]);
    });

    it('rejects a file with one bad row, naming file, line and field, and leaves the database as it was', async () => {
      const before = await listIncidents(ctx, { viewer: 'all', withTotal: true });
      const bad = `${HEADER}2021-01-25,ILI,Almaty,,,,fine,CoAO 460-1,400,,,,\n2021-01-25,KIBHR,Gotham,,,,fine,CoAO 460-1,800,,,,\n`;
      const r = await importIncidents(ctx, { bytes: bytes(bad), fileName: 'bad.csv' });
      expect(!r.ok && r.error).toMatchObject({
        code: 'IMPORT_PLACE_UNKNOWN',
        file: 'bad.csv',
        line: 3,
        field: 'place',
      });
      const after = await listIncidents(ctx, { viewer: 'all', withTotal: true });
      expect(after.ok && after.value.total).toBe(before.ok ? before.value.total : -1);
      const ili = await searchIncidents(ctx, { organisation: 'ILI', viewer: 'all' });
      expect(ili.ok && ili.value.incidents).toEqual([]);
    });

    it('rejects a stream that is not UTF-8 and a JSON file with a bad field, untouched', async () => {
      const r = await importIncidents(ctx, {
        bytes: new Uint8Array([...bytes(HEADER), 0xc3, 0x28, 0x0a]),
        fileName: 'latin1.csv',
      });
      expect(!r.ok && r.error.code).toBe('IMPORT_ENCODING_INVALID');
      const j = await importIncidents(ctx, {
        bytes: bytes(
          '[{"date":"2021-01-25","organisation":"ILI","place":"Almaty","action":"ruling of sorts"}]',
        ),
        fileName: 'x.json',
      });
      expect(!j.ok && j.error).toMatchObject({
        code: 'IMPORT_ACTION_UNKNOWN',
        file: 'x.json',
        line: 1,
        field: '[0].action',
      });
    });

    it('streams a large file in chunks cut anywhere', async () => {
      const rows = Array.from(
        { length: 12_000 },
        (_, i) =>
          `2019-0${1 + (i % 9)}-1${i % 10},Org ${i % 40},${i % 2 ? 'Oral' : 'Семей'},,,,inspection,CoAO 102,,,,,"chunk test, row ${i}"\n`,
      ).join('');
      const all = bytes(`${HEADER}${rows}`);
      async function* pieces() {
        for (let at = 0; at < all.length; at += 777) yield all.subarray(at, at + 777);
      }
      const r = await importIncidents(ctx, { bytes: pieces(), fileName: 'big.csv', visibility: 'public' });
      expect(r.ok && r.value.imported).toBe(12_000);
      const found = await searchIncidents(ctx, { q: '"row 11999"', viewer: 'all' });
      expect(found.ok && found.value.incidents.map((i) => [i.place, i.region])).toEqual([
        ['Uralsk', 'West Kazakhstan Region'],
      ]);
      const semey = await searchIncidents(ctx, {
        q: 'chunk',
        place: 'Семипалатинск',
        viewer: 'all',
        withTotal: true,
      });
      expect(semey.ok && semey.value.total).toBe(6_000);
    });

    it('batches change nothing: a last partial batch is searchable, duplicate rows both stored, links and counts exact', async () => {
      // 2,503 rows: whole batches of the SQLite writer and a partial one; rows 2,501 and 2,502
      // are the same incident twice, and every third row names Tail Watch, an organisation of the database (linked by the import's stamp).
      const rows = Array.from({ length: 2_501 }, (_, i) =>
        i === 2_500
          ? '2018-03-08,Tail Watch,Oral,,,,inspection,CoAO 102,,,,,"batch tail, свидетель twice"\n'
          : `2018-0${1 + (i % 9)}-2${i % 8},${i % 3 === 0 ? 'Tail Watch' : `Tail Org ${i % 7}`},Oral,,,,inspection,CoAO 102,,,,,batch tail row ${i} протокол\n`,
      );
      rows.push(rows[2_500] ?? '', rows[2_500] ?? '');
      const watch = await createOrganisation(ctx, { name: 'Tail Watch' });
      const before = await summarizeIncidents(ctx, { viewer: 'all' });
      const r = await importIncidents(ctx, {
        bytes: bytes(`${HEADER}${rows.join('')}`),
        fileName: 'tail.csv',
      });
      expect(r.ok && r.value).toMatchObject({ read: 2_503, imported: 2_503, linkedOrganisations: 834 + 3 });
      const twice = await searchIncidents(ctx, { q: '"свидетель twice"', viewer: 'all', withTotal: true });
      expect(twice.ok && twice.value.total).toBe(3);
      const ids = twice.ok ? twice.value.incidents.map((i) => i.id) : [];
      expect(new Set(ids).size).toBe(3);
      const last = await searchIncidents(ctx, { q: '"row 2499 протокол"', viewer: 'all' });
      expect(last.ok && last.value.incidents.map((i) => [i.date, i.organisation])).toEqual([
        ['2018-07-23', 'Tail Watch'],
      ]);
      const echo = await searchIncidents(ctx, {
        q: 'batch tail',
        organisation: watch.ok ? watch.value.id : '',
        viewer: 'all',
        withTotal: true,
      });
      expect(echo.ok && echo.value.total).toBe(834 + 3);
      const after = await summarizeIncidents(ctx, { viewer: 'all' });
      const total = await listIncidents(ctx, { viewer: 'all', withTotal: true });
      expect(after.ok && before.ok && after.value.count - before.value.count).toBe(2_503);
      expect(after.ok && total.ok && after.value.count).toBe(total.ok ? total.value.total : -1);
    });

    it('honours visibility: private to the owner, network to peers, public to all', async () => {
      const priv = await importIncidents(ctx, {
        bytes: bytes(`${HEADER}2021-01-25,KIBHR,Almaty,,,,fine,CoAO 460-1,800,,,,secret ruling\n`),
        fileName: 'p.csv',
        visibility: 'private',
        org: 'Echo',
      });
      expect(priv.ok && priv.value.ownerOrganisationId).toBe(echoId);
      const q = (viewer: Parameters<typeof searchIncidents>[1]['viewer']) =>
        searchIncidents(ctx, { q: 'secret', ...(viewer === undefined ? {} : { viewer }) });
      const asPublic = await q(undefined);
      expect(asPublic.ok && asPublic.value.incidents).toEqual([]);
      const asEcho = await q({ organisationIds: [echoId], networkOrganisationIds: [] });
      expect(asEcho.ok && asEcho.value.incidents.length).toBe(1);
      const asOther = await q({ organisationIds: ['org_other'], networkOrganisationIds: [echoId] });
      expect(asOther.ok && asOther.value.incidents.length).toBe(0);
      const none = await importIncidents(ctx, {
        bytes: bytes(HEADER),
        fileName: 'n.csv',
        visibility: 'network',
      });
      expect(!none.ok && none.error.code).toBe('INCIDENT_OWNER_REQUIRED');
      const badVis = await importIncidents(ctx, {
        bytes: bytes(HEADER),
        fileName: 'n.csv',
        visibility: 'secret',
      });
      expect(!badVis.ok && badVis.error.code).toBe('INCIDENT_VISIBILITY_INVALID');
    });

    it('filters by place in any spelling, action synonym, legal basis and organisation id', async () => {
      const r = await searchIncidents(ctx, {
        place: 'Астана',
        action: 'fined',
        legalBasis: 'coao 460-1',
        organisation: 'Erkindik Kanaty',
        viewer: 'all',
      });
      expect(r.ok && r.value.incidents.map((i) => i.date)).toEqual(['2021-01-18']);
      const byId = await searchIncidents(ctx, { organisation: echoId, viewer: 'public' });
      expect(byId.ok && byId.value.incidents.map((i) => i.date)).toEqual(['2021-01-15', '2020-11-20']);
      const badAction = await searchIncidents(ctx, { action: 'party' });
      expect(!badAction.ok && badAction.error.code).toBe('SEARCH_ACTION_UNKNOWN');
      const badDate = await searchIncidents(ctx, { from: '2021-02-30' });
      expect(!badDate.ok && badDate.error).toMatchObject({ code: 'SEARCH_DATE_INVALID', field: 'from' });
    });

    it('creates one incident by hand with the same checks', async () => {
      const made = await createIncident(ctx, {
        date: '2021-02-04',
        organisation: 'Echo',
        place: 'Alma-Ata',
        action: 'withdrawal',
        notes: 'charges dropped',
        sources: [
          {
            url: 'https://rferl.org/amp/kazakh-authorities-drop-charges-ngos-outcry/31087863.html',
            title: 'RFE/RL',
          },
        ],
      });
      expect(made.ok && made.value).toMatchObject({
        place: 'Almaty',
        action: 'withdrawal',
        organisationId: echoId,
        visibility: 'public',
      });
      const bad = await createIncident(ctx, {
        date: '2021-02-04',
        organisation: 'Echo',
        place: 'Nowhere',
        action: 'withdrawal',
      });
      expect(!bad.ok && bad.error).toMatchObject({ code: 'INCIDENT_PLACE_UNKNOWN', field: 'place' });
    });

    it('exports CSV that imports back to the same incidents, JSON, and ACLED columns', async () => {
      const filters = { legalBasis: 'CoAO 460-1', to: '2021-01-31' };
      const csv = await exportIncidents(ctx, { format: 'csv', filters, viewer: 'public' });
      expect(csv.ok && csv.value.count).toBe(4);
      const other = await freshContext(dialect);
      try {
        const back = await importIncidents(other, {
          bytes: bytes(csv.ok ? (csv.value.content ?? '') : ''),
          fileName: 'export.csv',
        });
        expect(back.ok && back.value.imported).toBe(4);
        const json = await exportIncidents(other, { format: 'json', viewer: 'all' });
        const original = await exportIncidents(ctx, { format: 'json', filters, viewer: 'public' });
        const strip = (text: string | undefined) =>
          (JSON.parse(text ?? '[]') as Record<string, unknown>[]).map(({ id: _id, ...rest }) => rest);
        expect(json.ok && strip(json.value.content)).toEqual(original.ok && strip(original.value.content));
      } finally {
        await other.close();
      }
      const acled = await exportIncidents(ctx, { format: 'acled', filters, viewer: 'public' });
      const [header, first] = (acled.ok ? (acled.value.content ?? '') : '').split('\r\n');
      expect(header?.split(',').slice(0, 7)).toEqual([
        'event_id_cnty',
        'event_date',
        'year',
        'time_precision',
        'disorder_type',
        'event_type',
        'sub_event_type',
      ]);
      expect(first).toContain('Strategic developments');
      expect(first).toContain('CoAO 460-1');
    });
  });
}
