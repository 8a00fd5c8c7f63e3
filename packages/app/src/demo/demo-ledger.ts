import {
  addDays,
  calendarDate,
  daysBetween,
  isoWeekday,
  makeOfficialRate,
  type OfficialRate,
} from '@civic/core';
import { withIbanCheckDigits } from '@civic/formats';
import { inTransaction, upsertOfficialRates } from '@civic/store';
import type { AppContext } from '../context.ts';
import { importBankStatement } from '../ledger/import-bank-statement.ts';
import { createAccount, createGrant, createSource } from '../ledger/ledger-entities.ts';
import { recordExpenditure, recordReceipt } from '../ledger/ledger-records.ts';
import { DEMO_LEDGERS, DEMO_RATE_ANCHORS, DEMO_SOURCES, type DemoSourceKey } from './demo-ledger-data.ts';
import type { DemoStep } from './seed-demo.ts';

const RATE_SOURCE = 'НБК (иллюстративно)';
// Days off when the demo publishes no rate (besides weekends): the KZT equivalent of a payment on
// them is carried forward from the last working day.
const HOLIDAYS = new Set([
  '01-01',
  '01-02',
  '03-08',
  '03-21',
  '03-22',
  '03-23',
  '05-01',
  '05-07',
  '05-09',
  '07-06',
  '08-30',
  '12-16',
  '12-17',
]);

const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(`demo ledger: ${r.error.message}`);
  return r.value;
};

/** Illustrative daily rates on working days from 2018 to 2021, interpolated between monthly anchors. */
export function demoRates(): OfficialRate[] {
  const rates: OfficialRate[] = [];
  for (const [currency, anchors] of Object.entries(DEMO_RATE_ANCHORS)) {
    for (let i = 0; i + 1 < anchors.length; i++) {
      const [fromMonth, a] = anchors[i] ?? ['', 0];
      const [toMonth, b] = anchors[i + 1] ?? ['', 0];
      const start = calendarDate(`${fromMonth}-01`);
      const span = daysBetween(start, calendarDate(`${toMonth}-01`));
      for (let d = 0; d < span; d++) {
        const day = addDays(start, d);
        if (isoWeekday(day) >= 6 || HOLIDAYS.has(day.slice(5))) continue;
        const tiyn = a + Math.trunc(((b - a) * d) / span);
        const text = `${String(Math.trunc(tiyn / 100))}.${String(tiyn % 100).padStart(2, '0')}`;
        rates.push(
          must(makeOfficialRate({ date: day, currency, rate: text, units: 1, source: RATE_SOURCE })),
        );
      }
    }
  }
  return rates;
}

