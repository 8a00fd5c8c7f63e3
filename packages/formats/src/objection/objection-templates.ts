import type { CaseActionKind, Locale } from '@civic/core';

/**
 * The wording of an objection in one language, as data. `{name}` is filled from the facts and the
 * finding's params; no legal fact lives here (articles, periods and amounts come from the case and
 * the pack's citations).
 */
export interface ObjectionTemplate {
  readonly titleComplaint: string;
  readonly titleObjection: string;
  readonly illustrative: string;
  readonly to: string;
  readonly from: string;
  readonly bin: string;
  readonly unknownAuthority: string;
  readonly intro: string;
  readonly factsHeading: string;
  readonly groundsHeading: string;
  readonly noGrounds: string;
  readonly exhibitsHeading: string;
  readonly exhibitsIntro: string;
  readonly requestHeading: string;
  /** A ground whose code has no wording in this language: the lawyer writes it (never English in ru/kk). */
  readonly groundToWrite: string;
  /** The opening of a ground resting on an unconfirmed rule ("If …"). */
  readonly conditional: string;
  readonly lawyerNoteHeading: string;
  readonly lawyerNoteEnd: string;
  readonly toCourt: string;
  readonly toHigherOfficial: string;
  readonly address: string;
  readonly respondent: string;
  readonly rulingComplained: string;
  readonly restorationHeading: string;
  readonly restoration: string;
  readonly requestRestore: string;
  readonly annexCopyRuling: string;
  readonly registerHeading: string;
  readonly signatureBlock: string;
  readonly incoming: string;
  readonly requestIntro: string;
  readonly requestTerminate: string;
  readonly requestAnnul: string;
  readonly requestLiftSuspension: string;
  readonly deadlineNote: string;
  readonly annexesHeading: string;
  readonly date: string;
  readonly signature: string;
  readonly draftNote: string;
  readonly basis: string;
  readonly noCitation: string;
  readonly verified: string;
  readonly unverified: string;
  readonly undated: string;
  readonly factArticle: string;
  readonly factAllegation: string;
  readonly factCommitted: string;
  readonly factFine: string;
  readonly factSuspension: string;
  readonly actionKinds: Readonly<Record<CaseActionKind, string>>;
  /** Grounds by finding code; a code without one falls back to the finding's English message. */
  readonly grounds: Readonly<Record<string, string>>;
  months(n: number): string;
  /** An ISO 8601 period in words ("P1Y6M" → "1 year 6 months"). */
  period(iso: string): string;
}

function periodIn(iso: string, unit: (n: number, u: 'Y' | 'M' | 'D') => string): string {
  const m = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/.exec(iso);
  if (!m) return iso;
  const parts: string[] = [];
  if (m[1]) parts.push(unit(Number(m[1]), 'Y'));
  if (m[2]) parts.push(unit(Number(m[2]), 'M'));
  const days = Number(m[3] ?? 0) * 7 + Number(m[4] ?? 0);
  if (days) parts.push(unit(days, 'D'));
  return parts.join(' ') || iso;
}

/** Russian plural: 1 месяц, 2 месяца, 5 месяцев. */
function ruPlural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  const word = m10 === 1 && m100 !== 11 ? one : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? few : many;
  return `${n} ${word}`;
}

