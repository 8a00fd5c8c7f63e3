/**
 * Messages that carry the specific detail of an error (the value at fault, the sums that do not
 * match) in Russian and Kazakh, used in place of the general message of ./messages.*.ts when every
 * placeholder can be filled from the error (localise-error.ts `errorParams`): `{value}` the value
 * as typed or as the file had it, `{name}`, `{field}`, and sums named in `details` (`{total}`,
 * `{grant}`, `{allocated}`, `{amount}`) as money in the language. English keeps the error's own
 * message, which says the same.
 */
export const RU_DETAILED: Readonly<Record<string, string>> = {
  DATE_INVALID: 'Дата «{value}» указана неверно: нужна дата календаря в формате ГГГГ-ММ-ДД.',
  AMOUNT_INVALID: 'Сумма «{value}» указана неверно для этой валюты.',
  CURRENCY_INVALID: 'Код валюты «{value}» должен состоять из трёх букв.',
  CURRENCY_UNKNOWN: 'Валюта «{value}» CivicLedger неизвестна.',
  RATE_INVALID: 'Курс «{value}» должен быть положительным десятичным числом.',
  IMPORT_AMOUNT_INVALID: 'Сумма «{value}» в файле указана неверно ({field}).',
  IMPORT_DATE_INVALID: 'Дата «{value}» в файле указана неверно ({field}).',
  IMPORT_CURRENCY_UNKNOWN: 'В файле указана неизвестная валюта «{value}» ({field}).',
  IMPORT_MAPPING_NOT_FOUND: 'CSV-сопоставление «{value}» не сохранено.',
  IMPORT_FORMAT_INVALID: 'Формат «{value}» не подходит: 1c, csv, camt053 или mt940.',
  IMPORT_ALIAS_NOT_FOUND: 'Название поля банка «{value}» не сохранено.',
  IMPORT_ALIAS_TARGET_UNKNOWN: '«{value}» — не то поле 1С, которое читает импорт: выберите одно из них.',
  LEDGER_GRANT_NOT_FOUND: 'Гранта «{value}» в организации нет.',
  LEDGER_SOURCE_NOT_FOUND: 'Иностранного источника «{value}» в организации нет.',
  LEDGER_ACCOUNT_NOT_FOUND: 'Банковского счёта «{value}» в организации нет.',
  LEDGER_RECEIPT_NOT_FOUND: 'Поступление «{value}» не найдено.',
  LEDGER_EXPENDITURE_NOT_FOUND: 'Расход «{value}» не найден.',
  LEDGER_SOURCE_TAX_ID_INVALID: 'БИН/ИИН в Казахстане должен состоять из 12 цифр, а не «{value}».',
  LEDGER_COUNTRY_INVALID: 'Страна указывается двухбуквенным кодом ISO, а не «{value}».',
  LEDGER_BUDGET_OVER_GRANT:
    'Со статьёй «{name}» сумма статей бюджета ({total}) превышает сумму гранта ({grant}).',
  LEDGER_ALLOCATION_MISMATCH: 'Доли грантов в сумме {allocated} не равны сумме расхода {amount}.',
  CLI_OPTION_INVALID: 'Недопустимое значение «{value}» параметра ({field}).',
  IMPORT_BALANCE_MISMATCH:
    'Остатки или итоги выписки не сходятся: должно быть {expected}, а в файле {actual}.',
};

export const KK_DETAILED: Readonly<Record<string, string>> = {
  DATE_INVALID: '«{value}» күні қате көрсетілген: ЖЖЖЖ-АА-КК пішіміндегі күнтізбе күні қажет.',
  AMOUNT_INVALID: '«{value}» сомасы осы валюта үшін қате көрсетілген.',
  CURRENCY_INVALID: '«{value}» валюта коды үш әріптен тұруы керек.',
  CURRENCY_UNKNOWN: 'CivicLedger «{value}» валютасын білмейді.',
  RATE_INVALID: '«{value}» бағамы оң ондық сан болуы тиіс.',
  IMPORT_AMOUNT_INVALID: 'Файлдағы «{value}» сомасы қате көрсетілген ({field}).',
  IMPORT_DATE_INVALID: 'Файлдағы «{value}» күні қате көрсетілген ({field}).',
  IMPORT_CURRENCY_UNKNOWN: 'Файлда белгісіз «{value}» валютасы көрсетілген ({field}).',
  IMPORT_MAPPING_NOT_FOUND: '«{value}» атауымен CSV сәйкестендіруі сақталмаған.',
  IMPORT_FORMAT_INVALID: '«{value}» пішімі жарамсыз: 1c, csv, camt053 немесе mt940.',
  IMPORT_ALIAS_NOT_FOUND: 'Банк өрісінің «{value}» атауы сақталмаған.',
  IMPORT_ALIAS_TARGET_UNKNOWN: '«{value}» — импорт оқитын 1С өрісі емес: солардың бірін таңдаңыз.',
  LEDGER_GRANT_NOT_FOUND: 'Ұйымда «{value}» гранты жоқ.',
  LEDGER_SOURCE_NOT_FOUND: 'Ұйымда «{value}» шетелдік көзі жоқ.',
  LEDGER_ACCOUNT_NOT_FOUND: 'Ұйымда «{value}» банк шоты жоқ.',
  LEDGER_RECEIPT_NOT_FOUND: '«{value}» түсімі табылмады.',
  LEDGER_EXPENDITURE_NOT_FOUND: '«{value}» шығысы табылмады.',
  LEDGER_SOURCE_TAX_ID_INVALID: 'Қазақстандағы БСН/ЖСН 12 цифрдан тұруы керек, «{value}» емес.',
  LEDGER_COUNTRY_INVALID: 'Ел «{value}» емес, екі әріпті ISO кодымен көрсетіледі.',
  LEDGER_BUDGET_OVER_GRANT:
    '«{name}» бабымен бюджет баптарының сомасы ({total}) грант сомасынан ({grant}) асады.',
  LEDGER_ALLOCATION_MISMATCH: 'Грант үлестерінің қосындысы {allocated} шығыс сомасына {amount} тең емес.',
  CLI_OPTION_INVALID: 'Параметрдің «{value}» мәні жарамсыз ({field}).',
  IMPORT_BALANCE_MISMATCH:
    'Үзінді көшірменің қалдықтары немесе жиындары сәйкес келмейді: {expected} болуы керек, файлда {actual}.',
};