const dmy = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/** A small illustrative 1C statement for December 2021 whose foreign payments stay unconfirmed. */
function demoStatement(account: string, orgName: string): Uint8Array {
  const docs = [
    {
      n: '901',
      date: '2021-12-03',
      dir: 'in',
      amount: '2150000,00',
      party: 'National Endowment for Democracy',
      account: 'US78000000001234567890',
      code: '21',
      purpose: 'Транш гранта (иллюстративно)',
    },
    {
      n: '902',
      date: '2021-12-08',
      dir: 'in',
      amount: '120000,00',
      party: 'ТОО «Ромашка»',
      account: 'KZ988560000000123456',
      code: '17',
      purpose: 'Возврат аванса (иллюстративно)',
    },
    {
      n: '77',
      date: '2021-12-10',
      dir: 'out',
      amount: '450000,00',
      party: 'ТОО «Типография Печать»',
      account: 'KZ988560000000123456',
      code: '17',
      purpose: 'Печать отчёта (иллюстративно)',
    },
    {
      n: '903',
      date: '2021-12-14',
      dir: 'in',
      amount: '380000,00',
      party: 'Частный жертвователь из-за рубежа',
      account: 'DE89370400440532013000',
      code: '29',
      purpose: 'Пожертвование (иллюстративно)',
    },
  ];
  const lines = [
    '1CClientBankExchange',
    'ВерсияФормата=1.02',
    'Кодировка=UTF-8',
    'Отправитель=Демо-банк (иллюстративно)',
    'ДатаНачала=01.12.2021',
    'ДатаКонца=31.12.2021',
    `РасчСчет=${account}`,
    'СекцияРасчСчет',
    'ДатаНачала=01.12.2021',
    'ДатаКонца=31.12.2021',
    `РасчСчет=${account}`,
    'НачальныйОстаток=1000000,00',
    'ВсегоПоступило=2650000,00',
    'ВсегоСписано=450000,00',
    'КонечныйОстаток=3200000,00',
    'КонецРасчСчет',
  ];
  for (const d of docs) {
    const incoming = d.dir === 'in';
    lines.push(
      'СекцияДокумент=Платежное поручение',
      `НомерДокумента=${d.n}`,
      `ДатаДокумента=${dmy(d.date)}`,
      `ДатаОперации=${dmy(d.date)}`,
      `СуммаПриход=${incoming ? d.amount : ''}`,
      `СуммаРасход=${incoming ? '' : d.amount}`,
      `ПлательщикНаименование=${incoming ? d.party : orgName}`,
      `ПлательщикИИК=${incoming ? d.account : account}`,
      `ПлательщикКБЕ=${incoming ? d.code : '18'}`,
      `ПолучательНаименование=${incoming ? orgName : d.party}`,
      `ПолучательИИК=${incoming ? account : d.account}`,
      `ПолучательКБЕ=${incoming ? '18' : d.code}`,
      `НазначениеПлатежа=${d.purpose}`,
      'КонецДокумента',
    );
  }
  lines.push('КонецФайла');
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/** An illustrative IBAN-shaped account number per demo organisation. */
function demoAccountNumber(orgKey: string): string {
  const i = Math.max(0, Object.keys(DEMO_LEDGERS).indexOf(orgKey));
  return withIbanCheckDigits('KZ', `601A871000${String(i + 1).padStart(6, '0')}`);
}

async function seedOrganisation(
  ctx: AppContext,
  orgKey: string,
  orgId: string,
  counts: Record<string, number>,
): Promise<void> {
  const spec = DEMO_LEDGERS[orgKey];
  if (!spec) return;
  const sourceIds = new Map<DemoSourceKey, string>();
  const sourceId = async (key: DemoSourceKey): Promise<string> => {
    const known = sourceIds.get(key);
    if (known) return known;
    const s = DEMO_SOURCES[key];
    const created = must(
      await createSource(ctx, orgId, {
        name: s.name,
        category: s.category,
        country: s.country,
        accounts: 'accounts' in s ? s.accounts : [],
        notes: 'иллюстративные демо-данные',
        illustrative: true,
      }),
    );
    sourceIds.set(key, created.id);
    counts['ledgerSources'] = (counts['ledgerSources'] ?? 0) + 1;
    return created.id;
  };
  const account = must(
    await createAccount(ctx, orgId, {
      number: demoAccountNumber(orgKey),
      currency: 'KZT',
      bankName: 'Демо-банк (иллюстративно)',
      label: 'основной счёт (иллюстративно)',
    }),
  );
  for (const g of spec.grants) {
    const src = await sourceId(g.source);
    const grant = must(
      await createGrant(ctx, orgId, {
        sourceId: src,
        agreementNumber: g.agreement,
        agreementDate: g.date,
        currency: g.currency,
        amount: g.amount,
        periodFrom: g.from,
        periodTo: g.to,
        activity: g.activity,
        title: `Грант: ${DEMO_SOURCES[g.source].name} (иллюстративно)`,
        illustrative: true,
      }),
    );
    counts['ledgerGrants'] = (counts['ledgerGrants'] ?? 0) + 1;
    for (const [date, amount, description] of g.receipts) {
      must(
        await recordReceipt(ctx, orgId, {
          sourceId: src,
          grantId: grant.id,
          accountId: account.id,
          receivedOn: date,
          kind: 'money',
          currency: g.currency,
          amount,
          description: description ?? 'Транш',
          illustrative: true,
        }),
      );
      counts['ledgerReceipts'] = (counts['ledgerReceipts'] ?? 0) + 1;
    }
    for (const [date, amount, description] of g.expenditures) {
      must(
        await recordExpenditure(ctx, orgId, {
          spentOn: date,
          currency: g.currency,
          amount,
          allocations: [{ grantId: grant.id }],
          accountId: account.id,
          description: description ?? 'Расход',
          illustrative: true,
        }),
      );
      counts['ledgerExpenditures'] = (counts['ledgerExpenditures'] ?? 0) + 1;
    }
  }
  for (const [date, source, description, amount, currency] of spec.property ?? []) {
    must(
      await recordReceipt(ctx, orgId, {
        sourceId: await sourceId(source),
        receivedOn: date,
        kind: 'property',
        propertyDescription: description,
        amount,
        currency,
        valuationMethod: amount ? 'счёт-фактура донора' : null,
        illustrative: true,
      }),
    );
    counts['ledgerReceipts'] = (counts['ledgerReceipts'] ?? 0) + 1;
  }
  if (spec.statement) {
    const r = must(
      await importBankStatement(ctx, {
        bytes: demoStatement(account.number, orgKey),
        fileName: `demo-${orgKey}-2021-12-illustrative.txt`,
        org: orgId,
      }),
    );
    counts['bankLines'] = (counts['bankLines'] ?? 0) + r.imported;
    counts['foreignCandidates'] = (counts['foreignCandidates'] ?? 0) + r.foreignCandidates;
  }
}

/**
 * The demo ledgers: illustrative rates, sources, grants, receipts, expenditures and candidates.
 * Records are marked illustrative by their flag, not in their text: a filing prints its "demo"
 * banner in the document's language, and a Kazakh filing holds no Russian «(иллюстративно)».
 */
export const seedDemoLedger: DemoStep = {
  name: 'ledger',
  async run(ctx, state) {
    const counts: Record<string, number> = {};
    await inTransaction(ctx.store, async (store) => {
      const tx: AppContext = { ...ctx, store };
      const rates = await upsertOfficialRates(store.db, demoRates(), null);
      counts['officialRates'] = rates.imported + rates.unchanged + rates.updated;
      for (const [key, orgId] of state.organisations) await seedOrganisation(tx, key, orgId, counts);
    });
    return counts;
  },
};
