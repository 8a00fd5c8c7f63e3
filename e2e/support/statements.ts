/**
 * A 1C "1CClientBankExchange" statement (UTF-8) for the journeys: an opening balance, one incoming
 * payment from a non-resident sender (sector code 21: a foreign-funding candidate) and one payment
 * out. Dates are DD.MM.YYYY as 1C writes them.
 */
export interface JourneyPayment {
  readonly number: string;
  readonly date: string;
  readonly amount: string;
  readonly payer: string;
  readonly payerAccount: string;
  readonly payerSector: string;
  readonly purpose: string;
}

export function build1CStatement(input: {
  account: string;
  holder: string;
  holderBin: string;
  from: string;
  to: string;
  opening: string;
  incoming: JourneyPayment;
}): string {
  const p = input.incoming;
  const closing = (Number(input.opening) + Number(p.amount)).toFixed(2);
  return [
    '1CClientBankExchange',
    'ВерсияФормата=1.03',
    'Кодировка=UTF-8',
    'Отправитель=Бухгалтерия',
    `ДатаНачала=${input.from}`,
    `ДатаКонца=${input.to}`,
    `РасчСчет=${input.account}`,
    'СекцияРасчСчет',
    `ДатаНачала=${input.from}`,
    `ДатаКонца=${input.to}`,
    `РасчСчет=${input.account}`,
    `НачальныйОстаток=${input.opening}`,
    `ВсегоПоступило=${p.amount}`,
    'ВсегоСписано=0.00',
    `КонечныйОстаток=${closing}`,
    'КонецРасчСчет',
    'СекцияДокумент=Платежное поручение',
    `Номер=${p.number}`,
    `Дата=${p.date}`,
    `Сумма=${p.amount}`,
    `ПлательщикСчет=${p.payerAccount}`,
    `Плательщик=${p.payer}`,
    `Плательщик1=${p.payer}`,
    `ПлательщикРасчСчет=${p.payerAccount}`,
    `ПлательщикКод=${p.payerSector}`,
    `ПолучательСчет=${input.account}`,
    `ДатаПоступило=${p.date}`,
    `Получатель=${input.holder}`,
    `ПолучательИНН=${input.holderBin}`,
    `Получатель1=${input.holder}`,
    `ПолучательРасчСчет=${input.account}`,
    `НазначениеПлатежа=${p.purpose}`,
    'КонецДокумента',
    'КонецФайла',
    '',
  ].join('\r\n');
}
