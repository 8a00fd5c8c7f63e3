/**
 * The fields of the 1C "1CClientBankExchange" format (versions 1.01–1.03, as published by 1C in
 * "Стандарт обмена с системами клиент-банка"), plus the fields Kazakh banks write, and the alias
 * table mapping other spellings to them. A field in a file that is neither here nor in the user's
 * `aliases` is an error (IMPORT_UNKNOWN_FIELD), never silently dropped.
 */

/** Header fields, before the first section. */
export const ONEC_HEADER_FIELDS: readonly string[] = [
  'ВерсияФормата', 'Кодировка', 'Отправитель', 'Получатель', 'ДатаСоздания', 'ВремяСоздания',
  'ДатаНачала', 'ДатаКонца', 'РасчСчет', 'Документ',
  // Kazakh banks' additions
  'ИИК', 'БИН', 'БИК', 'Валюта', 'КодВалюты', 'Банк', 'Клиент',
];

/** `СекцияРасчСчет … КонецРасчСчет`: one account's balances for a period. */
export const ONEC_BALANCE_FIELDS: readonly string[] = [
  'ДатаНачала', 'ДатаКонца', 'РасчСчет', 'НачальныйОстаток', 'ВсегоПоступило', 'ВсегоСписано', 'КонечныйОстаток',
  'Валюта', 'КодВалюты',
];

const PARTY_RU = (p: 'Плательщик' | 'Получатель'): string[] => [
  p, `${p}Счет`, `${p}ИНН`, `${p}КПП`, `${p}1`, `${p}2`, `${p}3`, `${p}4`, `${p}РасчСчет`,
  `${p}Банк1`, `${p}Банк2`, `${p}БИК`, `${p}Корсчет`,
];

const PARTY_KZ = (p: 'Плательщик' | 'Получатель'): string[] => [
  `${p}Наименование`, `${p}БИН_ИИН`, `${p}ИИК`, `${p}БанкБИК`, `${p}БанкНаименование`, `${p}КБЕ`, `${p}Код`,
  `${p}Страна`, `${p}РНН`, `${p}Резидентство`,
];

/** `СекцияДокумент=… КонецДокумента`: one payment document. */
export const ONEC_DOCUMENT_FIELDS: readonly string[] = [
  // Russian standard set
  'Номер', 'Дата', 'Сумма', 'КвитанцияДата', 'КвитанцияВремя', 'КвитанцияСодержание',
  ...PARTY_RU('Плательщик'), 'ДатаСписано',
  ...PARTY_RU('Получатель'), 'ДатаПоступило',
  'ВидПлатежа', 'ВидОплаты', 'Код', 'СтатусСоставителя', 'ПоказательКБК', 'ОКАТО', 'ПоказательОснования',
  'ПоказательПериода', 'ПоказательНомера', 'ПоказательДаты', 'ПоказательТипа', 'Очередность', 'СрокАкцепта',
  'ВидАккредитива', 'СрокПлатежа', 'УсловиеОплаты1', 'УсловиеОплаты2', 'УсловиеОплаты3', 'ПлатежПоПредст',
  'ДополнУсловия', 'НомерСчетаПоставщика', 'ДатаОтсылкиДок', 'НазначениеПлатежа', 'НазначениеПлатежа1',
  'НазначениеПлатежа2', 'НазначениеПлатежа3', 'НазначениеПлатежа4', 'НазначениеПлатежа5', 'НазначениеПлатежа6',
  'КодНазПлатежа', 'КодВыплат', 'ИдентификаторПлатежа',
  // Kazakh banks' set
  'НомерДокумента', 'ДатаДокумента', 'ДатаОперации', 'СуммаПриход', 'СуммаРасход',
  ...PARTY_KZ('Плательщик'), ...PARTY_KZ('Получатель'),
  'КодНазначенияПлатежа', 'КНП', 'КодБюджетнойКлассификации', 'Референс', 'ВидОперации',
  // Currency, where banks give it
  'Валюта', 'КодВалюты', 'СуммаЭквивалент',
];

/**
 * Other spellings seen in bank exports → the field above they mean. Keys are matched without
 * regard to case; the user's `aliases` option adds to (and overrides) this table.
 */
