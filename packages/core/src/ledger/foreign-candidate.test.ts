import { describe, expect, it } from 'vitest';
import { currency } from '../currency.ts';
import { buildForeignSourceIndex, detectForeignCandidate, normaliseName } from './foreign-candidate.ts';
import { testLine } from './ledger-test-lines.ts';

const index = buildForeignSourceIndex([
  {
    id: 'src-ned',
    name: 'National Endowment for Democracy',
    aliases: ['NED'],
    taxId: '52-1344831',
    accounts: ['US12 3456 7890'],
  },
  { id: 'src-osf', name: 'Soros Foundation-Kazakhstan', taxId: '951240000125' },
]);

describe('foreign-funding candidates', () => {
  it.each([
    [
      'resident KZT payment from an unknown payer',
      { counterparty: { sectorCode: '17', name: 'ТОО Ромашка' } },
      [],
    ],
    ['non-resident sector code КОд 21', { counterparty: { sectorCode: '21' } }, ['non-resident-sender']],
    ['non-resident sector code 29', { counterparty: { sectorCode: ' 29 ' } }, ['non-resident-sender']],
    ['foreign currency', { currency: currency('USD') }, ['foreign-currency']],
    ['known tax id', { counterparty: { taxId: '52-1344831' } }, ['known-foreign-source']],
    [
      'known account, spaced differently',
      { counterparty: { account: 'us1234567890' } },
      ['known-foreign-source'],
    ],
    [
      'known name inside a longer payer name',
      { counterparty: { name: '«NATIONAL ENDOWMENT FOR DEMOCRACY», Washington DC' } },
      ['known-foreign-source'],
    ],
    [
      'short alias matches only as the whole name',
      { counterparty: { name: 'NED' } },
      ['known-foreign-source'],
    ],
    ['short alias inside a word does not match', { counterparty: { name: 'PLANNED PARENTHOOD' } }, []],
    [
      'all three signs',
      { currency: currency('EUR'), counterparty: { sectorCode: '21', name: 'Soros Foundation Kazakhstan' } },
      ['non-resident-sender', 'foreign-currency', 'known-foreign-source'],
    ],
    [
      'outgoing payments are never candidates',
      { direction: 'out' as const, currency: currency('USD'), counterparty: { sectorCode: '21' } },
      [],
    ],
  ] as const)('%s', (_case, over, codes) => {
    expect(detectForeignCandidate(testLine(over), index).map((r) => r.code)).toEqual(codes);
  });

  it('names the matched source', () => {
    const [reason] = detectForeignCandidate(testLine({ counterparty: { taxId: '951240000125' } }), index);
    expect(reason).toMatchObject({ sourceId: 'src-osf', matchedBy: 'tax-id' });
  });

  it('normalises names', () => {
    expect(normaliseName(' «Фонд  Сорос–Казахстан» ')).toBe('фонд сорос казахстан');
  });
});
