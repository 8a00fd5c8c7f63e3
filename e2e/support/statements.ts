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
  /** More incoming payments after the first (e.g. to make a statement larger than a JSON body). */
  more?: readonly JourneyPayment[];
  /** The documents' amount field as the bank names it (`Сумма` by default; a bank's dialect may differ). */
  amountField?: string;
}): string {
  const p = input.incoming;
  const all = [p, ...(input.more ?? [])];
  const cents = all.reduce((sum, x) => sum + Math.round(Number(x.amount) * 100), 0);
  const total = (cents / 100).toFixed(2);
  const closing = ((Math.round(Number(input.opening) * 100) + cents) / 100).toFixed(2);
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
    `ВсегоПоступило=${total}`,
    'ВсегоСписано=0.00',
    `КонечныйОстаток=${closing}`,
    'КонецРасчСчет',
    ...all.flatMap((d) => [
      'СекцияДокумент=Платежное поручение',
      `Номер=${d.number}`,
      `Дата=${d.date}`,
      `${input.amountField ?? 'Сумма'}=${d.amount}`,
      `ПлательщикСчет=${d.payerAccount}`,
      `Плательщик=${d.payer}`,
      `Плательщик1=${d.payer}`,
      `ПлательщикРасчСчет=${d.payerAccount}`,
      `ПлательщикКод=${d.payerSector}`,
      `ПолучательСчет=${input.account}`,
      `ДатаПоступило=${d.date}`,
      `Получатель=${input.holder}`,
      `ПолучательИНН=${input.holderBin}`,
      `Получатель1=${input.holder}`,
      `ПолучательРасчСчет=${input.account}`,
      `НазначениеПлатежа=${d.purpose}`,
      'КонецДокумента',
    ]),
    'КонецФайла',
    '',
  ].join('\r\n');
}