const en: ObjectionTemplate = {
  titleComplaint: 'COMPLAINT against the ruling of {date} in a case of an administrative offence',
  titleObjection: 'OBJECTION in a case of an administrative offence',
  illustrative: 'ILLUSTRATIVE: some facts of this case are not from a public source (demo data).',
  to: 'To',
  from: 'From',
  bin: 'BIN',
  unknownAuthority: '(authority to be named)',
  intro:
    '{organisation} objects to the proceedings against it for the reasons below and asks that they be ended.',
  factsHeading: 'I. Facts',
  groundsHeading: 'II. Grounds',
  noGrounds: 'The check found no ground; the lawyer adds the grounds here.',
  exhibitsHeading: "III. The organisation's own records",
  exhibitsIntro:
    "The organisation's records, each identified by the sha256 of its content as recorded when it was filed, contradict or bear on the allegation:",
  requestHeading: 'I REQUEST:',
  groundToWrite: '(the lawyer states this ground here)',
  conditional: 'If the official text of the law confirms the rule relied on here,',
  lawyerNoteHeading:
    'NOTE FOR THE LAWYER (not part of the complaint; delete before filing). Check before filing:',
  lawyerNoteEnd: '— end of the note —',
  toCourt: 'To: the specialised inter-district administrative court {place}',
  toHigherOfficial: 'To: the higher official of {authority}',
  address: 'address',
  respondent: 'Respondent (the body that issued the ruling)',
  rulingComplained: 'Ruling complained of: the ruling of {date} in a case of an administrative offence',
  restorationHeading: 'Request to restore the missed time limit',
  restoration:
    'The time limit for this complaint ended on {date}. The applicant asks that it be restored, because the ruling and the grounds of this complaint became known to it only later; the reasons and their evidence are set out by the lawyer.',
  requestRestore: 'restore the missed time limit for filing this complaint;',
  annexCopyRuling: 'a copy of the ruling complained of',
  registerHeading: 'Annex: register of the reports filed',
  signatureBlock: 'Head of the organisation: ____________________ (position, name)',
  incoming: 'incoming no.',
  requestIntro: 'On these grounds, we ask:',
  requestTerminate: 'to terminate the proceedings in the case of the administrative offence;',
  requestAnnul: 'to annul the ruling of {date} and every penalty it imposed;',
  requestLiftSuspension: "to lift the suspension of the organisation's activity at once;",
  deadlineNote: 'This complaint is filed within the time allowed, which ends on {date}.',
  annexesHeading: 'Annexes',
  date: 'Date',
  signature: 'Signature',
  draftNote: 'Draft prepared by CivicLedger from case {case}; to be checked and edited by the lawyer.',
  basis: 'Legal basis',
  noCitation: "the organisation's own records",
  verified: 'The rule is confirmed in a public source.',
  unverified: 'The rule is not yet verified against the official text: the lawyer must check it.',
  undated: 'undated',
  factArticle: '{article}, {tier}',
  factAllegation: 'Alleged: {what} (concerning: {reference})',
  factCommitted: 'Alleged offence date: {date}',
  factFine: 'Fine: {mci} MCI = {amount} {currency}',
  factSuspension: 'Suspension of activity: {months}',
  actionKinds: {
    notice: 'notice',
    summons: 'summons',
    inspection: 'inspection',
    protocol: 'protocol on an administrative offence',
    ruling: 'ruling',
    suspension: 'suspension of activity',
    appeal: 'appeal',
    'court-decision': 'court decision',
    withdrawal: 'withdrawal of the charges',
    payment: 'payment of the fine',
  },
  grounds: {
    LIMITATION_EXPIRED:
      'The limitation period has expired: the alleged offence dates from {startsOn}; the period of {period} ended on {expiresOn}, before {evaluatedOn}. No administrative liability may be imposed after it.',
    LIMITATION_EXPIRED_IF_NOT_CONTINUING:
      'The limitation period of {period} from the alleged offence on {startsOn} ended on {expiresOn}, before {evaluatedOn}. The offence is not a continuing one; even counted from its discovery on {alternativeStartsOn} the period would end on {alternativeExpiresOn}.',
    OFFENCE_NOT_IN_FORCE:
      'On {committedOn}, the date of the alleged offence, the provision relied on was not in force (it applies from {inForceFrom}).',
    PENALTY_AMOUNT_MISMATCH:
      'The fine imposed, {imposed} {currency}, is not the lawful amount: {mci} MCI at the {year} value of {value} gives {expected} {currency}.',
    PENALTY_MCI_WRONG_YEAR:
      'The fine was computed with the MCI of {usedYear}; the law requires the MCI in force when proceedings began ({mciDate}), that of {lawfulYear}.',
    PENALTY_NOT_MULTIPLE_OF_TIER:
      'A fine of {mci} MCI is not one the provision allows: it sets {tierMci} MCI.',
    SUSPENSION_NOT_PROVIDED:
      'A suspension of {months} month(s) was imposed, but the provision applied ("{tier}") provides no suspension of activity.',
    SUSPENSION_TOO_LONG:
      'A suspension of {months} month(s) was imposed; the provision applied allows at most {maxMonths}.',
    REPEAT_WITHOUT_PRIOR_PENALTY:
      'The provision on a repeated offence was applied, but no final penalty was imposed on the organisation within {window} before the alleged offence ({committedOn}).',
    RECORD_CONTRADICTS_ALLEGATION:
      "The organisation's records show that the report (form {form}) was filed on {submittedOn} (incoming no. {incomingNumber}) with content hash sha256 {contentHash}, and that it matches the ledger as kept. This shows that the report was not changed after filing and supports the organisation's position.",
  },
  months: (n) => `${n} month${n === 1 ? '' : 's'}`,
  period: (iso) =>
    periodIn(
      iso,
      (n, u) =>
        `${n} ${u === 'Y' ? (n === 1 ? 'year' : 'years') : u === 'M' ? (n === 1 ? 'month' : 'months') : n === 1 ? 'day' : 'days'}`,
    ),
};

