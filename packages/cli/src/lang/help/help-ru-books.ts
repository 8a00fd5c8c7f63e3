/** The help's descriptions in Russian: the program, its database and keys, obligations, filings, bundles, organisations, imports and the ledger (keyed by the English text). */
export const RU_HELP_BOOKS: Readonly<Record<string, string>> = {
  'Language: commands with --lang print their text in ru, kk or en; without it CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG (ru_*, kk_*), else en.':
    'Язык: команды с --lang выводят текст на русском, казахском или английском; без --lang язык берётся из переменных окружения (см. --lang у команды), иначе английский.',
  'CivicLedger: foreign-funding compliance, legal defence and monitoring':
    'CivicLedger: соблюдение закона об иностранном финансировании, правовая защита и мониторинг',
  'key file of an encrypted database (else CIVIC_DB_KEY_FILE or CIVIC_DB_KEY)':
    'ключевой файл зашифрованной базы данных (иначе ключ берётся из переменной окружения)',
  'who makes the changes, for the audit trail (default: the operating-system user)':
    'кто вносит изменения, для журнала аудита (по умолчанию: пользователь операционной системы)',
  'create a database with one organisation, or the demo database with --demo':
    'создать базу данных с одной организацией или демонстрационную базу с --demo',
  'SQLite file or postgres:// URL': 'файл SQLite или адрес postgres://',
  'the organisation name': 'название организации',
  "the organisation's 12-digit BIN": '12-значный БИН организации',
  'create the demo database: the 2020–21 Kazakhstan case':
    'создать демонстрационную базу: дело Казахстана 2020–21 годов',
  'create the SQLite file encrypted (key from CIVIC_DB_KEY, CIVIC_DB_KEY_FILE or --key-file)':
    'создать файл SQLite зашифрованным (ключ из CIVIC_DB_KEY, CIVIC_DB_KEY_FILE или --key-file)',
  'language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en)':
    'язык выводимого текста: ru — русский, kk — казахский, en — английский (по умолчанию — из переменной окружения CIVIC_LANG, иначе из локали системы, иначе английский)',
  'print JSON': 'вывести в формате JSON',
  'encrypt a plain SQLite database in place (stop the server first); the key from --key-file, CIVIC_DB_KEY_FILE or CIVIC_DB_KEY':
    'зашифровать обычную базу данных на месте (сначала остановите сервер); ключ из --key-file или переменной окружения',
  'SQLite file': 'файл SQLite',
  'the key of an encrypted database': 'ключ зашифрованной базы данных',
  'rewrap the database key under a new passphrase or key file (the database is not rewritten)':
    'перешифровать ключ базы данных под новую парольную фразу или ключевой файл (сама база не переписывается)',
  'SQLite file or postgres:// URL (there, the key of the stored files)':
    'файл SQLite или адрес postgres:// (там — ключ хранимых файлов)',
  'the new key file (else CIVIC_DB_NEW_KEY_FILE or CIVIC_DB_NEW_KEY)':
    'новый ключевой файл (иначе CIVIC_DB_NEW_KEY_FILE или CIVIC_DB_NEW_KEY)',
  'lock the instance now: end every session, make the server drop its keys (nothing is deleted)':
    'заблокировать экземпляр сейчас: завершить все сеансы, сервер забывает свои ключи (ничего не удаляется)',
  'the duress password: signing in with it shows an empty organisation and locks the instance':
    'пароль под принуждением: вход с ним показывает пустую организацию и блокирует экземпляр',
  "set it (read from CIVIC_DURESS_PASSWORD or standard input; never an account's password)":
    'задать его (читается из CIVIC_DURESS_PASSWORD или стандартного ввода; никогда не пароль учётной записи)',
  'the environment variable holding it': 'переменная окружения, в которой он хранится',
  "the decoy organisation's name (default: the signing-in user's first organisation's)":
    'название подставной организации (по умолчанию: название первой организации входящего пользователя)',
  'turn it off': 'отключить его',
  'whether one is set': 'задан ли он',
  'every obligation (notifications, periodic reports) derived from the ledger and the rule pack, with due days and statuses':
    'все обязательства (уведомления, периодические отчёты), выведенные из учёта и свода правил, со сроками и статусами',
  'organisation id, name or BIN (default: every organisation)':
    'ид, название или БИН организации (по умолчанию: все организации)',
  'obligations whose receipt day or period falls on or after this day':
    'обязательства, у которых день поступления или период приходится на этот день или позже',
  'obligations whose receipt day or period falls on or before this day (default: --as-of)':
    'обязательства, у которых день поступления или период приходится на этот день или раньше (по умолчанию: --as-of)',
  'the day statuses are computed for (default: today)':
    'день, на который вычисляются статусы (по умолчанию: сегодня)',
  'rule pack (default: the pack of the organisation’s country)':
    'свод правил (по умолчанию: свод страны организации)',
  'calendar days before the due day an obligation counts as "due" (default 10)':
    'за сколько календарных дней до срока обязательство считается «подходящим» (по умолчанию 10)',
  'json or ics': 'json или ics',
  'print an iCalendar (RFC 5545) of the due days': 'вывести календарь iCalendar (RFC 5545) сроков',
  'write to a file instead of standard output': 'записать в файл вместо стандартного вывода',
  'the filings of an organisation (or of every one): ids, form, period, state, submission, corrections':
    'отчёты организации (или всех): ид, форма, период, состояние, подача, исправления',
  'prepare, lint, render and submit a filing': 'подготовить, проверить, сформировать и подать отчёт',
  'prepare a filing for an obligation from the ledger (a draft; a second prepare refreshes the draft)':
    'подготовить отчёт по обязательству из учёта (черновик; повторная подготовка обновляет черновик)',
  'obligation id as `civic obligations` lists it': 'ид обязательства, как его показывает `civic obligations`',
  'organisation (with --form, --from, --to)': 'организация (с --form, --from, --to)',
  'form id, e.g. F.018.00': 'ид формы, например F.018.00',
  'the period’s first day': 'первый день периода',
  'the period’s last day': 'последний день периода',
  'the submitted filing this one corrects': 'поданный отчёт, который исправляет этот',
  'one filing with its content': 'один отчёт с его содержимым',
  'filing id': 'ид отчёта',
  'check a filing against the ledger; exit 1 when there are errors':
    'проверить отчёт по учёту; код выхода 1 при ошибках',
  'the day to check on (default: today)': 'день проверки (по умолчанию: сегодня)',
  'render a filing as PDF, XLSX or JSON': 'сформировать отчёт в PDF, XLSX или JSON',
  'pdf|xlsx|json': 'pdf|xlsx|json',
  'the file to write': 'файл для записи',
  'the document in ru (default), kk or en (also the language of the line printed)':
    'документ на ru (по умолчанию), kk или en (и язык выводимой строки)',
  'record that a filing was submitted (day, channel, incoming number, attachments); it never changes afterwards':
    'записать, что отчёт подан (день, канал, входящий номер, приложения); после этого он не меняется',
  'the day it was handed in': 'день подачи',
  'how: cabinet.salyk.kz, egov, paper, post, …': 'как: cabinet.salyk.kz, egov, на бумаге, почтой, …',
  'the incoming number the authority gave it': 'входящий номер, присвоенный органом',
  'a file handed in with it (repeatable)': 'файл, поданный вместе с ним (можно повторять)',
  'export records as files': 'выгрузить записи в файлы',
  'write a filing with its receipts, submission and the log entries that prove them, for `civic verify`; with TSA_URL set, the head gets an RFC 3161 timestamp from that authority':
    'записать отчёт с его поступлениями, подачей и записями журнала, которые их доказывают, для `civic verify`; если задан TSA_URL, вершина получает метку времени RFC 3161 от этого органа',
  'the bundle file to write': 'файл пакета для записи',
  'language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en) (JSON stays as it is)':
    'язык выводимого текста: ru — русский, kk — казахский, en — английский (по умолчанию — из переменной окружения CIVIC_LANG, иначе из локали системы, иначе английский) (JSON остаётся как есть)',
  'check every hash and signature of a bundle (no database needed); exit 0 when all hold, 1 naming the first that fails':
    'проверить каждый хеш и подпись пакета (база не нужна); код выхода 0, если всё верно, 1 с указанием первого несовпадения',
  "the signer expected: the organisation's published fingerprint or its public key (another signer: exit 1)":
    'ожидаемый подписант: опубликованный отпечаток организации или её открытый ключ (другой подписант: код выхода 1)',
  'the time-stamping authorities trusted: their CA certificates (PEM, one or more; default TSA_CA_FILE); a timestamp whose authority does not chain to one: exit 1':
    'доверенные органы меток времени: их сертификаты УЦ (PEM, один или несколько; по умолчанию TSA_CA_FILE); метка, орган которой не восходит ни к одному из них: код выхода 1',
  'a file written by `civic export bundle`': 'файл, записанный `civic export bundle`',
  'the append-only, hash-chained log': 'журнал только для добавления, связанный цепочкой хешей',
  "re-hash an organisation's log chain in the database (every organisation when --org is left out); exit 1 naming the first entry that fails":
    'пересчитать цепочку журнала организации в базе (всех организаций, если --org не указан); код выхода 1 с указанием первой неверной записи',
  'organisation id, name or BIN': 'ид, название или БИН организации',
  "an organisation's record": 'карточка организации',
  "the organisation's other names (Latin and Cyrillic spellings such as Эхо for Echo, former names): with names, replaces them and re-indexes its incidents; without, prints them":
    'другие названия организации (написания латиницей и кириллицей, например Эхо для Echo, прежние названия): с названиями — заменяет их и заново индексирует её инциденты; без них — выводит их',
  'organisation id, name or BIN (optional with one organisation)':
    'ид, название или БИН организации (необязательно, если организация одна)',
  "the organisation's BIN: with a number, sets or corrects it (12 digits, control digit checked; audited); with --clear, removes it; without, prints it":
    'БИН организации: с номером — задаёт или исправляет его (12 цифр, проверяется контрольная цифра; изменение записывается в журнал); с --clear — удаляет; без номера — показывает',
  "the organisation's name: with a name, corrects it (the old name stays among its aliases; audited); without, prints it":
    'название организации: с названием — исправляет его (прежнее название остаётся среди других её названий; изменение записывается в журнал); без названия — показывает',
  'remove the BIN': 'удалить БИН',
  'remove every alias': 'удалить все другие названия',
  "print the organisation's public signing key and its fingerprint (made on first need): publish the fingerprint so that readers of its bundles can compare it":
    'вывести открытый ключ подписи организации и его отпечаток (создаётся при первой необходимости): опубликуйте отпечаток, чтобы читатели её пакетов могли его сверить',
  'import files into the database': 'импортировать файлы в базу данных',
  'import a bank statement (1C, CSV, CAMT.053, MT940) in one transaction; re-importing adds nothing':
    'импортировать банковскую выписку (1C, CSV, CAMT.053, MT940) одной транзакцией; повторный импорт ничего не добавляет',
  'organisation id, name or BIN (may be left out while the database has one)':
    'ид, название или БИН организации (можно не указывать, пока в базе одна организация)',
  '1c|csv|camt053|mt940 (detected when left out)': '1c|csv|camt053|mt940 (определяется, если не указан)',
  'CSV column mapping (JSON, see docs/formats.md)': 'сопоставление столбцов CSV (JSON, см. docs/formats.md)',
  'save --mapping under this name, or use the mapping saved under it':
    'сохранить --mapping под этим именем или использовать сохранённое под ним сопоставление',
  "CSV without a currency column and without --mapping: the statement's currency (never assumed)":
    'CSV без столбца валюты и без --mapping: валюта выписки (никогда не предполагается)',
  '1C field aliases (JSON object "bank field": "known field")':
    'синонимы полей 1C (объект JSON "поле банка": "известное поле")',
  "keep --aliases for the organisation's later imports":
    'сохранить --aliases для последующих импортов организации',
  'parse and check everything, write nothing, list every line and statement':
    'разобрать и проверить всё, ничего не записывать, перечислить каждую строку и выписку',
  'import a statement whose balances do not add up (the batch is marked)':
    'импортировать выписку, остатки которой не сходятся (пакет помечается)',
  'language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en) (the summary and warnings; JSON stays codes)':
    'язык выводимого текста: ru — русский, kk — казахский, en — английский (по умолчанию — из переменной окружения CIVIC_LANG, иначе из локали системы, иначе английский) (итог и предупреждения; в JSON остаются коды)',
  'the statement file': 'файл выписки',
  'import official exchange rates: the NBK daily XML or CSV date,currency,rate,units (one transaction)':
    'импортировать официальные курсы валют: ежедневный XML НБК или CSV дата,валюта,курс,единиц (одной транзакцией)',
  "the rates are this pack's reference rates (quoted in its currency by its authority, e.g. in-fcra: INR per unit, RBI); CSV date,currency,rate[,units][,source]":
    'курсы — справочные курсы этого свода (в его валюте, от его органа, например in-fcra: INR за единицу, RBI); CSV дата,валюта,курс[,единиц][,источник]',
  'language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en) (the summary; JSON stays as it is)':
    'язык выводимого текста: ru — русский, kk — казахский, en — английский (по умолчанию — из переменной окружения CIVIC_LANG, иначе из локали системы, иначе английский) (итог; JSON остаётся как есть)',
  'the rates file': 'файл курсов',
  'the ledger of foreign funding': 'учёт иностранного финансирования',
  'received − spent by grant, source or account at a date; a grant spent beyond what it received is flagged':
    'получено − израсходовано по гранту, источнику или счёту на дату; грант, израсходованный сверх полученного, отмечается',
  'grant|source|account': 'grant (по грантам), source (по источникам) или account (по счетам)',
  'the day (inclusive), YYYY-MM-DD; default: everything recorded':
    'день (включительно), ГГГГ-ММ-ДД; по умолчанию: всё записанное',
  'export the books as a ledger-cli, hledger or beancount journal, or CSV (standard output unless --out)':
    'выгрузить книги как журнал ledger-cli, hledger или beancount либо CSV (в стандартный вывод, если не указан --out)',
  'ledger|hledger|beancount|csv': 'ledger|hledger|beancount|csv',
  'funding (receipts, expenditures, allocations) or all (every bank line too)':
    'funding (финансирование: поступления, расходы, распределения) или all (всё, и каждая банковская строка)',
  'write to this file instead of standard output': 'записать в этот файл вместо стандартного вывода',
  "language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en): the CSV header and row types, the journals' comments":
    'язык выводимого текста: ru — русский, kk — казахский, en — английский (по умолчанию — из переменной окружения CIVIC_LANG, иначе из локали системы, иначе английский): заголовок CSV и типы строк, комментарии журналов',
  'report errors as JSON on standard output': 'сообщать об ошибках в формате JSON в стандартный вывод',
  'incoming payments that look like foreign funding, for a person to confirm or reject':
    'входящие платежи, похожие на иностранное финансирование, — на подтверждение или отклонение человеком',
  'list candidates (proposed ones unless --status says otherwise)':
    'перечислить кандидатов (предложенных, если --status не говорит иного)',
  'proposed|confirmed|rejected|all':
    'proposed (предложенные), confirmed (подтверждённые), rejected (отклонённые) или all (все)',
  'confirm a candidate as a receipt of foreign funding (creates the receipt with its KZT equivalent)':
    'подтвердить кандидата как поступление иностранного финансирования (создаёт поступление с его эквивалентом в тенге)',
  'an existing source (id or name); default: the source the payer matched':
    'существующий источник (ид или название); по умолчанию: источник, с которым совпал плательщик',
  'create a new source with this name (payer tax id and account recorded on it)':
    'создать новый источник с этим названием (с налоговым номером и счётом плательщика)',
  'category of the new source: foreign-state|international-organisation|foreign-organisation|foreign-citizen|stateless-person':
    'категория нового источника: foreign-state (иностранное государство), international-organisation (международная организация), foreign-organisation (иностранная организация), foreign-citizen (иностранный гражданин) или stateless-person (лицо без гражданства)',
  'ISO country code of the new source': 'код страны нового источника по ISO',
  'the grant it belongs to (id or agreement number)':
    'грант, к которому он относится (ид или номер договора)',
  'who decides (recorded)': 'кто решает (записывается)',
  'the candidate id': 'ид кандидата',
  'reject a candidate: the payment is not foreign funding':
    'отклонить кандидата: платёж не является иностранным финансированием',
  'foreign sources (the five categories of the law)': 'иностранные источники (пять категорий закона)',
  'add a foreign source': 'добавить иностранный источник',
  'the name': 'название',
  'foreign-state|international-organisation|foreign-organisation|foreign-citizen|stateless-person':
    'foreign-state (иностранное государство), international-organisation (международная организация), foreign-organisation (иностранная организация), foreign-citizen (иностранный гражданин) или stateless-person (лицо без гражданства)',
  'ISO 3166 two-letter country code': 'двухбуквенный код страны ISO 3166',
  'its tax id (to recognise its payments)': 'его налоговый номер (чтобы узнавать его платежи)',
  'an account it pays from (repeatable)': 'счёт, с которого он платит (можно повторять)',
  'another name it appears under in statements (repeatable)':
    'другое название, под которым он встречается в выписках (можно повторять)',
  notes: 'примечания',
  'list foreign sources': 'перечислить иностранные источники',
  'grant agreements with foreign sources': 'договоры о грантах с иностранными источниками',
  'add a grant agreement': 'добавить договор о гранте',
  'the source (id or name)': 'источник (ид или название)',
  'the agreement number': 'номер договора',
  'the agreement date': 'дата договора',
  'ISO 4217 currency': 'валюта ISO 4217',
  'the amount agreed': 'согласованная сумма',
  'the period start': 'начало периода',
  'the period end': 'конец периода',
  'the covered activity': 'покрываемая деятельность',
  'a title': 'заголовок',
  'a line of its budget and the amount set for it (repeatable)':
    'статья бюджета и сумма, выделенная на неё (можно повторять)',
  'list grants': 'перечислить гранты',
  "the organisation's bank accounts": 'банковские счета организации',
  'add a bank account': 'добавить банковский счёт',
  'IBAN / IIK': 'IBAN / ИИК',
  'the bank': 'банк',
  'a label': 'метка',
  'list bank accounts': 'перечислить банковские счета',
  'receipts of money or property from foreign sources':
    'поступления денег или имущества из иностранных источников',
  'record a receipt by hand (its KZT equivalent at the official rate of the day)':
    'записать поступление вручную (его эквивалент в тенге по официальному курсу дня)',
  'the grant (id or agreement number)': 'грант (ид или номер договора)',
  'the bank account (id or number)': 'банковский счёт (ид или номер)',
  'the day received': 'день поступления',
  'the amount (or the valuation of property)': 'сумма (или оценка имущества)',
  'its currency': 'её валюта',
  'property received in kind (the amount is then its valuation, optional)':
    'имущество, полученное в натуральной форме (сумма тогда — его оценка, необязательно)',
  'how the property was valued': 'как оценено имущество',
  'the day it was valued (default: the day received)': 'день оценки (по умолчанию: день поступления)',
  'a description': 'описание',
  'list receipts': 'перечислить поступления',
  'from this day': 'начиная с этого дня',
  'up to this day': 'по этот день',
  'expenditures allocated to grants': 'расходы, распределённые по грантам',
  'record an expenditure allocated to one or more grants':
    'записать расход, распределённый на один или несколько грантов',
  'the day spent': 'день расхода',
  'the amount': 'сумма',
  'a grant and its share (repeatable; one grant alone takes the whole)':
    'грант и его доля (можно повторять; единственный грант берёт всю сумму)',
  'what it was for': 'на что потрачено',
  'who was paid': 'кому заплачено',
  "the line of the grant's budget it is spent under, by name or id (repeatable: GRANT=LINE for each of several grants)":
    'статья бюджета гранта, по которой идёт расход, по названию или ид (можно повторять: ГРАНТ=СТАТЬЯ для каждого из нескольких грантов)',
  'list expenditures': 'перечислить расходы',
};
