/** The help's descriptions in Kazakh: waves, briefs, the feed, incidents, places, deadlines, rule packs, claims, cases, backups and notices (keyed by the English text). */
export const KK_HELP_WATCH: Readonly<Record<string, string>> = {
  'coordinated waves of actions across organisations and places':
    'ұйымдарға қарсы әртүрлі жерлердегі келісілген әрекеттер толқындары',
  'find clusters of similar actions against several organisations in several places within a short time (space–time permutation scan, docs/waves.md)':
    'бірнеше жерде бірнеше ұйымға қарсы қысқа уақыт ішіндегі ұқсас әрекеттердің шоғырларын табу (кеңістік-уақыттық ауыстыру сканері, docs/waves.md)',
  'an incident CSV (columns in docs/formats.md)': 'оқиғалардың CSV файлы (бағандары docs/formats.md-де)',
  'seed of the Monte Carlo replicates (default 1): same data and seed, same p-values':
    'Монте-Карло қайталауларының бастапқы мәні (әдепкі 1): бірдей деректер мен мән — бірдей p-мәндер',
  'Monte Carlo replications (default 999)': 'Монте-Карло қайталауларының саны (әдепкі 999)',
  'study period: first day (YYYY-MM-DD)': 'зерттеу кезеңі: бірінші күн (ЖЖЖЖ-АА-КК)',
  'study period: last day (YYYY-MM-DD)': 'зерттеу кезеңі: соңғы күн (ЖЖЖЖ-АА-КК)',
  'organisations a wave needs to be called coordinated (default 3)':
    'толқын келісілген деп аталуы үшін қажет ұйымдар саны (әдепкі 3)',
  'places a wave needs to be called coordinated (default 2)':
    'толқын келісілген деп аталуы үшін қажет орындар саны (әдепкі 2)',
  'every wave found, not only the significant (p < 0.05) coordinated ones':
    'тек маңызды (p < 0,05) келісілгендерін емес, табылған барлық толқындар',
  'briefs about detected waves: create, publish, render':
    'анықталған толқындар туралы шолулар: жасау, жариялау, қалыптастыру',
  'write a brief for a wave (Markdown, HTML or PDF) and store it unpublished':
    'толқын туралы шолу жазу (Markdown, HTML немесе PDF) және оны жарияланбаған күйде сақтау',
  'a wave id from `civic waves detect` (with the same --from/--to)':
    '`civic waves detect` берген толқын идентификаторы (сол --from/--to мәндерімен)',
  "en, ru or kk: the brief's language and the printed line's (default: an English brief; the line in CIVIC_LANG, else the locale's language)":
    'en, ru немесе kk: шолудың және шығарылатын жолдың тілі (әдепкі: ағылшынша шолу; жол CIVIC_LANG тілінде, әйтпесе локаль тілінде)',
  'md, html or pdf': 'md, html немесе pdf',
  'where to write it (Markdown and HTML print without it)':
    'қайда жазу (Markdown мен HTML онсыз экранға шығарылады)',
  'publish a brief: it becomes public and enters the Atom feed':
    'шолуды жариялау: ол жария болады және Atom арнасына түседі',
  'the brief id': 'шолудың идентификаторы',
  'render a stored brief again': 'сақталған шолуды қайта қалыптастыру',
  'where to write it': 'қайда жазу',
  'list briefs, newest first': 'шолуларды тізу, алдымен жаңалары',
  'only published briefs': 'тек жарияланған шолулар',
  'the Atom feed of published briefs and public incidents':
    'жарияланған шолулар мен жария оқиғалардың Atom арнасы',
  'write the feed to a file instead of standard output': 'арнаны стандартты шығыстың орнына файлға жазу',
  "the site's public address for links": 'сілтемелер үшін сайттың жария мекенжайы',
  "language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en): the feed's title and incident titles (xml:lang), briefs in their own language":
    'шығарылатын мәтіннің тілі: ru — орыс, kk — қазақ, en — ағылшын (әдепкі — CIVIC_LANG орта айнымалысынан, әйтпесе жүйе локалінен, әйтпесе ағылшын): арнаның тақырыбы мен оқиғалардың тақырыптары (xml:lang), шолулар өз тілінде',
  'incidents of pressure on civic space: import, export, search':
    'азаматтық кеңістікке қысым оқиғалары: импорт, экспорт, іздеу',
  'import incidents from CSV or JSON (docs/formats.md) in one transaction; a bad row rejects the file':
    'оқиғаларды CSV немесе JSON-нан (docs/formats.md) бір транзакциямен импорттау; қате жол бүкіл файлды қабылдамайды',
  'csv or json (default: from the file name)': 'csv немесе json (әдепкі: файл атауы бойынша)',
  'public (default), network or private':
    'public (жария, әдепкі), network (желі үшін) немесе private (жабық)',
  'the owner organisation (id, name or BIN; needed for network/private, may be left out when the database has one)':
    'иеленуші ұйым (идентификатор, атау немесе БСН; network/private үшін қажет, дерекқорда бір ұйым болса, көрсетпеуге болады)',
  'the same as --org': '--org-пен бірдей',
  'export incidents as CSV (the import columns), JSON, or ACLED-compatible CSV':
    'оқиғаларды CSV (импорт бағандары), JSON немесе ACLED-пен үйлесімді CSV ретінде шығару',
  'csv, json or acled': 'csv, json немесе acled',
  'write to this file (default: standard output)': 'осы файлға жазу (әдепкі: стандартты шығыс)',
  'only incidents matching this full-text query': 'тек осы толық мәтінді сұрауға сәйкес оқиғалар',
  'incidents on or after this day (YYYY-MM-DD)': 'осы күні немесе одан кейінгі оқиғалар (ЖЖЖЖ-АА-КК)',
  'incidents on or before this day (YYYY-MM-DD)': 'осы күні немесе одан бұрынғы оқиғалар (ЖЖЖЖ-АА-КК)',
  'a place or region, in any spelling the gazetteer knows':
    'орын немесе өңір, орындар анықтамалығы білетін кез келген жазылуда',
  'an action type (docs/formats.md) or a synonym': 'әрекет түрі (docs/formats.md) немесе синоним',
  'a legal basis: the article and its parts ("CoAO 460-1")':
    'құқықтық негіз: бап және оның бөліктері («ӘҚБтК 460-1»)',
  'the organisation concerned (name, or id in this database)':
    'қатысты ұйым (атауы немесе осы дерекқордағы идентификаторы)',
  'only what the public may see (default: everything, as the operator)':
    'тек көпшілік көре алатыны (әдепкі: бәрі, оператор ретінде)',
  'with --out: print a JSON summary': '--out бірге: қорытындыны JSON түрінде шығару',
  'full-text search over organisation, place, authority, legal basis, outcome and notes, with filters; newest first':
    'ұйым, орын, орган, құқықтық негіз, нәтиже және ескертпелер бойынша сүзгілері бар толық мәтінді іздеу; алдымен жаңалары',
  'page size (default 50, at most 1000)': 'бет өлшемі (әдепкі 50, ең көбі 1000)',
  'skip this many matches': 'осынша сәйкестікті өткізіп жіберу',
  'the bundled gazetteer of Kazakhstan': 'Қазақстанның кірістірілген орындар анықтамалығы',
  'a place by any of its names (Kazakh, Russian, English, old and new); an unknown place is reported, never guessed':
    'орын оның кез келген атауы бойынша (қазақша, орысша, ағылшынша, ескі және жаңа); белгісіз орын туралы хабарланады, ешқашан болжанбайды',
  'compute a due day by a rule pack: N working days from the day after --from, N calendar days, N months or a period':
    'ережелер жинағы бойынша мерзімді есептеу: --from-нан кейінгі күннен бастап белгілі бір жұмыс күні, күнтізбелік күн, ай немесе кезең',
  'rule pack id (rules/<id>.yaml) or file': 'ережелер жинағының идентификаторы (rules/<ид>.yaml) немесе файл',
  'the event day (YYYY-MM-DD): receipt, period end, service of a ruling':
    'оқиға күні (ЖЖЖЖ-АА-КК): түсім, кезең соңы, қаулының тапсырылуы',
  'count N working days from the day after --from': '--from-нан кейінгі күннен N жұмыс күнін санау',
  '--from plus N calendar days (moved off a day off when the pack says so)':
    '--from қосу N күнтізбелік күн (жинақ айтса, демалыс күнінен ауыстырылады)',
  '--from plus N months (month ends clamped; moved off a day off when the pack says so)':
    '--from қосу N ай (ай соңына түзетіледі; жинақ айтса, демалыс күнінен ауыстырылады)',
  '--from plus an ISO 8601 period such as P2M or P10D': '--from қосу ISO 8601 кезеңі, мысалы P2M немесе P10D',
  "use an obligation's deadline rule and citation (the version in force on --from)":
    'міндеттеменің мерзім ережесі мен сілтемесін пайдалану (--from күні қолданыстағы редакциясы)',
  'outside the calendar’s years, count weekends only (flagged unverified) instead of failing':
    'күнтізбе жылдарынан тыс тек демалыс күндерін санау («тексерілмеген» белгісімен), қате берудің орнына',
  'rule packs: list, validate, show': 'ережелер жинақтары: тізу, тексеру, көрсету',
  'every pack in the rules folder': 'ережелер қалтасындағы барлық жинақтар',
  'validate a rule pack against the schema; exit 2 naming the YAML path of the first problem':
    'ережелер жинағын сызба бойынша тексеру; шығу коды 2 және бірінші мәселенің YAML жолы аталады',
  'a pack id (rules/<id>.yaml)': 'жинақ идентификаторы (rules/<ид>.yaml)',
  'a pack file (default: every pack in the rules folder)':
    'жинақ файлы (әдепкі: ережелер қалтасындағы барлық жинақтар)',
  'show a rule pack: obligations, offences, limitation, appeals, fine unit, calendar; unverified rules marked':
    'ережелер жинағын көрсету: міндеттемелер, құқық бұзушылықтар, ескіру мерзімі, шағымдану, АЕК, күнтізбе; тексерілмеген ережелер белгіленген',
  'rule pack id or file': 'ережелер жинағының идентификаторы немесе файлы',
  'print the whole validated pack as JSON': 'тексерілген жинақты толығымен JSON түрінде шығару',
  'check an authority action against the law': 'органның әрекетін заңға сәйкестігіне тексеру',
  'check one authority action described in a claim file (see docs/claims.md); exit 1 when a finding favours the defence':
    'талап файлында сипатталған органның бір әрекетін тексеру (docs/claims.md қараңыз); қорытынды қорғауға тиімді болса, шығу коды 1',
  'the decisive date when the claim has no ruling or proceedings date (default: today)':
    'талапта қаулы немесе іс жүргізу күні болмаса, шешуші күн (әдепкі: бүгін)',
  "the folder of rule packs the claim's pack id is looked up in (default: rules/)":
    'талаптағы жинақ идентификаторы ізделетін ережелер жинақтарының қалтасы (әдепкі: rules/)',
  'the claim file (JSON)': 'талап файлы (JSON)',
  'list the cases of every organisation (or of one with --org)':
    'барлық ұйымдардың істерін тізу (немесе --org арқылы біреуінің)',
  'only this organisation (id, name or BIN)': 'тек осы ұйым (идентификатор, атау немесе БСН)',
  'one case: show, check, draft an objection, add from a file':
    'бір іс: көрсету, тексеру, қарсылық жобасын жасау, файлдан қосу',
  'the case id': 'істің идентификаторы',
  "check every action of the case against its rule pack and the organisation's records; exit 1 when a finding favours the defence":
    'істің әр әрекетін оның ережелер жинағы мен ұйымның жазбалары бойынша тексеру; қорытынды қорғауға тиімді болса, шығу коды 1',
  'judge deadlines and open limitation periods on this day (default: today)':
    'мерзімдерді және аяқталмаған ескіру мерзімдерін осы күнге бағалау (әдепкі: бүгін)',
  'open a case from a case file, with its actions, documents and links':
    'іс файлынан істі оның әрекеттерімен, құжаттарымен және байланыстарымен ашу',
  'the organisation (id, name or BIN); may be left out when the database has one':
    'ұйым (идентификатор, атау немесе БСН); дерекқорда бір ұйым болса, көрсетпеуге болады',
  'a case file (JSON, see docs/claims.md)': 'іс файлы (JSON, docs/claims.md қараңыз)',
  'draft an objection (a complaint against the ruling) from the case: DOCX to edit, or PDF':
    'іс бойынша қарсылық (қаулыға шағым) жобасын жасау: өңдеуге арналған DOCX немесе PDF',
  'ru, kk or en': 'ru, kk немесе en',
  'docx or pdf': 'docx немесе pdf',
  'where to write the draft': 'жобаны қайда жазу',
  'the date of the draft and of the check (default: today)': 'жобаның және тексерудің күні (әдепкі: бүгін)',
  'court or higher-official: who the complaint is addressed to':
    'court (сот) немесе higher-official (жоғары тұрған лауазымды тұлға): шағым кімге жолданады',
  'print what was written as JSON': 'жазылғанды JSON түрінде шығару',
  'every open deadline of every case (appeals, hearings, ends of suspensions, limitation), across organisations':
    'барлық ұйымдар бойынша барлық істердің барлық ашық мерзімдері (шағымдану, отырыстар, тоқтата тұрудың аяқталуы, ескіру)',
  'mark deadlines before this day as passed (default: today)':
    'осы күнге дейінгі мерзімдерді өткен деп белгілеу (әдепкі: бүгін)',
  'include deadlines a later action made moot and those of closed cases':
    'кейінгі әрекет мәнсіз еткен мерзімдерді және жабық істердің мерзімдерін қосу',
  'print an iCalendar feed (RFC 5545)': 'iCalendar арнасын (RFC 5545) шығару',
  'write the output to a file instead of standard output': 'шығысты стандартты шығыстың орнына файлға жазу',
  'encrypted backups (age format) that restore': 'қалпына келтірілетін шифрланған сақтық көшірмелер',
  'make a backup key pair: the secret key into KEYFILE (mode 0600), the public key printed':
    'сақтық көшірме кілттерінің жұбын жасау: құпия кілт КІЛТ ФАЙЛЫНА (рұқсаты 0600), ашық кілт шығарылады',
  'the key file to write (never overwritten)': 'жазылатын кілт файлы (ешқашан қайта жазылмайды)',
  'write one encrypted backup: a snapshot of the database, the stored files, a manifest':
    'бір шифрланған сақтық көшірме жазу: дерекқордың суреті, сақталған файлдар, манифест',
  'the backup file to write': 'жазылатын сақтық көшірме файлы',
  'an age public key (age1…) that can open the backup; repeat for more':
    'көшірмені аша алатын age ашық кілті (age1…); бірнешеуі үшін қайталаңыз',
  'encrypt to the passphrase in this environment variable instead':
    'орнына осы орта айнымалысындағы құпия фразамен шифрлау',
  'the folder of stored files to include': 'қосылатын сақталған файлдар қалтасы',
  'decrypt a backup and check every part against its manifest; exit 1 naming the part that fails':
    'сақтық көшірменің шифрын ашу және әр бөлігін манифестпен салыстыру; шығу коды 1 және сәйкес келмеген бөлік аталады',
  'the age key file': 'age кілт файлы',
  'the environment variable holding the passphrase (for a passphrase backup)':
    'құпия фраза сақталған орта айнымалысы (құпия фразалы көшірме үшін)',
  'the backup file': 'сақтық көшірме файлы',
  'restore a backup into a NEW database (never over an existing one), checked before it appears':
    'сақтық көшірмені ЖАҢА дерекқорға қалпына келтіру (ешқашан бардың үстіне емес), пайда болғанға дейін тексеріледі',
  'a new SQLite file, or the URL of an empty PostgreSQL database':
    'жаңа SQLite файлы немесе бос PostgreSQL дерекқорының мекенжайы',
  "a new folder for the backup's stored files": 'көшірменің сақталған файлдары үшін жаңа қалта',
  'write the new SQLite database encrypted with the key of --key-file, CIVIC_DB_KEY_FILE or CIVIC_DB_KEY':
    'жаңа SQLite дерекқорын --key-file, CIVIC_DB_KEY_FILE немесе CIVIC_DB_KEY кілтімен шифрлап жазу',
  'reminders and alerts: run the schedule, see the outbox':
    'еске салулар мен ескертулер: кестені іске қосу, шығыс хаттарды көру',
  'compute the reminders and alerts due and send them (each message once)':
    'мерзімі келген еске салулар мен ескертулерді есептеп, жіберу (әр хабар бір рет)',
  'run as on this day (YYYY-MM-DD, in the rule pack’s time zone)':
    'осы күнгідей орындау (ЖЖЖЖ-АА-КК, ережелер жинағының уақыт белдеуінде)',
  'record and send nothing; list what would be sent': 'ештеңе жазбау және жібермеу; не жіберілетінін тізу',
  'with SMTP_URL, also e-mail what was kept in the app while there was no SMTP':
    'SMTP_URL орнатылса, SMTP болмаған кезде қолданбада сақталғанды да поштамен жіберу',
  'tell monitors of new waves (p < 0.05): the default':
    'мониторларға жаңа толқындар туралы хабарлау (p < 0,05): әдепкі',
  'do not look for new waves': 'жаңа толқындарды іздемеу',
  'language of the printed text: ru, kk or en (default: CIVIC_LANG, else LC_ALL/LC_MESSAGES/LANG, else en) (the lines printed; messages keep their own language)':
    'шығарылатын мәтіннің тілі: ru — орыс, kk — қазақ, en — ағылшын (әдепкі — CIVIC_LANG орта айнымалысынан, әйтпесе жүйе локалінен, әйтпесе ағылшын) (шығарылатын жолдар; хабарлар өз тілін сақтайды)',
  'every recorded message: to whom, what, and whether it was sent':
    'барлық жазылған хабарлар: кімге, не және жіберілді ме',
  'only queued, pending or sent messages':
    'тек queued (кезекте), pending (күтуде) немесе sent (жіберілген) мәртебелі хабарлар',
  'first e-mail (SMTP_URL) every message kept in the app while there was no SMTP':
    'алдымен SMTP болмаған кезде қолданбада сақталған әр хабарды поштамен (SMTP_URL) жіберу',
};
