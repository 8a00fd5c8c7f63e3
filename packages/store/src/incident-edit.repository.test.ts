import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarDate } from '@civic/core';
import { claimIncidentVersion, incidentVersion, replaceIncident } from './incident-edit.repository.ts';
import { getIncident, insertIncidents, type NewIncident } from './incident.repository.ts';
import { incidentSearchFor } from './incident-search.ts';
import { inTransaction } from './transaction.ts';
import { freshStore, testDialects } from './test-support.ts';

function incident(id: string, over: Partial<NewIncident> = {}): NewIncident {
  return {
    id,
    date: calendarDate('2020-11-20'),
    dateTo: calendarDate('2020-11-20'),
    organisation: 'Echo',
    organisationId: null,
    place: 'Almaty',
    latitude: 43.2567,
    longitude: 76.9286,
    country: 'KZ',
    region: 'Almaty',
    authority: 'State Revenue Department',
    office: null,
    action: 'notice',
    legalBasis: 'CoAO 460-1',
    penaltyMci: null,
    suspensionMonths: null,
    outcome: null,
    sources: [],
    notes: 'first words',
    visibility: 'public',
    ownerOrganisationId: null,
    createdAt: '2026-11-29T00:00:00Z',
    ...over,
  };
}

// Real parts: a SQLite file and a real PostgreSQL database, one loop over both.
for (const dialect of testDialects()) {
  describe(`incident edits on ${dialect}`, () => {
    let store: Awaited<ReturnType<typeof freshStore>>;
    beforeAll(async () => {
      store = await freshStore(dialect);
      await inTransaction(store, (tx) => insertIncidents(tx.db, [incident('e1'), incident('e2')]));
    });
    afterAll(async () => store.close());

    const find = async (q: string) =>
      (
        await incidentSearchFor(store.db, dialect).search({
          viewer: { kind: 'all' },
          q,
          limit: 10,
          offset: 0,
        })
      ).items.map((i) => i.id);

    it('starts every incident at version 1 and moves on only from the current version', async () => {
      expect(await incidentVersion(store.db, 'e1')).toBe(1);
      expect(await claimIncidentVersion(store.db, 'e1', 1)).toBe('done');
      expect(await claimIncidentVersion(store.db, 'e1', 1)).toBe('stale');
      expect(await claimIncidentVersion(store.db, 'missing', 1)).toBe('not-found');
      expect(await incidentVersion(store.db, 'e1')).toBe(2);
      expect(await incidentVersion(store.db, 'missing')).toBeUndefined();
    });

    it('replaces an incident whole, keeping its id, version and creation, and reindexes its words', async () => {
      expect(await find('zhanaozen')).toEqual([]);
      await inTransaction(store, async (tx) => {
        expect(await claimIncidentVersion(tx.db, 'e2', 1)).toBe('done');
        const done = await replaceIncident(
          tx.db,
          incident('e2', {
            place: 'Zhanaozen',
            region: 'Mangystau Region',
            notes: 'second words',
            date: calendarDate('2020-12-01'),
            dateTo: calendarDate('2020-12-01'),
          }),
        );
        expect(done).toBe(true);
      });
      const back = await getIncident(store.db, 'e2');
      expect([back?.place, back?.notes, back?.date, back?.createdAt]).toEqual([
        'Zhanaozen',
        'second words',
        '2020-12-01',
        '2026-11-29T00:00:00Z',
      ]);
      expect(await incidentVersion(store.db, 'e2')).toBe(2);
      expect(await find('zhanaozen')).toEqual(['e2']);
      expect(await find('second')).toEqual(['e2']);
      expect(await find('first')).toEqual(['e1']);
      expect(await inTransaction(store, (tx) => replaceIncident(tx.db, incident('none')))).toBe(false);
    });
  });
}