export const ONEC_BUILTIN_ALIASES: Readonly<Record<string, string>> = {
  ПлательщикБИНИИН: 'ПлательщикБИН_ИИН',
  'ПлательщикБИН/ИИН': 'ПлательщикБИН_ИИН',
  Плательщик_БИН: 'ПлательщикБИН_ИИН',
  ПлательщикБИН: 'ПлательщикБИН_ИИН',
  ПлательщикИИН: 'ПлательщикБИН_ИИН',
  ПлательщикИИНБИН: 'ПлательщикБИН_ИИН',
  ПлательщикИИН_БИН: 'ПлательщикБИН_ИИН',
  ПолучательБИНИИН: 'ПолучательБИН_ИИН',
  'ПолучательБИН/ИИН': 'ПолучательБИН_ИИН',
  Получатель_БИН: 'ПолучательБИН_ИИН',
  ПолучательБИН: 'ПолучательБИН_ИИН',
  ПолучательИИН: 'ПолучательБИН_ИИН',
  ПолучательИИНБИН: 'ПолучательБИН_ИИН',
  ПолучательИИН_БИН: 'ПолучательБИН_ИИН',
  ПлательщикКОд: 'ПлательщикКод',
  ПлательщикКБе: 'ПлательщикКБЕ',
  ПолучательКОд: 'ПолучательКод',
  ПолучательКБе: 'ПолучательКБЕ',
  ПлательщикIBAN: 'ПлательщикИИК',
  ПолучательIBAN: 'ПолучательИИК',
  ПлательщикБИКБанка: 'ПлательщикБанкБИК',
  ПолучательБИКБанка: 'ПолучательБанкБИК',
  ПлательщикБанк: 'ПлательщикБанкНаименование',
  ПолучательБанк: 'ПолучательБанкНаименование',
  Назначение: 'НазначениеПлатежа',
  КодНазначения: 'КодНазначенияПлатежа',
  ВалютаДокумента: 'Валюта',
  ВалютаПлатежа: 'Валюта',
  ВалютаСчета: 'Валюта',
  ДатаВалютирования: 'ДатаОперации',
  Приход: 'СуммаПриход',
  Расход: 'СуммаРасход',
  ИИКСчета: 'РасчСчет',
};

export type OnecSection = 'header' | 'balance' | 'document';

const lower = (s: string): string => s.toLowerCase();

/** Resolves field names in a file to the canonical ones of each section, with the aliases applied. */
export class OnecFieldResolver {
  private readonly known: Record<OnecSection, Map<string, string>>;
  private readonly aliases = new Map<string, string>();
  private readonly cache: Record<OnecSection, Map<string, string | null>> = { header: new Map(), balance: new Map(), document: new Map() };

  constructor(userAliases: Readonly<Record<string, string>> = {}) {
    const index = (names: readonly string[]): Map<string, string> => new Map(names.map((n) => [lower(n), n]));
    this.known = { header: index(ONEC_HEADER_FIELDS), balance: index(ONEC_BALANCE_FIELDS), document: index(ONEC_DOCUMENT_FIELDS) };
    for (const [from, to] of Object.entries(ONEC_BUILTIN_ALIASES)) this.aliases.set(lower(from), to);
    for (const [from, to] of Object.entries(userAliases)) this.aliases.set(lower(from.trim()), to.trim());
  }

  /** The canonical field, or null when the name is neither known in this section nor aliased to a field of it. */
  resolve(section: OnecSection, name: string): string | null {
    const cache = this.cache[section];
    let field = cache.get(name);
    if (field === undefined) {
      field = this.lookup(section, name);
      cache.set(name, field);
    }
    return field;
  }

  private lookup(section: OnecSection, name: string): string | null {
    const key = lower(name);
    const table = this.known[section];
    const direct = table.get(key);
    if (direct !== undefined) return direct;
    const target = this.aliases.get(key);
    return target === undefined ? null : (table.get(lower(target)) ?? null);
  }

  /** User aliases whose target is no known field at all (reported as IMPORT_ALIAS_INVALID). */
  static invalidTargets(userAliases: Readonly<Record<string, string>>): string[] {
    const all = new Set([...ONEC_HEADER_FIELDS, ...ONEC_BALANCE_FIELDS, ...ONEC_DOCUMENT_FIELDS].map(lower));
    return Object.entries(userAliases)
      .filter(([, to]) => !all.has(lower(to.trim())))
      .map(([from]) => from);
  }
}
