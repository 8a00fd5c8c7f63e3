// Writes a 1C statement of any number of documents to a file without holding it: totals are
// computed first from the same deterministic documents, then the file is written in 1 MiB pieces.
import { openSync, writeSync, closeSync } from 'node:fs';
import { withIbanCheckDigits } from '@civic/formats';

const ACCOUNT = withIbanCheckDigits('KZ', '6010002000456789');
const PARTIES = [
  ['ТОО «Типография Печать»', '101040009879', withIbanCheckDigits('KZ', '856000000000123456'), '17'],
  ['ИП Серікбаев А.', '850101300124', withIbanCheckDigits('KZ', '722C000012345678'), '19'],
  ['Open Society Foundations', '', withIbanCheckDigits('DE', '370400440532013000'), '21'],
  ['ОФ «Дала»', '100540001115', withIbanCheckDigits('KZ', '998CTB0000777888'), '18'],
] as const;

const money = (minor: number): string =>
  `${String(Math.floor(minor / 100))},${String(minor % 100).padStart(2, '0')}`;
const amountOf = (i: number): number => 1000 + ((i * 7919) % 5_000_000);
const incoming = (i: number): boolean => i % 5 < 2;
const dateOf = (i: number): string => {
  const d = new Date(Date.UTC(2021, 0, 1) + Math.floor(i / 2000) * 86_400_000);
  return `${String(d.getUTCDate()).padStart(2, '0')}.${String(d.getUTCMonth() + 1).padStart(2, '0')}.${String(d.getUTCFullYear())}`;
};

function documentText(i: number): string {
  const [name, bin, account, code] = PARTIES[i % PARTIES.length] ?? PARTIES[0];
  const inc = incoming(i);
  const date = dateOf(i);
  const us = ['ОФ «Правовая инициатива»', '150440012344', ACCOUNT, '18'] as const;
  const [payer, recipient] = inc ? [[name, bin, account, code], us] : [us, [name, bin, account, code]];
  return [
    'СекцияДокумент=Платежное поручение',
    `НомерДокумента=${String(i + 1)}`,
    `ДатаДокумента=${date}`,
    `ДатаОперации=${date}`,
    inc ? `СуммаПриход=${money(amountOf(i))}` : `СуммаРасход=${money(amountOf(i))}`,
    `ПлательщикНаименование=${payer[0]}`,
    `ПлательщикБИН_ИИН=${payer[1]}`,
    `ПлательщикИИК=${payer[2]}`,
    `ПлательщикКБЕ=${payer[3]}`,
    `ПолучательНаименование=${recipient[0]}`,
    `ПолучательБИН_ИИН=${recipient[1]}`,
    `ПолучательИИК=${recipient[2]}`,
    `ПолучательКБЕ=${recipient[3]}`,
    `НазначениеПлатежа=Оплата по договору ${String(i % 997)}/21, документ ${String(i + 1)}`,
    'КодНазначенияПлатежа=859',
    `ВидДокумента=${inc ? 'Входящий' : 'Исходящий'}`,
    'КонецДокумента',
    '',
  ].join('\r\n');
}

/** Writes the file (UTF-8, CRLF) and returns its size in bytes. */
export function write1CFile(path: string, documents: number): number {
  let totalIn = 0;
  let totalOut = 0;
  for (let i = 0; i < documents; i++) {
    if (incoming(i)) totalIn += amountOf(i);
    else totalOut += amountOf(i);
  }
  const opening = 100_000_000;
  const from = dateOf(0);
  const to = dateOf(Math.max(0, documents - 1));
  const fd = openSync(path, 'w');
  let size = 0;
  let buffer = '';
  const put = (text: string): void => {
    buffer += text;
    if (buffer.length < 1 << 20) return;
    size += writeSync(fd, Buffer.from(buffer, 'utf8'));
    buffer = '';
  };
  put(
    [
      '1CClientBankExchange',
      'ВерсияФормата=1.03',
      'Кодировка=UTF-8',
      'Отправитель=Halyk Business',
      `ДатаНачала=${from}`,
      `ДатаКонца=${to}`,
      `РасчСчет=${ACCOUNT}`,
      'СекцияРасчСчет',
      `ДатаНачала=${from}`,
      `ДатаКонца=${to}`,
      `РасчСчет=${ACCOUNT}`,
      `НачальныйОстаток=${money(opening)}`,
      `ВсегоПоступило=${money(totalIn)}`,
      `ВсегоСписано=${money(totalOut)}`,
      `КонечныйОстаток=${money(opening + totalIn - totalOut)}`,
      'КонецРасчСчет',
      '',
    ].join('\r\n'),
  );
  for (let i = 0; i < documents; i++) put(documentText(i));
  put('КонецФайла\r\n');
  size += writeSync(fd, Buffer.from(buffer, 'utf8'));
  closeSync(fd);
  return size;
}
