/**
 * The first-level divisions (admin1) of Kazakhstan as they stand since the 2022 reform (Law of
 * 4 May 2022 / presidential decrees of 3 May 2022 and 8 June 2022 created Abai, Jetisu and Ulytau
 * regions; Almaty Region's centre moved from Taldykorgan to Konaev): 17 regions and the three
 * cities of republican significance (Astana, Almaty, Shymkent), which are admin1 units of their own.
 *
 * Row: [id, English, Kazakh, Russian, id of the administrative centre, old and alternative names].
 * A region has no coordinates of its own here: it resolves to its centre's (documented in
 * docs/formats.md; ACLED would call that geo_precision 3).
 */
export type RegionRow = readonly [id: string, en: string, kk: string, ru: string, centre: string, aliases: readonly string[]];

export const REGION_ROWS: readonly RegionRow[] = [
  ['abai', 'Abai Region', 'Абай облысы', 'Абайская область', 'semey', ['Abay Region', 'Abai oblysy', 'Область Абай']],
  ['akmola', 'Akmola Region', 'Ақмола облысы', 'Акмолинская область', 'kokshetau', ['Aqmola Region', 'Akmolinskaya oblast', 'Tselinograd Region', 'Целиноградская область']],
  ['aktobe', 'Aktobe Region', 'Ақтөбе облысы', 'Актюбинская область', 'aktobe', ['Aqtobe Region', 'Aktyubinsk Region', 'Aktyubinskaya oblast']],
  ['almaty-region', 'Almaty Region', 'Алматы облысы', 'Алматинская область', 'konaev', ['Almatinskaya oblast', 'Alma-Ata Region', 'Алма-Атинская область']],
  ['atyrau', 'Atyrau Region', 'Атырау облысы', 'Атырауская область', 'atyrau', ['Atyrauskaya oblast', 'Guryev Region', 'Гурьевская область']],
  ['east-kazakhstan', 'East Kazakhstan Region', 'Шығыс Қазақстан облысы', 'Восточно-Казахстанская область', 'ust-kamenogorsk', ['East Kazakhstan', 'Eastern Kazakhstan Region', 'Shygys Kazakhstan Region', 'VKO', 'ВКО', 'Восточный Казахстан', 'ШҚО']],
  ['jambyl', 'Jambyl Region', 'Жамбыл облысы', 'Жамбылская область', 'taraz', ['Zhambyl Region', 'Zhambyl', 'Jambyl', 'Dzhambul Region', 'Джамбулская область', 'Жамбыл']],
  ['jetisu', 'Jetisu Region', 'Жетісу облысы', 'Область Жетісу', 'taldykorgan', ['Zhetysu Region', 'Zhetisu Region', 'Jetisu', 'Zhetysu', 'Жетысуская область', 'Жетысу', 'Жетісу', 'Taldykorgan Region', 'Талдыкорганская область']],
  ['karaganda', 'Karaganda Region', 'Қарағанды облысы', 'Карагандинская область', 'karaganda', ['Qaraghandy Region', 'Karagandy Region', 'Karagandinskaya oblast']],
  ['kostanay', 'Kostanay Region', 'Қостанай облысы', 'Костанайская область', 'kostanay', ['Qostanay Region', 'Kustanai Region', 'Кустанайская область']],
  ['kyzylorda', 'Kyzylorda Region', 'Қызылорда облысы', 'Кызылординская область', 'kyzylorda', ['Qyzylorda Region', 'Kzyl-Orda Region']],
  ['mangystau', 'Mangystau Region', 'Маңғыстау облысы', 'Мангистауская область', 'aktau', ['Mangistau Region', 'Mangystau', 'Mangistau', 'Mangyshlak', 'Маңғыстау', 'Мангистау', 'Мангыстау', 'Мангышлак', 'Мангышлакская область']],
  ['north-kazakhstan', 'North Kazakhstan Region', 'Солтүстік Қазақстан облысы', 'Северо-Казахстанская область', 'petropavl', ['North Kazakhstan', 'Northern Kazakhstan Region', 'Soltustik Kazakhstan Region', 'SKO', 'СКО', 'Северный Казахстан', 'СҚО']],
  ['pavlodar', 'Pavlodar Region', 'Павлодар облысы', 'Павлодарская область', 'pavlodar', ['Pavlodarskaya oblast']],
  ['turkistan', 'Turkistan Region', 'Түркістан облысы', 'Туркестанская область', 'turkistan', ['Turkestan Region', 'South Kazakhstan Region', 'South Kazakhstan', 'Южно-Казахстанская область', 'ЮКО', 'Оңтүстік Қазақстан облысы', 'Chimkent Region', 'Чимкентская область']],
  ['ulytau', 'Ulytau Region', 'Ұлытау облысы', 'Улытауская область', 'zhezkazgan', ['Ulytau', 'Ұлытау', 'Улытау', 'Область Ұлытау', 'Zhezkazgan Region', 'Джезказганская область']],
  ['west-kazakhstan', 'West Kazakhstan Region', 'Батыс Қазақстан облысы', 'Западно-Казахстанская область', 'uralsk', ['West Kazakhstan', 'Western Kazakhstan Region', 'Batys Kazakhstan Region', 'ZKO', 'ЗКО', 'Западный Казахстан', 'БҚО', 'Uralsk Region', 'Уральская область']],
];

/** The cities of republican significance: admin1 units of their own (their region is themselves). */
export const REPUBLICAN_CITY_IDS: readonly string[] = ['astana', 'almaty', 'shymkent'];
