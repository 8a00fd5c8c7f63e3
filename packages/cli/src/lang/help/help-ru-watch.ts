/** The help's descriptions in Russian: waves, briefs, the feed, incidents, places, deadlines, rule packs, claims, cases, backups and notices (keyed by the English text). */
export const RU_HELP_WATCH: Readonly<Record<string, string>> = {
  'coordinated waves of actions across organisations and places':
    'согласованные волны действий против организаций в разных местах',
  'find clusters of similar actions against several organisations in several places within a short time (space–time permutation scan, docs/waves.md)':
    'найти скопления похожих действий против нескольких организаций в нескольких местах за короткое время (пространственно-временное перестановочное сканирование, docs/waves.md)',
  'an incident CSV (columns in docs/formats.md)': 'CSV инцидентов (столбцы в docs/formats.md)',
  'seed of the Monte Carlo replicates (default 1): same data and seed, same p-values':
    'зерно повторов Монте-Карло (по умолчанию 1): те же данные и зерно — те же p-значения',
  'Monte Carlo replications (default 999)': 'число повторов Монте-Карло (по умолчанию 999)',
  'study period: first day (YYYY-MM-DD)': 'период исследования: первый день (ГГГГ-ММ-ДД)',
  'study period: last day (YYYY-MM-DD)': 'период исследования: последний день (ГГГГ-ММ-ДД)',
  'organisations a wave needs to be called coordinated (default 3)':
    'сколько организаций нужно, чтобы волна считалась согласованной (по умолчанию 3)',
  'places a wave needs to be called coordinated (default 2)':
    'сколько мест нужно, чтобы волна считалась согласованной (по умолчанию 2)',
  'every wave found, not only the significant (p < 0.05) coordinated ones':
    'все найденные волны, не только значимые (p < 0,05) согласованные',
  'briefs about detected waves: create, publish, render':
    'сводки об обнаруженных волнах: создать, опубликовать, сформировать',
  'write a brief for a wave (Markdown, HTML or PDF) and store it unpublished':
    'написать сводку о волне (Markdown, HTML или PDF) и сохранить её неопубликованной',
  'a wave id from `civic waves detect` (with the same --from/--to)':
    'ид волны из `civic waves detect` (с теми же --from/--to)',
  "en, ru or kk: the brief's language and the printed line's (default: an English brief; the line in CIVIC_LANG, else the locale's language)":
    'en, ru или kk: язык сводки и выводимой строки (по умолчанию: сводка на английском; строка на языке CIVIC_LANG, иначе локали)',
  'md, html or pdf': 'md, html или pdf',
  'where to write it (Markdown and HTML print without it)':
    'куда записать (Markdown и HTML без него выводятся на экран)',
  'publish a brief: it becomes public and enters the Atom feed':
    'опубликовать сводку: она становится публичной и попадает в ленту Atom',
  'the brief id': 'ид сводки',
  'render a stored brief again': 'сформировать сохранённую сводку заново',
  'where to write it': 'куда записать',
  'list briefs, newest first': 'перечислить сводки, сначала новые',
  'only published briefs': 'только опубликованные сводки',
  'the Atom feed of published briefs and public incidents':
    'лента Atom опубликованных сводок и публичных инцидентов',
  'write the feed to a file instead of standard output': 'записать ленту в файл вместо стандартного вывода',
  "the site's public address for links": 'публичный адрес сайта для ссылок',
  "language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en): the feed's title and incident titles (xml:lang), briefs in their own language":
    'язык выводимого текста: ru — русский, kk — казахский, en — английский (по умолчанию — из переменной окружения CIVIC_LANG, иначе из локали системы, иначе английский): заголовок ленты и заголовки инцидентов (xml:lang), сводки на своём языке',
  'incidents of pressure on civic space: import, export, search':
    'инциденты давления на гражданское пространство: импорт, выгрузка, поиск',
  'import incidents from CSV or JSON (docs/formats.md) in one transaction; a bad row rejects the file':
    'импортировать инциденты из CSV или JSON (docs/formats.md) одной транзакцией; неверная строка отклоняет весь файл',
  'csv or json (default: from the file name)': 'csv или json (по умолчанию: по имени файла)',
  'public (default), network or private':
    'public (публичные, по умолчанию), network (для сети) или private (закрытые)',
  'the owner organisation (id, name or BIN; needed for network/private, may be left out when the database has one)':
    'организация-владелец (ид, название или БИН; нужна для network/private, можно не указывать, если в базе одна организация)',
  'the same as --org': 'то же, что --org',
  'export incidents as CSV (the import columns), JSON, or ACLED-compatible CSV':
    'выгрузить инциденты как CSV (столбцы импорта), JSON или CSV, совместимый с ACLED',
  'csv, json or acled': 'csv, json или acled',
  'write to this file (default: standard output)': 'записать в этот файл (по умолчанию: стандартный вывод)',
  'only incidents matching this full-text query':
    'только инциденты, подходящие под этот полнотекстовый запрос',
  'incidents on or after this day (YYYY-MM-DD)': 'инциденты в этот день или позже (ГГГГ-ММ-ДД)',
  'incidents on or before this day (YYYY-MM-DD)': 'инциденты в этот день или раньше (ГГГГ-ММ-ДД)',
  'a place or region, in any spelling the gazetteer knows':
    'место или регион, в любом написании, известном справочнику мест',
  'an action type (docs/formats.md) or a synonym': 'тип действия (docs/formats.md) или синоним',
  'a legal basis: the article and its parts ("CoAO 460-1")':
    'правовое основание: статья и её части («КоАП 460-1»)',
  'the organisation concerned (name, or id in this database)':
    'затронутая организация (название или ид в этой базе)',
  'only what the public may see (default: everything, as the operator)':
    'только то, что может видеть публика (по умолчанию: всё, как оператор)',
  'with --out: print a JSON summary': 'с --out: вывести итог в формате JSON',
  'full-text search over organisation, place, authority, legal basis, outcome and notes, with filters; newest first':
    'полнотекстовый поиск по организации, месту, органу, правовому основанию, исходу и примечаниям, с фильтрами; сначала новые',
  'page size (default 50, at most 1000)': 'размер страницы (по умолчанию 50, не более 1000)',
  'skip this many matches': 'пропустить столько совпадений',
  'the bundled gazetteer of Kazakhstan': 'встроенный справочник мест Казахстана',
  'a place by any of its names (Kazakh, Russian, English, old and new); an unknown place is reported, never guessed':
    'место по любому из его названий (казахскому, русскому, английскому, старому и новому); о неизвестном месте сообщается, оно никогда не угадывается',
  'compute a due day by a rule pack: N working days from the day after --from, N calendar days, N months or a period':
    'вычислить срок по своду правил: столько-то рабочих дней со дня после --from, календарных дней, месяцев или период',
  'rule pack id (rules/<id>.yaml) or file': 'ид свода правил (rules/<ид>.yaml) или файл',
  'the event day (YYYY-MM-DD): receipt, period end, service of a ruling':
    'день события (ГГГГ-ММ-ДД): поступление, конец периода, вручение постановления',
  'count N working days from the day after --from': 'отсчитать N рабочих дней со дня после --from',
  '--from plus N calendar days (moved off a day off when the pack says so)':
    '--from плюс N календарных дней (с переносом с выходного, если так сказано в своде)',
  '--from plus N months (month ends clamped; moved off a day off when the pack says so)':
    '--from плюс N месяцев (с поправкой на конец месяца; с переносом с выходного, если так сказано в своде)',
  '--from plus an ISO 8601 period such as P2M or P10D': '--from плюс период ISO 8601, например P2M или P10D',
  "use an obligation's deadline rule and citation (the version in force on --from)":
    'использовать правило срока и ссылку обязательства (редакцию, действующую на --from)',
  'outside the calendar’s years, count weekends only (flagged unverified) instead of failing':
    'вне лет календаря считать только выходные (с пометкой «не проверено») вместо отказа',
  'rule packs: list, validate, show': 'своды правил: перечислить, проверить, показать',
  'every pack in the rules folder': 'все своды в папке правил',
  'validate a rule pack against the schema; exit 2 naming the YAML path of the first problem':
    'проверить свод правил по схеме; код выхода 2 с указанием пути YAML первой проблемы',
  'a pack id (rules/<id>.yaml)': 'ид свода (rules/<ид>.yaml)',
  'a pack file (default: every pack in the rules folder)':
    'файл свода (по умолчанию: все своды в папке правил)',
  'show a rule pack: obligations, offences, limitation, appeals, fine unit, calendar; unverified rules marked':
    'показать свод правил: обязательства, правонарушения, давность, обжалование, МРП, календарь; непроверенные правила отмечены',
  'rule pack id or file': 'ид или файл свода правил',
  'print the whole validated pack as JSON': 'вывести весь проверенный свод в формате JSON',
  'check an authority action against the law': 'проверить действие органа на соответствие закону',
  'check one authority action described in a claim file (see docs/claims.md); exit 1 when a finding favours the defence':
    'проверить одно действие органа, описанное в файле требования (см. docs/claims.md); код выхода 1, если вывод в пользу защиты',
  'the decisive date when the claim has no ruling or proceedings date (default: today)':
    'решающая дата, если в требовании нет даты постановления или производства (по умолчанию: сегодня)',
  "the folder of rule packs the claim's pack id is looked up in (default: rules/)":
    'папка сводов правил, в которой ищется ид свода требования (по умолчанию: rules/)',
  'the claim file (JSON)': 'файл требования (JSON)',
  'list the cases of every organisation (or of one with --org)':
    'перечислить дела всех организаций (или одной с --org)',
  'only this organisation (id, name or BIN)': 'только эта организация (ид, название или БИН)',
  'one case: show, check, draft an objection, add from a file':
    'одно дело: показать, проверить, составить возражение, добавить из файла',
  'the case id': 'ид дела',
  "check every action of the case against its rule pack and the organisation's records; exit 1 when a finding favours the defence":
    'проверить каждое действие дела по его своду правил и записям организации; код выхода 1, если вывод в пользу защиты',
  'judge deadlines and open limitation periods on this day (default: today)':
    'оценить сроки и незавершённые сроки давности на этот день (по умолчанию: сегодня)',
  'open a case from a case file, with its actions, documents and links':
    'открыть дело из файла дела, с его действиями, документами и связями',
  'the organisation (id, name or BIN); may be left out when the database has one':
    'организация (ид, название или БИН); можно не указывать, если в базе одна организация',
  'a case file (JSON, see docs/claims.md)': 'файл дела (JSON, см. docs/claims.md)',
  'draft an objection (a complaint against the ruling) from the case: DOCX to edit, or PDF':
    'составить возражение (жалобу на постановление) по делу: DOCX для правки или PDF',
  'ru, kk or en': 'ru, kk или en',
  'docx or pdf': 'docx или pdf',
  'where to write the draft': 'куда записать черновик',
  'the date of the draft and of the check (default: today)':
    'дата черновика и проверки (по умолчанию: сегодня)',
  'court or higher-official: who the complaint is addressed to':
    'court (суд) или higher-official (вышестоящее должностное лицо): кому адресована жалоба',
  'print what was written as JSON': 'вывести записанное в формате JSON',
  'every open deadline of every case (appeals, hearings, ends of suspensions, limitation), across organisations':
    'все открытые сроки всех дел (обжалование, заседания, окончание приостановлений, давность) по всем организациям',
  'mark deadlines before this day as passed (default: today)':
    'отметить сроки ранее этого дня как прошедшие (по умолчанию: сегодня)',
  'include deadlines a later action made moot and those of closed cases':
    'включить сроки, потерявшие смысл из-за более позднего действия, и сроки закрытых дел',
  'print an iCalendar feed (RFC 5545)': 'вывести ленту iCalendar (RFC 5545)',
  'write the output to a file instead of standard output': 'записать вывод в файл вместо стандартного вывода',
  'encrypted backups (age format) that restore': 'зашифрованные резервные копии, которые восстанавливаются',
  'make a backup key pair: the secret key into KEYFILE (mode 0600), the public key printed':
    'создать пару ключей для резервных копий: секретный ключ в КЛЮЧЕВОЙ ФАЙЛ (права 0600), открытый ключ выводится',
  'the key file to write (never overwritten)': 'ключевой файл для записи (никогда не перезаписывается)',
  'write one encrypted backup: a snapshot of the database, the stored files, a manifest':
    'записать одну зашифрованную резервную копию: снимок базы, хранимые файлы, манифест',
  'the backup file to write': 'файл резервной копии для записи',
  'an age public key (age1…) that can open the backup; repeat for more':
    'открытый ключ age (age1…), которым можно открыть копию; повторите для нескольких',
  'encrypt to the passphrase in this environment variable instead':
    'вместо этого зашифровать парольной фразой из этой переменной окружения',
  'the folder of stored files to include': 'папка хранимых файлов, которые надо включить',
  'decrypt a backup and check every part against its manifest; exit 1 naming the part that fails':
    'расшифровать резервную копию и сверить каждую часть с манифестом; код выхода 1 с указанием неверной части',
  'the age key file': 'ключевой файл age',
  'the environment variable holding the passphrase (for a passphrase backup)':
    'переменная окружения с парольной фразой (для копии под парольной фразой)',
  'the backup file': 'файл резервной копии',
  'restore a backup into a NEW database (never over an existing one), checked before it appears':
    'восстановить резервную копию в НОВУЮ базу (никогда поверх существующей), с проверкой до её появления',
  'a new SQLite file, or the URL of an empty PostgreSQL database':
    'новый файл SQLite или адрес пустой базы PostgreSQL',
  "a new folder for the backup's stored files": 'новая папка для хранимых файлов копии',
  'write the new SQLite database encrypted with the key of --key-file, CIVIC_DB_KEY_FILE or CIVIC_DB_KEY':
    'записать новую базу SQLite зашифрованной ключом из --key-file, CIVIC_DB_KEY_FILE или CIVIC_DB_KEY',
  'reminders and alerts: run the schedule, see the outbox':
    'напоминания и оповещения: запустить расписание, посмотреть исходящие',
  'compute the reminders and alerts due and send them (each message once)':
    'вычислить наступившие напоминания и оповещения и отправить их (каждое сообщение один раз)',
  'run as on this day (YYYY-MM-DD, in the rule pack’s time zone)':
    'выполнить как на этот день (ГГГГ-ММ-ДД, в часовом поясе свода правил)',
  'record and send nothing; list what would be sent':
    'ничего не записывать и не отправлять; перечислить, что было бы отправлено',
  'with SMTP_URL, also e-mail what was kept in the app while there was no SMTP':
    'при заданном SMTP_URL также отправить по почте то, что хранилось в приложении, пока SMTP не было',
  'tell monitors of new waves (p < 0.05): the default':
    'сообщить мониторам о новых волнах (p < 0,05): по умолчанию',
  'do not look for new waves': 'не искать новые волны',
  'language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en) (the lines printed; messages keep their own language)':
    'язык выводимого текста: ru — русский, kk — казахский, en — английский (по умолчанию — из переменной окружения CIVIC_LANG, иначе из локали системы, иначе английский) (выводимые строки; сообщения сохраняют свой язык)',
  'every recorded message: to whom, what, and whether it was sent':
    'все записанные сообщения: кому, что и было ли отправлено',
  'only queued, pending or sent messages':
    'только сообщения со статусом queued (в очереди), pending (ожидают) или sent (отправлены)',
  'first e-mail (SMTP_URL) every message kept in the app while there was no SMTP':
    'сначала отправить по почте (SMTP_URL) каждое сообщение, хранившееся в приложении, пока SMTP не было',
};
