import type { Vocabulary } from './vocabulary.ts';

/**
 * The 1C "1CClientBankExchange" document fields a bank's own field name may be taken as (the import
 * page's «treat «ВидДокумента» as …»), with what each means in each language. The keys are the
 * importer's canonical field names (formats' ONEC_DOCUMENT_FIELDS); the order is the page's.
 */
export const ONEC_FIELD_LABELS: Vocabulary<string> = {
  Сумма: { en: 'amount', ru: 'сумма', kk: 'сома' },
  СуммаПриход: { en: 'amount received', ru: 'сумма поступления', kk: 'түсім сомасы' },
  СуммаРасход: { en: 'amount paid out', ru: 'сумма списания', kk: 'шығыс сомасы' },
  Дата: { en: 'document date', ru: 'дата документа', kk: 'құжат күні' },
  ДатаОперации: { en: 'operation date', ru: 'дата операции', kk: 'операция күні' },
  ДатаПоступило: { en: 'date credited', ru: 'дата поступления', kk: 'түскен күні' },
  ДатаСписано: { en: 'date debited', ru: 'дата списания', kk: 'есептен шығарылған күні' },
  Номер: { en: 'document number', ru: 'номер документа', kk: 'құжат нөмірі' },
  ПлательщикНаименование: { en: 'payer’s name', ru: 'наименование плательщика', kk: 'төлеушінің атауы' },
  ПлательщикБИН_ИИН: { en: 'payer’s BIN/IIN', ru: 'БИН/ИИН плательщика', kk: 'төлеушінің БСН/ЖСН' },
  ПлательщикИИК: { en: 'payer’s account', ru: 'счёт (ИИК) плательщика', kk: 'төлеушінің шоты (ЖСК)' },
  ПлательщикБанкБИК: { en: 'payer’s bank code', ru: 'БИК банка плательщика', kk: 'төлеуші банкінің БСК' },
  ПлательщикКод: {
    en: 'payer’s sector code',
    ru: 'код сектора экономики плательщика',
    kk: 'төлеушінің экономика секторының коды',
  },
  ПлательщикСтрана: { en: 'payer’s country', ru: 'страна плательщика', kk: 'төлеушінің елі' },
  ПолучательНаименование: { en: 'recipient’s name', ru: 'наименование получателя', kk: 'алушының атауы' },
  ПолучательБИН_ИИН: { en: 'recipient’s BIN/IIN', ru: 'БИН/ИИН получателя', kk: 'алушының БСН/ЖСН' },
  ПолучательИИК: { en: 'recipient’s account', ru: 'счёт (ИИК) получателя', kk: 'алушының шоты (ЖСК)' },
  ПолучательБанкБИК: { en: 'recipient’s bank code', ru: 'БИК банка получателя', kk: 'алушы банкінің БСК' },
  ПолучательКод: {
    en: 'recipient’s sector code',
    ru: 'код сектора экономики получателя',
    kk: 'алушының экономика секторының коды',
  },
  ПолучательСтрана: { en: 'recipient’s country', ru: 'страна получателя', kk: 'алушының елі' },
  НазначениеПлатежа: { en: 'payment purpose', ru: 'назначение платежа', kk: 'төлем мақсаты' },
  КодНазначенияПлатежа: {
    en: 'payment purpose code',
    ru: 'код назначения платежа (КНП)',
    kk: 'төлем мақсатының коды (ТМК)',
  },
  Валюта: { en: 'currency', ru: 'валюта', kk: 'валюта' },
  Референс: { en: 'bank reference', ru: 'референс банка', kk: 'банк референсі' },
};