const ru: ObjectionTemplate = {
  titleComplaint: 'ЖАЛОБА на постановление от {date} по делу об административном правонарушении',
  titleObjection: 'ВОЗРАЖЕНИЕ по делу об административном правонарушении',
  illustrative:
    'ИЛЛЮСТРАТИВНО: часть фактов этого дела не из публичных источников (демонстрационные данные).',
  to: 'Кому',
  from: 'От',
  bin: 'БИН',
  unknownAuthority: '(укажите орган)',
  intro:
    '{organisation} возражает против производства по делу об административном правонарушении по следующим основаниям и просит его прекратить.',
  factsHeading: 'I. Обстоятельства',
  groundsHeading: 'II. Основания',
  noGrounds: 'Проверка не выявила оснований; юрист указывает основания здесь.',
  exhibitsHeading: 'III. Собственные записи организации',
  exhibitsIntro:
    'Записи организации, каждая с хешем sha256 содержания, зафиксированным при подаче, опровергают обвинение или относятся к нему:',
  requestHeading: 'ПРОШУ:',
  groundToWrite: '(основание излагается юристом)',
  conditional: 'Если официальный текст закона подтвердит применённую здесь норму, то',
  lawyerNoteHeading: 'ПРИМЕЧАНИЕ ДЛЯ ЮРИСТА (не часть жалобы; удалить перед подачей). Проверить до подачи:',
  lawyerNoteEnd: '— конец примечания —',
  toCourt: 'В специализированный межрайонный административный суд {place}',
  toHigherOfficial: 'Вышестоящему должностному лицу: {authority}',
  address: 'адрес',
  respondent: 'Ответчик (орган, вынесший постановление)',
  rulingComplained:
    'Обжалуемое постановление: постановление по делу об административном правонарушении от {date}',
  restorationHeading: 'Ходатайство о восстановлении пропущенного срока',
  restoration:
    'Срок подачи настоящей жалобы истёк {date}. Заявитель просит восстановить пропущенный срок, поскольку о постановлении и об основаниях жалобы ему стало известно позднее; причины и их доказательства излагаются юристом.',
  requestRestore: 'восстановить пропущенный срок подачи настоящей жалобы;',
  annexCopyRuling: 'копия обжалуемого постановления',
  registerHeading: 'Приложение: реестр поданных отчётов',
  signatureBlock: 'Руководитель организации: ____________________ (должность, фамилия, инициалы)',
  incoming: 'вх. №',
  requestIntro: 'На основании изложенного просим:',
  requestTerminate: 'прекратить производство по делу об административном правонарушении;',
  requestAnnul: 'отменить постановление от {date} и все назначенные им взыскания;',
  requestLiftSuspension: 'незамедлительно отменить приостановление деятельности организации;',
  deadlineNote: 'Жалоба подаётся в установленный срок, который истекает {date}.',
  annexesHeading: 'Приложения',
  date: 'Дата',
  signature: 'Подпись',
  draftNote: 'Проект подготовлен CivicLedger по делу {case}; подлежит проверке и правке юристом.',
  basis: 'Правовое основание',
  noCitation: 'собственные записи организации',
  verified: 'Норма подтверждена публичным источником.',
  unverified: 'Норма ещё не сверена с официальным текстом: юрист должен её проверить.',
  undated: 'без даты',
  factArticle: '{article}, состав: {tier}',
  factAllegation: 'Вменяется: {what} (касается: {reference})',
  factCommitted: 'Дата вменяемого правонарушения: {date}',
  factFine: 'Штраф: {mci} МРП = {amount} {currency}',
  factSuspension: 'Приостановление деятельности: {months}',
  actionKinds: {
    notice: 'уведомление',
    summons: 'вызов',
    inspection: 'проверка',
    protocol: 'протокол об административном правонарушении',
    ruling: 'постановление',
    suspension: 'приостановление деятельности',
    appeal: 'жалоба',
    'court-decision': 'решение суда',
    withdrawal: 'отзыв обвинений',
    payment: 'уплата штрафа',
  },
  grounds: {
    LIMITATION_EXPIRED:
      'Истёк срок давности: вменяемое правонарушение относится к {startsOn}; срок {period} истёк {expiresOn}, до {evaluatedOn}. По его истечении лицо не может быть привлечено к административной ответственности.',
    LIMITATION_EXPIRED_IF_NOT_CONTINUING:
      'Срок давности {period} с даты вменяемого правонарушения {startsOn} истёк {expiresOn}, до {evaluatedOn}. Правонарушение не является длящимся; даже при исчислении со дня обнаружения {alternativeStartsOn} срок истекал бы {alternativeExpiresOn}.',
    OFFENCE_NOT_IN_FORCE:
      'На {committedOn}, дату вменяемого правонарушения, применённая норма не действовала (действует с {inForceFrom}).',
    PENALTY_AMOUNT_MISMATCH:
      'Назначенный штраф {imposed} {currency} не соответствует закону: {mci} МРП по значению {year} года {value} составляет {expected} {currency}.',
    PENALTY_MCI_WRONG_YEAR:
      'Штраф исчислен по МРП {usedYear} года; закон требует МРП, действовавший на момент возбуждения производства ({mciDate}), то есть {lawfulYear} года.',
    PENALTY_NOT_MULTIPLE_OF_TIER: 'Штраф {mci} МРП не предусмотрен нормой: она устанавливает {tierMci} МРП.',
    SUSPENSION_NOT_PROVIDED:
      'Назначено приостановление на {months} мес., однако применённый состав («{tier}») не предусматривает приостановления деятельности.',
    SUSPENSION_TOO_LONG:
      'Назначено приостановление на {months} мес.; применённый состав допускает не более {maxMonths}.',
    REPEAT_WITHOUT_PRIOR_PENALTY:
      'Применена норма о повторном правонарушении, однако в течение {window} до вменяемого правонарушения ({committedOn}) организация не подвергалась вступившему в силу взысканию.',
    RECORD_CONTRADICTS_ALLEGATION:
      'Учётные записи организации показывают, что отчёт (форма {form}) подан {submittedOn} (вх. № {incomingNumber}), хеш sha256 его содержания {contentHash}, и что он соответствует учёту в том виде, в каком учёт ведётся. Это подтверждает, что отчёт не изменялся после подачи, и подкрепляет позицию организации.',
  },
  months: (n) => ruPlural(n, 'месяц', 'месяца', 'месяцев'),
  period: (iso) =>
    periodIn(iso, (n, u) =>
      u === 'Y'
        ? ruPlural(n, 'год', 'года', 'лет')
        : u === 'M'
          ? ruPlural(n, 'месяц', 'месяца', 'месяцев')
          : ruPlural(n, 'день', 'дня', 'дней'),
    ),
};

