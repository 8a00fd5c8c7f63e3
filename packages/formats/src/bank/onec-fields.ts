/**
 * The fields of the 1C "1CClientBankExchange" format (versions 1.01–1.03, as published by 1C in
 * "Стандарт обмена с системами клиент-банка"), plus the fields Kazakh banks write, and the alias
 * table mapping other spellings to them. A field in a file that is neither here nor in the user's
 * `aliases` is an error (IMPORT_UNKNOWN_FIELD), never silently dropped.
 */

/** Header fields, before the first section. */
export const ONEC_HEADER_FIELDS: readonly string[] = [
  'ВерсияФормата',
  'Кодировка',
  'Отправитель',
  'Получатель',
  'ДатаСоздания',
  'ВремяСоздания',
  'ДатаНачала',
  'ДатаКонца',
  'РасчСчет',
  'Документ',
  // Kazakh banks' additions
  'ИИК',
  'БИН',
  'БИК',
  'Валюта',
  'КодВалюты',
  'Банк',
  'Клиент',
];

/** `СекцияРасчСчет … КонецРасчСчет`: one account's balances for a period. */
export const ONEC_BALANCE_FIELDS: readonly string[] = [
  'ДатаНачала',
  'ДатаКонца',
  'РасчСчет',
  'НачальныйОстаток',
  'ВсегоПоступило',
  'ВсегоСписано',
  'КонечныйОстаток',
  'Валюта',
  'КодВалюты',
];

const PARTY_RU = (p: 'Плательщик' | 'Получатель'): string[] => [
  p,
  `${p}Счет`,
  `${p}ИНН`,
  `${p}КПП`,
  `${p}1`,
  `${p}2`,
  `${p}3`,
  `${p}4`,
  `${p}РасчСчет`,
  `${p}Банк1`,
  `${p}Банк2`,
  `${p}БИК`,
  `${p}Корсчет`,
];

const PARTY_KZ = (p: 'Плательщик' | 'Получатель'): string[] => [
  `${p}Наименование`,
  `${p}БИН_ИИН`,
  `${p}ИИК`,
  `${p}БанкБИК`,
  `${p}БанкНаименование`,
  `${p}КБЕ`,
  `${p}Код`,
  `${p}Страна`,
  `${p}РНН`,
  `${p}Резидентство`,
];

/** `СекцияДокумент=… КонецДокумента`: one payment document. */
export const ONEC_DOCUMENT_FIELDS: readonly string[] = [
  // Russian standard set
  'Номер',
  'Дата',
  'Сумма',
  'КвитанцияДата',
  'КвитанцияВремя',
  'КвитанцияСодержание',
  ...PARTY_RU('Плательщик'),
  'ДатаСписано',
  ...PARTY_RU('Получатель'),
  'ДатаПоступило',
  'ВидПлатежа',
  'ВидОплаты',
  'Код',
  'СтатусСоставителя',
  'ПоказательКБК',
  'ОКАТО',
  'ПоказательОснования',
  'ПоказательПериода',
  'ПоказательНомера',
  'ПоказательДаты',
  'ПоказательТипа',
  'Очередность',
  'СрокАкцепта',
  'ВидАккредитива',
  'СрокПлатежа',
  'УсловиеОплаты1',
  'УсловиеОплаты2',
  'УсловиеОплаты3',
  'ПлатежПоПредст',
  'ДополнУсловия',
  'НомерСчетаПоставщика',
  'ДатаОтсылкиДок',
  'НазначениеПлатежа',
  'НазначениеПлатежа1',
  'НазначениеПлатежа2',
  'НазначениеПлатежа3',
  'НазначениеПлатежа4',
  'НазначениеПлатежа5',
  'НазначениеПлатежа6',
  'КодНазПлатежа',
  'КодВыплат',
  'ИдентификаторПлатежа',
  // Kazakh banks' set
  'НомерДокумента',
  'ДатаДокумента',
  'ДатаОперации',
  'СуммаПриход',
  'СуммаРасход',
  ...PARTY_KZ('Плательщик'),
  ...PARTY_KZ('Получатель'),
  'КодНазначенияПлатежа',
  'КНП',
  'КОд',
  'КБе',
  'КодБюджетнойКлассификации',
  'КБК',
  'Референс',
  'ВидОперации',
  'СуммаНДС',
  // Currency, where banks give it
  'Валюта',
  'КодВалюты',
  'СуммаЭквивалент',
  'СуммаПрописью',
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
  КодОтправителя: 'КОд',
  КодБенефициара: 'КБе',
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
  private readonly known: Record<OnecSection, ReadonlySet<string>>;
  private readonly knownLower: Record<OnecSection, Map<string, string>>;
  private readonly aliases = new Map<string, string>();
  private readonly aliasesLower = new Map<string, string>();
  private readonly cache: Record<OnecSection, Map<string, string | null>> = {
    header: new Map(),
    balance: new Map(),
    document: new Map(),
  };

  constructor(userAliases: Readonly<Record<string, string>> = {}) {
    // Where two names differ only in case (Russian `Код`, the payment's UIN, and Kazakh `КОд`, the
    // sender's sector code), the exact spelling decides; otherwise case is ignored, first name wins.
    const index = (names: readonly string[]): Map<string, string> => {
      const m = new Map<string, string>();
      for (const n of names) if (!m.has(lower(n))) m.set(lower(n), n);
      return m;
    };
    this.known = {
      header: new Set(ONEC_HEADER_FIELDS),
      balance: new Set(ONEC_BALANCE_FIELDS),
      document: new Set(ONEC_DOCUMENT_FIELDS),
    };
    this.knownLower = {
      header: index(ONEC_HEADER_FIELDS),
      balance: index(ONEC_BALANCE_FIELDS),
      document: index(ONEC_DOCUMENT_FIELDS),
    };
    for (const [from, to] of [...Object.entries(ONEC_BUILTIN_ALIASES), ...Object.entries(userAliases)]) {
      this.aliases.set(from.trim(), to.trim());
      this.aliasesLower.set(lower(from.trim()), to.trim());
    }
  }

  private canonical(section: OnecSection, name: string): string | null {
    if (this.known[section].has(name)) return name;
    return this.knownLower[section].get(lower(name)) ?? null;
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
    if (this.known[section].has(name)) return name;
    const alias = this.aliases.get(name);
    if (alias !== undefined) return this.canonical(section, alias);
    const direct = this.knownLower[section].get(lower(name));
    if (direct !== undefined) return direct;
    const target = this.aliasesLower.get(lower(name));
    return target === undefined ? null : this.canonical(section, target);
  }

  /** User aliases whose target is no known field at all (reported as IMPORT_ALIAS_INVALID). */
  static invalidTargets(userAliases: Readonly<Record<string, string>>): string[] {
    const all = new Set([...ONEC_HEADER_FIELDS, ...ONEC_BALANCE_FIELDS, ...ONEC_DOCUMENT_FIELDS].map(lower));
    return Object.entries(userAliases)
      .filter(([, to]) => !all.has(lower(to.trim())))
      .map(([from]) => from);
  }
}
