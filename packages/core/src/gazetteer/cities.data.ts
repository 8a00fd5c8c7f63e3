/**
 * Cities and towns of Kazakhstan: the cities of republican significance, every regional centre and
 * the district towns where incidents are likely to be recorded. Coordinates are the town centre
 * (WGS 84, decimal degrees to 4 places). Names: English, Kazakh, Russian, then old names and other
 * spellings (Latin transliterations, the 2021 Kazakh Latin alphabet, Soviet names).
 *
 * Row: [id, English, Kazakh, Russian, latitude, longitude, region id (regions.data.ts, or the
 * city's own id for a city of republican significance), aliases].
 */
export type CityRow = readonly [id: string, en: string, kk: string, ru: string, lat: number, lon: number, region: string, aliases: readonly string[]];

export const CITY_ROWS: readonly CityRow[] = [
  // Cities of republican significance
  ['astana', 'Astana', 'Астана', 'Астана', 51.1694, 71.4491, 'astana', ['Nur-Sultan', 'Nursultan', 'Нур-Султан', 'Нұр-Сұлтан', 'Akmola', 'Aqmola', 'Акмола', 'Ақмола', 'Akmolinsk', 'Акмолинск', 'Tselinograd', 'Целиноград', 'Nur Sultan']],
  ['almaty', 'Almaty', 'Алматы', 'Алматы', 43.2567, 76.9286, 'almaty', ['Alma-Ata', 'Alma Ata', 'Алма-Ата', 'Verny', 'Vernyi', 'Верный']],
  ['shymkent', 'Shymkent', 'Шымкент', 'Шымкент', 42.3155, 69.5869, 'shymkent', ['Chimkent', 'Чимкент', 'Şymkent']],
  // Regional centres
  ['semey', 'Semey', 'Семей', 'Семей', 50.4267, 80.2667, 'abai', ['Semipalatinsk', 'Семипалатинск', 'Semei', 'Semej']],
  ['kokshetau', 'Kokshetau', 'Көкшетау', 'Кокшетау', 53.2833, 69.3833, 'akmola', ['Kokchetav', 'Кокчетав', 'Kökşetau']],
  ['aktobe', 'Aktobe', 'Ақтөбе', 'Актобе', 50.2797, 57.2072, 'aktobe', ['Aqtobe', 'Aktyubinsk', 'Актюбинск', 'Aqtöbe']],
  ['konaev', 'Konaev', 'Қонаев', 'Конаев', 43.8844, 77.0689, 'almaty-region', ['Qonaev', 'Kunaev', 'Kunayev', 'Кунаев', 'Kapchagay', 'Kapchagai', 'Kapshagay', 'Kapshagai', 'Qapshaghay', 'Qapshagai', 'Капчагай', 'Қапшағай', 'Капшагай']],
  ['atyrau', 'Atyrau', 'Атырау', 'Атырау', 47.1167, 51.8833, 'atyrau', ['Guryev', 'Gurev', 'Гурьев']],
  ['ust-kamenogorsk', 'Ust-Kamenogorsk', 'Өскемен', 'Усть-Каменогорск', 49.9714, 82.6059, 'east-kazakhstan', ['Oskemen', 'Öskemen', 'Ust Kamenogorsk', 'Ustkamenogorsk']],
  ['taraz', 'Taraz', 'Тараз', 'Тараз', 42.9000, 71.3667, 'jambyl', ['Dzhambul', 'Джамбул', 'Aulie-Ata', 'Аулие-Ата', 'Mirzoyan', 'Мирзоян']],
  ['taldykorgan', 'Taldykorgan', 'Талдықорған', 'Талдыкорган', 45.0156, 78.3739, 'jetisu', ['Taldyqorgan', 'Taldy-Kurgan', 'Талды-Курган']],
  ['karaganda', 'Karaganda', 'Қарағанды', 'Караганда', 49.8019, 73.1021, 'karaganda', ['Karagandy', 'Qaraghandy', 'Qaragandy', 'Караганды']],
  ['kostanay', 'Kostanay', 'Қостанай', 'Костанай', 53.2144, 63.6246, 'kostanay', ['Qostanay', 'Kustanai', 'Kustanay', 'Кустанай']],
  ['kyzylorda', 'Kyzylorda', 'Қызылорда', 'Кызылорда', 44.8528, 65.5092, 'kyzylorda', ['Qyzylorda', 'Kzyl-Orda', 'Kzylorda', 'Кзыл-Орда', 'Ak-Mechet', 'Ак-Мечеть', 'Perovsk', 'Перовск']],
  ['aktau', 'Aktau', 'Ақтау', 'Актау', 43.6481, 51.1722, 'mangystau', ['Aqtau', 'Shevchenko', 'Шевченко']],
  ['petropavl', 'Petropavl', 'Петропавл', 'Петропавловск', 54.8667, 69.1500, 'north-kazakhstan', ['Petropavlovsk', 'Qyzyljar', 'Kyzylzhar', 'Қызылжар']],
  ['pavlodar', 'Pavlodar', 'Павлодар', 'Павлодар', 52.2833, 76.9667, 'pavlodar', []],
  ['turkistan', 'Turkistan', 'Түркістан', 'Туркестан', 43.2973, 68.2518, 'turkistan', ['Turkestan', 'Türkistan', 'Hazrat-e Turkestan']],
  ['zhezkazgan', 'Zhezkazgan', 'Жезқазған', 'Жезказган', 47.7833, 67.7667, 'ulytau', ['Jezkazgan', 'Dzhezkazgan', 'Джезказган', 'Jezqazghan', 'Zhezqazghan']],
  ['uralsk', 'Uralsk', 'Орал', 'Уральск', 51.2333, 51.3667, 'west-kazakhstan', ['Oral', 'Yaitsk', 'Яицк']],
  // Other towns
  ['temirtau', 'Temirtau', 'Теміртау', 'Темиртау', 50.0549, 72.9646, 'karaganda', []],
  ['ekibastuz', 'Ekibastuz', 'Екібастұз', 'Экибастуз', 51.7237, 75.3229, 'pavlodar', ['Ekibastuz', 'Ekibastūz']],
  ['aksu', 'Aksu', 'Ақсу', 'Аксу', 52.0412, 76.9275, 'pavlodar', ['Aqsu', 'Yermak', 'Ермак']],
  ['rudny', 'Rudny', 'Рудный', 'Рудный', 52.9729, 63.1168, 'kostanay', ['Rudnyy', 'Rudnyi']],
  ['lisakovsk', 'Lisakovsk', 'Лисаков', 'Лисаковск', 52.5369, 62.4936, 'kostanay', []],
  ['zhitikara', 'Zhitikara', 'Жітіқара', 'Житикара', 52.1900, 61.2000, 'kostanay', ['Jitiqara', 'Dzhetygara', 'Джетыгара']],
  ['arkalyk', 'Arkalyk', 'Арқалық', 'Аркалык', 50.2486, 66.9114, 'kostanay', ['Arqalyq']],
  ['zhanaozen', 'Zhanaozen', 'Жаңаөзен', 'Жанаозен', 43.3412, 52.8619, 'mangystau', ['Janaozen', 'Zhanaozen', 'Novy Uzen', 'Novyy Uzen', 'Новый Узень']],
  ['beyneu', 'Beyneu', 'Бейнеу', 'Бейнеу', 45.3167, 55.2000, 'mangystau', ['Beineu']],
  ['balkhash', 'Balkhash', 'Балқаш', 'Балхаш', 46.8481, 74.9950, 'karaganda', ['Balqash', 'Balkash']],
  ['shakhtinsk', 'Shakhtinsk', 'Шахтинск', 'Шахтинск', 49.7100, 72.5872, 'karaganda', []],
  ['saran', 'Saran', 'Саран', 'Сарань', 49.7900, 72.8400, 'karaganda', []],
  ['priozersk', 'Priozersk', 'Приозерск', 'Приозёрск', 46.0333, 73.7000, 'karaganda', []],
  ['karkaralinsk', 'Karkaralinsk', 'Қарқаралы', 'Каркаралинск', 49.4167, 75.4667, 'karaganda', ['Karkaraly', 'Qarqaraly', 'Каркаралы']],
  ['satpayev', 'Satpayev', 'Сәтбаев', 'Сатпаев', 47.9000, 67.5333, 'ulytau', ['Satbayev', 'Satbaev', 'Satpaev', 'Nikolsky', 'Никольский']],
  ['karazhal', 'Karazhal', 'Қаражал', 'Каражал', 48.0000, 70.8000, 'ulytau', ['Qarazhal']],
  ['kentau', 'Kentau', 'Кентау', 'Кентау', 43.5167, 68.5046, 'turkistan', []],
  ['saryagash', 'Saryagash', 'Сарыағаш', 'Сарыагаш', 41.4500, 69.1667, 'turkistan', ['Saryaghash']],
  ['arys', 'Arys', 'Арыс', 'Арысь', 42.4333, 68.8000, 'turkistan', []],
  ['lenger', 'Lenger', 'Леңгір', 'Ленгер', 42.1833, 69.8833, 'turkistan', ['Lengir']],
  ['zhetysai', 'Zhetysai', 'Жетісай', 'Жетысай', 40.7750, 68.3300, 'turkistan', ['Jetisai', 'Zhetisay']],
  ['ridder', 'Ridder', 'Риддер', 'Риддер', 50.3441, 83.5129, 'east-kazakhstan', ['Leninogorsk', 'Лениногорск']],
  ['altai', 'Altai', 'Алтай', 'Алтай', 49.7300, 84.2700, 'east-kazakhstan', ['Zyryanovsk', 'Зыряновск']],
  ['kurchatov', 'Kurchatov', 'Курчатов', 'Курчатов', 50.7561, 78.5400, 'abai', []],
  ['ayagoz', 'Ayagoz', 'Аягөз', 'Аягоз', 47.9667, 80.4333, 'abai', ['Ayaguz', 'Аягуз']],
  ['stepnogorsk', 'Stepnogorsk', 'Степногорск', 'Степногорск', 52.3472, 71.8892, 'akmola', []],
  ['shchuchinsk', 'Shchuchinsk', 'Щучинск', 'Щучинск', 52.9333, 70.2000, 'akmola', ['Shchuchinsk', 'Shchuchye', 'Щучье', 'Shuchinsk']],
  ['atbasar', 'Atbasar', 'Атбасар', 'Атбасар', 51.8000, 68.3333, 'akmola', []],
  ['kosshy', 'Kosshy', 'Қосшы', 'Косшы', 50.9700, 71.3500, 'akmola', ['Qosshy', 'Koschy']],
  ['khromtau', 'Khromtau', 'Хромтау', 'Хромтау', 50.2500, 58.4500, 'aktobe', []],
  ['shalkar', 'Shalkar', 'Шалқар', 'Шалкар', 47.8333, 59.6000, 'aktobe', ['Chelkar', 'Челкар']],
  ['kandyagash', 'Kandyagash', 'Қандыағаш', 'Кандыагаш', 49.4667, 57.4167, 'aktobe', ['Qandyagash']],
  ['kulsary', 'Kulsary', 'Құлсары', 'Кульсары', 46.9530, 54.0198, 'atyrau', ['Qulsary']],
  ['aksai', 'Aksai', 'Ақсай', 'Аксай', 51.1678, 52.9950, 'west-kazakhstan', ['Aksay', 'Aqsai']],
  ['zhanatas', 'Zhanatas', 'Жаңатас', 'Жанатас', 43.5667, 69.7500, 'jambyl', ['Janatas']],
  ['karatau', 'Karatau', 'Қаратау', 'Каратау', 43.1833, 70.4667, 'jambyl', ['Qaratau']],
  ['shu', 'Shu', 'Шу', 'Шу', 43.6000, 73.7600, 'jambyl', ['Chu', 'Чу']],
  ['zharkent', 'Zharkent', 'Жаркент', 'Жаркент', 44.1667, 80.0000, 'jetisu', ['Panfilov', 'Панфилов']],
  ['tekeli', 'Tekeli', 'Текелі', 'Текели', 44.8300, 78.8200, 'jetisu', []],
  ['ushtobe', 'Ushtobe', 'Үштөбе', 'Уштобе', 45.2500, 77.9833, 'jetisu', []],
  ['talgar', 'Talgar', 'Талғар', 'Талгар', 43.3033, 77.2400, 'almaty-region', []],
  ['kaskelen', 'Kaskelen', 'Қаскелең', 'Каскелен', 43.2000, 76.6200, 'almaty-region', ['Qaskelen']],
  ['esik', 'Esik', 'Есік', 'Есик', 43.3500, 77.4667, 'almaty-region', ['Issyk', 'Иссык']],
  ['aral', 'Aral', 'Арал', 'Аральск', 46.8000, 61.6667, 'kyzylorda', ['Aralsk']],
  ['kazaly', 'Kazaly', 'Қазалы', 'Казалинск', 45.7628, 62.1075, 'kyzylorda', ['Kazalinsk', 'Qazaly']],
  // A city leased to Russia until 2050; Kazakhstan's territory, within Kyzylorda Region.
  ['baikonur', 'Baikonur', 'Байқоңыр', 'Байконур', 45.6167, 63.3167, 'kyzylorda', ['Baykonur', 'Baikonyr', 'Bayqongyr', 'Leninsk', 'Ленинск', 'Tyuratam', 'Тюратам']],
];

/** Kazakhstan as a whole, for incidents that concern the whole country (geographic centre). */
export const COUNTRY_ROW = { id: 'kazakhstan', en: 'Kazakhstan', kk: 'Қазақстан', ru: 'Казахстан', lat: 48.0196, lon: 66.9237, aliases: ['Republic of Kazakhstan', 'Qazaqstan', 'Kazakstan', 'Республика Казахстан', 'Қазақстан Республикасы', 'KZ'] } as const;