const kk: ObjectionTemplate = {
  titleComplaint: 'Әкімшілік құқық бұзушылық туралы іс бойынша {date} қаулыға ШАҒЫМ',
  titleObjection: 'Әкімшілік құқық бұзушылық туралы іс бойынша ҚАРСЫЛЫҚ',
  illustrative:
    'МЫСАЛ РЕТІНДЕ: осы істің кейбір деректері жария дереккөзден алынбаған (демонстрациялық деректер).',
  to: 'Кімге',
  from: 'Кімнен',
  bin: 'БСН',
  unknownAuthority: '(органды көрсетіңіз)',
  intro:
    '{organisation} әкімшілік құқық бұзушылық туралы іс бойынша іс жүргізуге төмендегі негіздер бойынша қарсылық білдіреді және оны тоқтатуды сұрайды.',
  factsHeading: 'I. Мән-жайлар',
  groundsHeading: 'II. Негіздер',
  noGrounds: 'Тексеру негіз тапқан жоқ; заңгер негіздерді осында көрсетеді.',
  exhibitsHeading: 'III. Ұйымның өз жазбалары',
  exhibitsIntro:
    'Ұйымның жазбалары (әрқайсысы тапсыру кезінде тіркелген мазмұнының sha256 хешімен) айыптауды жоққа шығарады немесе оған қатысты:',
  requestHeading: 'СҰРАЙМЫН:',
  groundToWrite: '(негізді заңгер баяндайды)',
  conditional: 'Егер заңның ресми мәтіні осында қолданылған норманы растаса,',
  lawyerNoteHeading:
    'ЗАҢГЕРГЕ ЕСКЕРТПЕ (шағымның бөлігі емес; беру алдында жою керек). Беру алдында тексеру қажет:',
  lawyerNoteEnd: '— ескертпенің соңы —',
  toCourt: '{place} мамандандырылған ауданаралық әкімшілік сотына',
  toHigherOfficial: 'Жоғары тұрған лауазымды адамға: {authority}',
  address: 'мекенжайы',
  respondent: 'Жауапкер (қаулы шығарған орган)',
  rulingComplained: 'Шағымданылатын қаулы: әкімшілік құқық бұзушылық туралы іс бойынша {date} қаулы',
  restorationHeading: 'Өткізіп алынған мерзімді қалпына келтіру туралы өтінішхат',
  restoration:
    'Осы шағымды беру мерзімі {date} өтті. Өтініш беруші өткізіп алынған мерзімді қалпына келтіруді сұрайды, өйткені қаулы және шағымның негіздері туралы оған кейінірек белгілі болды; себептері мен олардың дәлелдерін заңгер баяндайды.',
  requestRestore: 'осы шағымды берудің өткізіп алынған мерзімін қалпына келтіру;',
  annexCopyRuling: 'шағымданылатын қаулының көшірмесі',
  registerHeading: 'Қосымша: берілген есептердің тізілімі',
  signatureBlock: 'Ұйым басшысы: ____________________ (лауазымы, тегі, аты-жөні)',
  incoming: 'кіріс №',
  requestIntro: 'Жоғарыда баяндалғанның негізінде сұраймыз:',
  requestTerminate: 'әкімшілік құқық бұзушылық туралы іс бойынша іс жүргізуді тоқтатуды;',
  requestAnnul: '{date} қаулының күшін және ол тағайындаған барлық жазаны жоюды;',
  requestLiftSuspension: 'ұйым қызметін тоқтата тұруды дереу алып тастауды;',
  deadlineNote: 'Шағым белгіленген мерзімде беріледі, ол {date} аяқталады.',
  annexesHeading: 'Қосымшалар',
  date: 'Күні',
  signature: 'Қолы',
  draftNote: 'Жобаны CivicLedger {case} ісі бойынша дайындады; заңгер тексеріп, түзетуі тиіс.',
  basis: 'Құқықтық негіз',
  noCitation: 'ұйымның өз жазбалары',
  verified: 'Норма жария дереккөзде расталған.',
  unverified: 'Норма әлі ресми мәтінмен салыстырылмаған: заңгер оны тексеруі тиіс.',
  undated: 'күні жоқ',
  factArticle: '{article}, құрамы: {tier}',
  factAllegation: 'Айыпталады: {what} (қатысты: {reference})',
  factCommitted: 'Айыпталған құқық бұзушылық күні: {date}',
  factFine: 'Айыппұл: {mci} АЕК = {amount} {currency}',
  factSuspension: 'Қызметті тоқтата тұру: {months}',
  actionKinds: {
    notice: 'хабарлама',
    summons: 'шақыру',
    inspection: 'тексеру',
    protocol: 'әкімшілік құқық бұзушылық туралы хаттама',
    ruling: 'қаулы',
    suspension: 'қызметті тоқтата тұру',
    appeal: 'шағым',
    'court-decision': 'сот шешімі',
    withdrawal: 'айыптаудың қайтарылуы',
    payment: 'айыппұлдың төленуі',
  },
  grounds: {
    LIMITATION_EXPIRED:
      'Ескіру мерзімі өтті: айыпталған құқық бұзушылық {startsOn} күнге жатады; {period} мерзім {expiresOn} аяқталды, яғни {evaluatedOn} дейін. Ол өткеннен кейін әкімшілік жауапкершілікке тартуға болмайды.',
    LIMITATION_EXPIRED_IF_NOT_CONTINUING:
      'Айыпталған құқық бұзушылық күнінен ({startsOn}) бастап {period} ескіру мерзімі {expiresOn} аяқталды, яғни {evaluatedOn} дейін. Құқық бұзушылық созылмалы емес; анықталған күннен ({alternativeStartsOn}) есептегенде де мерзім {alternativeExpiresOn} аяқталар еді.',
    OFFENCE_NOT_IN_FORCE:
      'Айыпталған құқық бұзушылық күні {committedOn} қолданылған норма күшінде болмаған ({inForceFrom} бастап қолданылады).',
    PENALTY_AMOUNT_MISMATCH:
      'Тағайындалған айыппұл {imposed} {currency} заңға сәйкес емес: {year} жылғы {value} мәні бойынша {mci} АЕК {expected} {currency} құрайды.',
    PENALTY_MCI_WRONG_YEAR:
      'Айыппұл {usedYear} жылғы АЕК бойынша есептелген; заң іс жүргізу қозғалған кездегі ({mciDate}) АЕК-ті, яғни {lawfulYear} жылғы мәнді талап етеді.',
    PENALTY_NOT_MULTIPLE_OF_TIER: '{mci} АЕК айыппұлды норма көздемейді: ол {tierMci} АЕК белгілейді.',
    SUSPENSION_NOT_PROVIDED:
      '{months} айға тоқтата тұру тағайындалды, бірақ қолданылған құрам («{tier}») қызметті тоқтата тұруды көздемейді.',
    SUSPENSION_TOO_LONG:
      '{months} айға тоқтата тұру тағайындалды; қолданылған құрам ең көбі {maxMonths} айға жол береді.',
    REPEAT_WITHOUT_PRIOR_PENALTY:
      'Қайталанған құқық бұзушылық туралы норма қолданылды, бірақ айыпталған құқық бұзушылыққа ({committedOn}) дейінгі {window} ішінде ұйымға заңды күшіне енген жаза қолданылмаған.',
    RECORD_CONTRADICTS_ALLEGATION:
      'Ұйымның есеп жазбалары есептің ({form} нысаны) {submittedOn} тапсырылғанын (кіріс № {incomingNumber}), мазмұнының sha256 хеші {contentHash} екенін және оның жүргізілген есепке сәйкес келетінін көрсетеді. Бұл есептің тапсырылғаннан кейін өзгертілмегенін растайды және ұйымның ұстанымын қолдайды.',
  },
  months: (n) => `${n} ай`,
  period: (iso) => periodIn(iso, (n, u) => `${n} ${u === 'Y' ? 'жыл' : u === 'M' ? 'ай' : 'күн'}`),
};

export const OBJECTION_TEMPLATES: Readonly<Record<Locale, ObjectionTemplate>> = { en, ru, kk };
