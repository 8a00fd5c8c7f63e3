/** The help's descriptions in Kazakh: the program, its database and keys, obligations, filings, bundles, organisations, imports and the ledger (keyed by the English text). */
export const KK_HELP_BOOKS: Readonly<Record<string, string>> = {
  'Language: commands with --lang print their text in ru, kk or en; without it CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG (ru_*, kk_*), else en.':
    'Тіл: --lang бар командалар мәтінді орыс, қазақ немесе ағылшын тілінде шығарады; --lang болмаса, тіл орта айнымалыларынан алынады (команданың --lang параметрін қараңыз), әйтпесе ағылшын тілі.',
  'CivicLedger: foreign-funding compliance, legal defence and monitoring':
    'CivicLedger: шетелдік қаржыландыру туралы заңды сақтау, құқықтық қорғау және мониторинг',
  'key file of an encrypted database (else CIVIC_DB_KEY_FILE or CIVIC_DB_KEY)':
    'шифрланған дерекқордың кілт файлы (әйтпесе кілт орта айнымалысынан алынады)',
  'who makes the changes, for the audit trail (default: the operating-system user)':
    'өзгерістерді кім енгізеді, аудит журналы үшін (әдепкі: операциялық жүйенің пайдаланушысы)',
  'create a database with one organisation, or the demo database with --demo':
    'бір ұйыммен дерекқор құру немесе --demo арқылы демо дерекқор құру',
  'SQLite file or postgres:// URL': 'SQLite файлы немесе postgres:// мекенжайы',
  'the organisation name': 'ұйымның атауы',
  "the organisation's 12-digit BIN": 'ұйымның 12 таңбалы БСН-і',
  'create the demo database: the 2020–21 Kazakhstan case':
    'демо дерекқорды құру: Қазақстанның 2020–21 жылдардағы ісі',
  'create the SQLite file encrypted (key from CIVIC_DB_KEY, CIVIC_DB_KEY_FILE or --key-file)':
    'SQLite файлын шифрланған түрде құру (кілт CIVIC_DB_KEY, CIVIC_DB_KEY_FILE немесе --key-file арқылы)',
  'language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en)':
    'шығарылатын мәтіннің тілі: ru — орыс, kk — қазақ, en — ағылшын (әдепкі — CIVIC_LANG орта айнымалысынан, әйтпесе жүйе локалінен, әйтпесе ағылшын)',
  'print JSON': 'JSON түрінде шығару',
  'encrypt a plain SQLite database in place (stop the server first); the key from --key-file, CIVIC_DB_KEY_FILE or CIVIC_DB_KEY':
    'кәдімгі дерекқорды орнында шифрлау (алдымен серверді тоқтатыңыз); кілт --key-file немесе орта айнымалысы арқылы',
  'SQLite file': 'SQLite файлы',
  'the key of an encrypted database': 'шифрланған дерекқордың кілті',
  'rewrap the database key under a new passphrase or key file (the database is not rewritten)':
    'дерекқор кілтін жаңа құпия фразамен немесе кілт файлымен қайта орау (дерекқордың өзі қайта жазылмайды)',
  'SQLite file or postgres:// URL (there, the key of the stored files)':
    'SQLite файлы немесе postgres:// мекенжайы (онда — сақталған файлдардың кілті)',
  'the new key file (else CIVIC_DB_NEW_KEY_FILE or CIVIC_DB_NEW_KEY)':
    'жаңа кілт файлы (әйтпесе CIVIC_DB_NEW_KEY_FILE немесе CIVIC_DB_NEW_KEY)',
  'lock the instance now: end every session, make the server drop its keys (nothing is deleted)':
    'данаға қазір құлып салу: барлық сеанстарды аяқтау, сервер өз кілттерін ұмытады (ештеңе жойылмайды)',
  'the duress password: signing in with it shows an empty organisation and locks the instance':
    'мәжбүрлеу кезіндегі құпия сөз: онымен кіргенде бос ұйым көрсетіледі және данаға құлып салынады',
  "set it (read from CIVIC_DURESS_PASSWORD or standard input; never an account's password)":
    'оны орнату (CIVIC_DURESS_PASSWORD немесе стандартты енгізуден оқылады; ешқашан тіркелгінің құпия сөзі емес)',
  'the environment variable holding it': 'оны сақтайтын орта айнымалысы',
  "the decoy organisation's name (default: the signing-in user's first organisation's)":
    'жалған ұйымның атауы (әдепкі: кіретін пайдаланушының бірінші ұйымының атауы)',
  'turn it off': 'оны өшіру',
  'whether one is set': 'ол орнатылған ба',
  'every obligation (notifications, periodic reports) derived from the ledger and the rule pack, with due days and statuses':
    'барлық міндеттемелер (хабарламалар, мерзімдік есептер), есеп пен ережелер жинағынан шығарылған, мерзімдері мен мәртебелерімен',
  'organisation id, name or BIN (default: every organisation)':
    'ұйымның идентификаторы, атауы немесе БСН-і (әдепкі: барлық ұйымдар)',
  'obligations whose receipt day or period falls on or after this day':
    'түсу күні немесе кезеңі осы күнге немесе одан кейін келетін міндеттемелер',
  'obligations whose receipt day or period falls on or before this day (default: --as-of)':
    'түсу күні немесе кезеңі осы күнге немесе одан бұрын келетін міндеттемелер (әдепкі: --as-of)',
  'the day statuses are computed for (default: today)': 'мәртебелер есептелетін күн (әдепкі: бүгін)',
  'rule pack (default: the pack of the organisation’s country)':
    'ережелер жинағы (әдепкі: ұйым елінің жинағы)',
  'calendar days before the due day an obligation counts as "due" (default 10)':
    'міндеттеме «жақындаған» болып саналатын мерзімге дейінгі күнтізбелік күндер (әдепкі 10)',
  'json or ics': 'json немесе ics',
  'print an iCalendar (RFC 5545) of the due days': 'мерзімдердің iCalendar күнтізбесін (RFC 5545) шығару',
  'write to a file instead of standard output': 'стандартты шығыстың орнына файлға жазу',
  'the filings of an organisation (or of every one): ids, form, period, state, submission, corrections':
    'ұйымның (немесе барлығының) есептері: идентификатор, нысан, кезең, күйі, тапсыру, түзетулер',
  'prepare, lint, render and submit a filing': 'есепті дайындау, тексеру, қалыптастыру және тапсыру',
  'prepare a filing for an obligation from the ledger (a draft; a second prepare refreshes the draft)':
    'міндеттеме бойынша есепті есепке алудан дайындау (жоба; қайта дайындау жобаны жаңартады)',
  'obligation id as `civic obligations` lists it': '`civic obligations` көрсететін міндеттеме идентификаторы',
  'organisation (with --form, --from, --to)': 'ұйым (--form, --from, --to бірге)',
  'form id, e.g. F.018.00': 'нысан идентификаторы, мысалы F.018.00',
  'the period’s first day': 'кезеңнің бірінші күні',
  'the period’s last day': 'кезеңнің соңғы күні',
  'the submitted filing this one corrects': 'осы есеп түзететін тапсырылған есеп',
  'one filing with its content': 'бір есеп мазмұнымен',
  'filing id': 'есеп идентификаторы',
  'check a filing against the ledger; exit 1 when there are errors':
    'есепті есепке алу бойынша тексеру; қателер болса шығу коды 1',
  'the day to check on (default: today)': 'тексеру күні (әдепкі: бүгін)',
  'render a filing as PDF, XLSX or JSON': 'есепті PDF, XLSX немесе JSON түрінде қалыптастыру',
  'pdf|xlsx|json': 'pdf|xlsx|json',
  'the file to write': 'жазылатын файл',
  'the document in ru (default), kk or en (also the language of the line printed)':
    'құжат ru (әдепкі), kk немесе en тілінде (шығарылатын жолдың тілі де)',
  'record that a filing was submitted (day, channel, incoming number, attachments); it never changes afterwards':
    'есептің тапсырылғанын жазу (күні, арнасы, кіріс нөмірі, қосымшалары); содан кейін ол ешқашан өзгермейді',
  'the day it was handed in': 'тапсырылған күн',
  'how: cabinet.salyk.kz, egov, paper, post, …': 'қалай: cabinet.salyk.kz, egov, қағазбен, поштамен, …',
  'the incoming number the authority gave it': 'органның берген кіріс нөмірі',
  'a file handed in with it (repeatable)': 'онымен бірге тапсырылған файл (қайталауға болады)',
  'export records as files': 'жазбаларды файлдарға шығару',
  'write a filing with its receipts, submission and the log entries that prove them, for `civic verify`; with TSA_URL set, the head gets an RFC 3161 timestamp from that authority':
    'есепті түсімдерімен, тапсырылуымен және оларды дәлелдейтін журнал жазбаларымен `civic verify` үшін жазу; TSA_URL орнатылса, басы сол органнан RFC 3161 уақыт белгісін алады',
  'the bundle file to write': 'жазылатын топтама файлы',
  'language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en) (JSON stays as it is)':
    'шығарылатын мәтіннің тілі: ru — орыс, kk — қазақ, en — ағылшын (әдепкі — CIVIC_LANG орта айнымалысынан, әйтпесе жүйе локалінен, әйтпесе ағылшын) (JSON өзгеріссіз қалады)',
  'check every hash and signature of a bundle (no database needed); exit 0 when all hold, 1 naming the first that fails':
    'топтаманың әр хешін және қолтаңбасын тексеру (дерекқор қажет емес); бәрі дұрыс болса шығу коды 0, әйтпесе 1 және бірінші сәйкессіздік аталады',
  "the signer expected: the organisation's published fingerprint or its public key (another signer: exit 1)":
    'күтілетін қол қоюшы: ұйымның жарияланған саусақ ізі немесе оның ашық кілті (басқа қол қоюшы: шығу коды 1)',
  'the time-stamping authorities trusted: their CA certificates (PEM, one or more; default TSA_CA_FILE); a timestamp whose authority does not chain to one: exit 1':
    'сенімді уақыт белгісі органдары: олардың КО сертификаттары (PEM, бір немесе бірнеше; әдепкі TSA_CA_FILE); органы ешқайсысына тізбектелмейтін белгі: шығу коды 1',
  'a file written by `civic export bundle`': '`civic export bundle` жазған файл',
  'the append-only, hash-chained log': 'тек толықтырылатын, хештер тізбегімен байланысқан журнал',
  "re-hash an organisation's log chain in the database (every organisation when --org is left out); exit 1 naming the first entry that fails":
    'дерекқордағы ұйым журналының тізбегін қайта хештеу (--org көрсетілмесе, барлық ұйымдардың); шығу коды 1 және бірінші қате жазба аталады',
  'organisation id, name or BIN': 'ұйымның идентификаторы, атауы немесе БСН-і',
  "an organisation's record": 'ұйымның жазбасы',
  "the organisation's other names (Latin and Cyrillic spellings such as Эхо for Echo, former names): with names, replaces them and re-indexes its incidents; without, prints them":
    'ұйымның басқа атаулары (латын және кирилл жазылулары, мысалы Echo үшін Эхо, бұрынғы атаулар): атаулармен — оларды ауыстырады және оқиғаларын қайта индекстейді; атауларсыз — оларды шығарады',
  'organisation id, name or BIN (optional with one organisation)':
    'ұйымның идентификаторы, атауы немесе БСН-і (бір ұйым болса, міндетті емес)',
  "the organisation's BIN: with a number, sets or corrects it (12 digits, control digit checked; audited); with --clear, removes it; without, prints it":
    'ұйымның БСН-і: нөмірмен — оны белгілейді немесе түзетеді (12 цифр, бақылау цифры тексеріледі; өзгеріс журналға жазылады); --clear арқылы — жояды; нөмірсіз — көрсетеді',
  "the organisation's name: with a name, corrects it (the old name stays among its aliases; audited); without, prints it":
    'ұйымның атауы: атаумен — оны түзетеді (бұрынғы атауы оның басқа атауларының арасында қалады; өзгеріс журналға жазылады); атаусыз — көрсетеді',
  'remove the BIN': 'БСН-ді жою',
  'remove every alias': 'барлық басқа атауларды жою',
  "print the organisation's public signing key and its fingerprint (made on first need): publish the fingerprint so that readers of its bundles can compare it":
    'ұйымның қолтаңбаның ашық кілтін және оның саусақ ізін шығару (алғаш қажет болғанда жасалады): топтамаларын оқитындар салыстыра алуы үшін саусақ ізін жариялаңыз',
  'import files into the database': 'файлдарды дерекқорға импорттау',
  'import a bank statement (1C, CSV, CAMT.053, MT940) in one transaction; re-importing adds nothing':
    'банк үзінділерін (1C, CSV, CAMT.053, MT940) бір транзакциямен импорттау; қайта импорттау ештеңе қоспайды',
  'organisation id, name or BIN (may be left out while the database has one)':
    'ұйымның идентификаторы, атауы немесе БСН-і (дерекқорда бір ұйым болғанда көрсетпеуге болады)',
  '1c|csv|camt053|mt940 (detected when left out)': '1c|csv|camt053|mt940 (көрсетілмесе, анықталады)',
  'CSV column mapping (JSON, see docs/formats.md)':
    'CSV бағандарының сәйкестігі (JSON, docs/formats.md қараңыз)',
  'save --mapping under this name, or use the mapping saved under it':
    '--mapping-ті осы атаумен сақтау немесе осы атаумен сақталған сәйкестікті пайдалану',
  "CSV without a currency column and without --mapping: the statement's currency (never assumed)":
    'валюта бағаны жоқ және --mapping жоқ CSV: үзіндінің валютасы (ешқашан болжанбайды)',
  '1C field aliases (JSON object "bank field": "known field")':
    '1C өрістерінің синонимдері (JSON нысаны "банк өрісі": "белгілі өріс")',
  "keep --aliases for the organisation's later imports":
    '--aliases-ті ұйымның кейінгі импорттары үшін сақтау',
  'parse and check everything, write nothing, list every line and statement':
    'бәрін талдау және тексеру, ештеңе жазбау, әр жолды және үзіндіні тізу',
  'import a statement whose balances do not add up (the batch is marked)':
    'қалдықтары сәйкес келмейтін үзіндіні импорттау (топтама белгіленеді)',
  'language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en) (the summary and warnings; JSON stays codes)':
    'шығарылатын мәтіннің тілі: ru — орыс, kk — қазақ, en — ағылшын (әдепкі — CIVIC_LANG орта айнымалысынан, әйтпесе жүйе локалінен, әйтпесе ағылшын) (қорытынды мен ескертулер; JSON-да кодтар қалады)',
  'the statement file': 'үзінді файлы',
  'import official exchange rates: the NBK daily XML or CSV date,currency,rate,units (one transaction)':
    'ресми валюта бағамдарын импорттау: ҰБ-ның күнделікті XML-і немесе CSV күні,валюта,бағам,бірлік (бір транзакциямен)',
  "the rates are this pack's reference rates (quoted in its currency by its authority, e.g. in-fcra: INR per unit, RBI); CSV date,currency,rate[,units][,source]":
    'бағамдар — осы жинақтың анықтамалық бағамдары (оның валютасында, оның органынан, мысалы in-fcra: бірлігіне INR, RBI); CSV күні,валюта,бағам[,бірлік][,көз]',
  'language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en) (the summary; JSON stays as it is)':
    'шығарылатын мәтіннің тілі: ru — орыс, kk — қазақ, en — ағылшын (әдепкі — CIVIC_LANG орта айнымалысынан, әйтпесе жүйе локалінен, әйтпесе ағылшын) (қорытынды; JSON өзгеріссіз қалады)',
  'the rates file': 'бағамдар файлы',
  'the ledger of foreign funding': 'шетелдік қаржыландырудың есебі',
  'received − spent by grant, source or account at a date; a grant spent beyond what it received is flagged':
    'алынғаны − жұмсалғаны грант, көз немесе шот бойынша күнге; алғанынан артық жұмсалған грант белгіленеді',
  'grant|source|account': 'grant (гранттар бойынша), source (көздер бойынша) немесе account (шоттар бойынша)',
  'the day (inclusive), YYYY-MM-DD; default: everything recorded':
    'күн (қоса алғанда), ЖЖЖЖ-АА-КК; әдепкі: барлық жазылғаны',
  'export the books as a ledger-cli, hledger or beancount journal, or CSV (standard output unless --out)':
    'кітаптарды ledger-cli, hledger немесе beancount журналы не CSV ретінде шығару (--out болмаса, стандартты шығысқа)',
  'ledger|hledger|beancount|csv': 'ledger|hledger|beancount|csv',
  'funding (receipts, expenditures, allocations) or all (every bank line too)':
    'funding (қаржыландыру: түсімдер, шығыстар, бөлулер) немесе all (бәрі, әр банк жолы да)',
  'write to this file instead of standard output': 'стандартты шығыстың орнына осы файлға жазу',
  "language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en): the CSV header and row types, the journals' comments":
    'шығарылатын мәтіннің тілі: ru — орыс, kk — қазақ, en — ағылшын (әдепкі — CIVIC_LANG орта айнымалысынан, әйтпесе жүйе локалінен, әйтпесе ағылшын): CSV тақырыбы мен жол түрлері, журналдардың түсініктемелері',
  'report errors as JSON on standard output': 'қателерді JSON түрінде стандартты шығысқа хабарлау',
  'incoming payments that look like foreign funding, for a person to confirm or reject':
    'шетелдік қаржыландыруға ұқсайтын кіріс төлемдер — адам растауы немесе қабылдамауы үшін',
  'list candidates (proposed ones unless --status says otherwise)':
    'үміткерлерді тізу (--status басқаша айтпаса, ұсынылғандарды)',
  'proposed|confirmed|rejected|all':
    'proposed (ұсынылған), confirmed (расталған), rejected (қабылданбаған) немесе all (барлығы)',
  'confirm a candidate as a receipt of foreign funding (creates the receipt with its KZT equivalent)':
    'үміткерді шетелдік қаржыландыру түсімі ретінде растау (түсімді теңгедегі баламасымен жасайды)',
  'an existing source (id or name); default: the source the payer matched':
    'бар көз (идентификатор немесе атау); әдепкі: төлеуші сәйкес келген көз',
  'create a new source with this name (payer tax id and account recorded on it)':
    'осы атаумен жаңа көз жасау (төлеушінің салық нөмірі мен шоты онда жазылады)',
  'category of the new source: foreign-state|international-organisation|foreign-organisation|foreign-citizen|stateless-person':
    'жаңа көздің санаты: foreign-state (шет мемлекет), international-organisation (халықаралық ұйым), foreign-organisation (шетелдік ұйым), foreign-citizen (шетел азаматы) немесе stateless-person (азаматтығы жоқ адам)',
  'ISO country code of the new source': 'жаңа көздің ISO ел коды',
  'the grant it belongs to (id or agreement number)': 'ол жататын грант (идентификатор немесе шарт нөмірі)',
  'who decides (recorded)': 'кім шешеді (жазылады)',
  'the candidate id': 'үміткердің идентификаторы',
  'reject a candidate: the payment is not foreign funding':
    'үміткерді қабылдамау: төлем шетелдік қаржыландыру емес',
  'foreign sources (the five categories of the law)': 'шетелдік көздер (заңның бес санаты)',
  'add a foreign source': 'шетелдік көз қосу',
  'the name': 'атауы',
  'foreign-state|international-organisation|foreign-organisation|foreign-citizen|stateless-person':
    'foreign-state (шет мемлекет), international-organisation (халықаралық ұйым), foreign-organisation (шетелдік ұйым), foreign-citizen (шетел азаматы) немесе stateless-person (азаматтығы жоқ адам)',
  'ISO 3166 two-letter country code': 'ISO 3166 екі әріпті ел коды',
  'its tax id (to recognise its payments)': 'оның салық нөмірі (төлемдерін тану үшін)',
  'an account it pays from (repeatable)': 'ол төлейтін шот (қайталауға болады)',
  'another name it appears under in statements (repeatable)':
    'үзінділерде кездесетін басқа атауы (қайталауға болады)',
  notes: 'ескертпелер',
  'list foreign sources': 'шетелдік көздерді тізу',
  'grant agreements with foreign sources': 'шетелдік көздермен грант шарттары',
  'add a grant agreement': 'грант шартын қосу',
  'the source (id or name)': 'көз (идентификатор немесе атау)',
  'the agreement number': 'шарт нөмірі',
  'the agreement date': 'шарт күні',
  'ISO 4217 currency': 'ISO 4217 валютасы',
  'the amount agreed': 'келісілген сома',
  'the period start': 'кезеңнің басы',
  'the period end': 'кезеңнің соңы',
  'the covered activity': 'қамтылатын қызмет',
  'a title': 'тақырып',
  'a line of its budget and the amount set for it (repeatable)':
    'бюджет бабы және оған бөлінген сома (қайталауға болады)',
  'list grants': 'гранттарды тізу',
  "the organisation's bank accounts": 'ұйымның банк шоттары',
  'add a bank account': 'банк шотын қосу',
  'IBAN / IIK': 'IBAN / ЖСК',
  'the bank': 'банк',
  'a label': 'белгі',
  'list bank accounts': 'банк шоттарын тізу',
  'receipts of money or property from foreign sources': 'шетелдік көздерден ақша немесе мүлік түсімдері',
  'record a receipt by hand (its KZT equivalent at the official rate of the day)':
    'түсімді қолмен жазу (оның күннің ресми бағамы бойынша теңгедегі баламасы)',
  'the grant (id or agreement number)': 'грант (идентификатор немесе шарт нөмірі)',
  'the bank account (id or number)': 'банк шоты (идентификатор немесе нөмір)',
  'the day received': 'түскен күн',
  'the amount (or the valuation of property)': 'сома (немесе мүліктің бағасы)',
  'its currency': 'оның валютасы',
  'property received in kind (the amount is then its valuation, optional)':
    'заттай алынған мүлік (сома сонда оның бағасы, міндетті емес)',
  'how the property was valued': 'мүлік қалай бағаланды',
  'the day it was valued (default: the day received)': 'бағаланған күн (әдепкі: түскен күн)',
  'a description': 'сипаттама',
  'list receipts': 'түсімдерді тізу',
  'from this day': 'осы күннен бастап',
  'up to this day': 'осы күнге дейін',
  'expenditures allocated to grants': 'гранттарға бөлінген шығыстар',
  'record an expenditure allocated to one or more grants': 'бір немесе бірнеше грантқа бөлінген шығысты жазу',
  'the day spent': 'жұмсалған күн',
  'the amount': 'сома',
  'a grant and its share (repeatable; one grant alone takes the whole)':
    'грант және оның үлесі (қайталауға болады; жалғыз грант бүкіл соманы алады)',
  'what it was for': 'не үшін жұмсалды',
  'who was paid': 'кімге төленді',
  "the line of the grant's budget it is spent under, by name or id (repeatable: GRANT=LINE for each of several grants)":
    'шығыс жүретін грант бюджетінің бабы, атауы немесе идентификаторы бойынша (қайталауға болады: бірнеше грант үшін ГРАНТ=БАП)',
  'list expenditures': 'шығыстарды тізу',
};
