import { formatMinor, KZT } from '@civic/core';
import { encodeText } from '@civic/formats';

/** Test support: builders of real 1C "1CClientBankExchange" files whose balance blocks add up. */
export interface TestDocument {
  readonly number: string;
  /** YYYY-MM-DD */
  readonly date: string;
  readonly direction: 'in' | 'out';
  /** Minor units (tiyn). */
  readonly amount: bigint;
  readonly party: string;
  readonly partyBin?: string;
  readonly partyAccount?: string;
  /** КОд/КБе of the other side. */
  readonly partyCode?: string;
  readonly purpose: string;
}

export interface TestStatement {
  readonly account: string;
  readonly from: string;
  readonly to: string;
  readonly opening: bigint;
  readonly documents: readonly TestDocument[];
  readonly fieldSet?: 'kz' | 'ru';
  readonly encoding?: 'utf-8' | 'windows-1251';
}

const dmy = (iso: string): string => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
const money = (minor: bigint): string => formatMinor(minor, KZT).replace('.', ',');
const OWN = { name: 'ОФ «Эхо»', bin: '070940000014' };

function kzDocument(s: TestStatement, d: TestDocument): string[] {
  const incoming = d.direction === 'in';
  const payer = incoming
    ? { name: d.party, bin: d.partyBin ?? '', account: d.partyAccount ?? '', code: d.partyCode ?? '17' }
    : { name: OWN.name, bin: OWN.bin, account: s.account, code: '18' };
  const payee = incoming
    ? { name: OWN.name, bin: OWN.bin, account: s.account, code: '18' }
    : { name: d.party, bin: d.partyBin ?? '', account: d.partyAccount ?? '', code: d.partyCode ?? '17' };
  return [
    'СекцияДокумент=Платежное поручение',
    `НомерДокумента=${d.number}`,
    `ДатаДокумента=${dmy(d.date)}`,
    `ДатаОперации=${dmy(d.date)}`,
    `СуммаПриход=${incoming ? money(d.amount) : ''}`,
    `СуммаРасход=${incoming ? '' : money(d.amount)}`,
    `ПлательщикНаименование=${payer.name}`,
    `ПлательщикБИН_ИИН=${payer.bin}`,
    `ПлательщикИИК=${payer.account}`,
    `ПлательщикКБЕ=${payer.code}`,
    `ПолучательНаименование=${payee.name}`,
    `ПолучательБИН_ИИН=${payee.bin}`,
    `ПолучательИИК=${payee.account}`,
    `ПолучательКБЕ=${payee.code}`,
    `НазначениеПлатежа=${d.purpose}`,
    'КонецДокумента',
  ];
}

function ruDocument(s: TestStatement, d: TestDocument): string[] {
  const incoming = d.direction === 'in';
  return [
    'СекцияДокумент=Платежное поручение',
    `Номер=${d.number}`,
    `Дата=${dmy(d.date)}`,
    `Сумма=${money(d.amount)}`,
    `ПлательщикСчет=${incoming ? (d.partyAccount ?? '') : s.account}`,
    `ПлательщикИНН=${incoming ? (d.partyBin ?? '') : OWN.bin}`,
    `Плательщик1=${incoming ? d.party : OWN.name}`,
    `ПолучательСчет=${incoming ? s.account : (d.partyAccount ?? '')}`,
    `ПолучательИНН=${incoming ? OWN.bin : (d.partyBin ?? '')}`,
    `Получатель1=${incoming ? OWN.name : d.party}`,
    incoming ? `ДатаПоступило=${dmy(d.date)}` : `ДатаСписано=${dmy(d.date)}`,
    `НазначениеПлатежа=${d.purpose}`,
    'КонецДокумента',
  ];
}

/** The file's bytes (CRLF line ends, as banks write them). */
export function build1C(s: TestStatement): Uint8Array {
  const totalIn = s.documents.filter((d) => d.direction === 'in').reduce((t, d) => t + d.amount, 0n);
  const totalOut = s.documents.filter((d) => d.direction === 'out').reduce((t, d) => t + d.amount, 0n);
  const encoding = s.encoding ?? 'utf-8';
  const lines = [
    '1CClientBankExchange',
    'ВерсияФормата=1.02',
    `Кодировка=${encoding === 'utf-8' ? 'UTF-8' : 'Windows'}`,
    'Отправитель=Test bank',
    `ДатаНачала=${dmy(s.from)}`,
    `ДатаКонца=${dmy(s.to)}`,
    `РасчСчет=${s.account}`,
    'СекцияРасчСчет',
    `ДатаНачала=${dmy(s.from)}`,
    `ДатаКонца=${dmy(s.to)}`,
    `РасчСчет=${s.account}`,
    `НачальныйОстаток=${money(s.opening)}`,
    `ВсегоПоступило=${money(totalIn)}`,
    `ВсегоСписано=${money(totalOut)}`,
    `КонечныйОстаток=${money(s.opening + totalIn - totalOut)}`,
    'КонецРасчСчет',
    ...s.documents.flatMap((d) => ((s.fieldSet ?? 'kz') === 'kz' ? kzDocument(s, d) : ruDocument(s, d))),
    'КонецФайла',
  ];
  return encodeText(`${lines.join('\r\n')}\r\n`, encoding);
}
