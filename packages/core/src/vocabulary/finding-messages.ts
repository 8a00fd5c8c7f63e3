import type { Finding, FindingCode } from '../claims/finding.ts';
import type { Locale } from '../locale.ts';
import { renderMessage, type MessageTemplates } from './message-template.ts';

/**
 * The message of each claim-check finding in ru and kk, built from the finding's params (dates,
 * periods, amounts through the core formatter). English is the check's own sentence (`message`),
 * which names more of the pack's internals than a Russian or Kazakh reader needs. No internal id,
 * no code and no ISO date reaches the reader.
 */
export const FINDING_MESSAGES: Readonly<Record<FindingCode, Omit<MessageTemplates, 'en'>>> = {
  LIMITATION_EXPIRED: {
    ru: 'Срок давности ({period}, считая с {startsOn}) истёк {expiresOn}, раньше {evaluatedOn}: к ответственности привлечь нельзя.',
    kk: 'Ескіру мерзімі ({startsOn:from} бастап {period}) {expiresOn:on} өтті, бұл {evaluatedOn:until}: жауапкершілікке тартуға болмайды.',
  },
  LIMITATION_EXPIRED_IF_NOT_CONTINUING: {
    ru: 'Срок давности ({period}, считая с {startsOn}) истёк {expiresOn}, раньше {evaluatedOn}, если правонарушение не длящееся; считая со дня обнаружения ({alternativeStartsOn}), он истекает {alternativeExpiresOn}.',
    kk: 'Құқық бұзушылық созылмалы болмаса, ескіру мерзімі ({startsOn:from} бастап {period}) {expiresOn:on} өтті, бұл {evaluatedOn:until}; анықталған күннен ({alternativeStartsOn}) бастап есептегенде ол {alternativeExpiresOn:on} өтеді.',
  },
  LIMITATION_RUNNING: {
    ru: 'Срок давности ({period}, считая с {startsOn}) истекает {expiresOn}; на {evaluatedOn} он не истёк.',
    kk: 'Ескіру мерзімі ({startsOn:from} бастап {period}) {expiresOn:on} өтеді; {evaluatedOn:on} ол өтпеген.',
  },
  LIMITATION_RULE_MISSING: {
    ru: 'В пакете правил нет срока давности по статье {article:text}, действовавшего на {committedOn}.',
    kk: 'Ережелер пакетінде {committedOn} күшінде болған {article:text}-бап бойынша ескіру мерзімі жоқ.',
  },
  COURT_OUTCOME_UNKNOWN: {
    ru: 'У решения суда от {decidedOn} не записан результат; взыскание, которого оно касается, учитывается при проверке повторности. Укажите результат (отменено, оставлено в силе, изменено, возвращено).',
    kk: '{decidedOn} сот шешімінің нәтижесі жазылмаған; ол қатысты жаза қайталануды тексеруде ескеріледі. Нәтижесін көрсетіңіз (жойылды, күшінде қалды, өзгертілді, қайтарылды).',
  },
  OFFENCE_NOT_IN_FORCE: {
    ru: 'Норма статьи {article:text}, которая вменяется, не действовала на дату правонарушения {committedOn} (действует с {inForceFrom}).',
    kk: 'Айыпталып отырған {article:text}-баптың нормасы құқық бұзушылық күні {committedOn} күшінде болмаған ({inForceFrom:from} бастап қолданылады).',
  },
  PENALTY_AMOUNT_MISMATCH: {
    ru: 'Наложенная сумма {imposed:money} не равна {mci} × {value} (значение {year:text} года) = {expected:money}.',
    kk: 'Салынған сома {imposed:money} {mci} × {value} ({year:text} жылғы мән) = {expected:money} сомасына тең емес.',
  },
  PENALTY_MCI_WRONG_YEAR: {
    ru: 'Штраф исчислен по значению {usedYear:text} года ({usedValue}); нужно значение {lawfulYear:text} года ({lawfulValue}), действовавшее на {mciDate}.',
    kk: 'Айыппұл {usedYear:text} жылғы мән ({usedValue}) бойынша есептелген; {mciDate} күшінде болған {lawfulYear:text} жылғы мән ({lawfulValue}) қажет.',
  },
  PENALTY_MCI_YEAR_INFERRED: {
    ru: 'Сумма {amount} равна {mci} × {value}, значению {year:text} года: она верна, только если дата, на которую исчисляется штраф, пришлась на {year:text} год. Проверьте дату протокола.',
    kk: '{amount} сомасы {mci} × {value}, яғни {year:text} жылғы мәнге тең: айыппұл есептелетін күн {year:text} жылға түссе ғана дұрыс. Хаттаманың күнін тексеріңіз.',
  },
  PENALTY_MCI_DATE_ASSUMED: {
    ru: 'В претензии нет даты, которая нужна по правилу пакета; использовано значение, действовавшее на {mciDate}.',
    kk: 'Талапта пакет ережесіне қажет күн жоқ; {mciDate} күшінде болған мән алынды.',
  },
  PENALTY_NOT_MULTIPLE_OF_TIER: {
    ru: 'Штраф в {mci} расчётных показателей не соответствует санкции статьи: она устанавливает {tierMci}.',
    kk: '{mci} есептік көрсеткіш айыппұл баптың санкциясына сәйкес емес: ол {tierMci} белгілейді.',
  },
  PENALTY_TIER_AMOUNT_UNKNOWN: {
    ru: 'В пакете правил нет размера штрафа для этого случая: проверен только расчёт.',
    kk: 'Ережелер пакетінде бұл жағдайға айыппұл мөлшері жоқ: тек есептеу тексерілді.',
  },
  PENALTY_OFFENDER_ASSUMED: {
    ru: 'В претензии не указан вид лица; использован штраф для вида лица по умолчанию.',
    kk: 'Талапта тұлға түрі көрсетілмеген; әдепкі тұлға түріне арналған айыппұл алынды.',
  },
  SUSPENSION_NOT_PROVIDED: {
    ru: 'Назначено приостановление деятельности ({months} мес.), но применённая часть статьи {article:text} его не предусматривает.',
    kk: 'Қызметті тоқтата тұру ({months} ай) тағайындалды, бірақ {article:text}-баптың қолданылған бөлігі оны көздемейді.',
  },
  SUSPENSION_TOO_LONG: {
    ru: 'Назначено приостановление на {months} мес.; применённая часть статьи допускает не более {maxMonths}.',
    kk: '{months} айға тоқтата тұру тағайындалды; баптың қолданылған бөлігі {maxMonths} айдан артық етуге жол бермейді.',
  },
  REPEAT_WITHOUT_PRIOR_PENALTY: {
    ru: 'Часть статьи о повторном правонарушении применяется только после вступившего в силу взыскания в течение {window}; в претензии его нет (правонарушение {committedOn}).',
    kk: 'Қайталанған құқық бұзушылық туралы бөлік {window} ішінде заңды күшіне енген жазадан кейін ғана қолданылады; талапта ол жоқ (құқық бұзушылық {committedOn}).',
  },
  RECORD_CONTRADICTS_ALLEGATION: {
    ru: 'Записи организации показывают, что отчёт (форма {form:text}) подан {submittedOn} (вх. № {incomingNumber:text}), хеш содержания sha256 {contentHash:text}: это говорит против обвинения.',
    kk: 'Ұйымның жазбалары есептің (нысан {form:text}) {submittedOn:on} тапсырылғанын көрсетеді (кіріс № {incomingNumber:text}), мазмұн хеші sha256 {contentHash:text}: бұл айыптауға қарсы дәлел.',
  },
  RECORD_SUPPORTS_ALLEGATION: {
    ru: 'Отчёт (форма {form:text}) подан {submittedOn} при сроке {dueOn} или расходится с учётом: записи организации подтверждают обвинение.',
    kk: 'Есеп (нысан {form:text}) {dueOn} мерзімде {submittedOn} тапсырылған немесе есеппен сәйкес емес: ұйымның жазбалары айыптауды растайды.',
  },
  RULE_UNVERIFIED: {
    ru: 'Вывод опирается на норму, не сверенную с официальным текстом: юрист должен проверить её, прежде чем ссылаться на неё.',
    kk: 'Қорытынды ресми мәтінмен салыстырылмаған нормаға сүйенеді: заңгер оған сілтеме жасамас бұрын тексеруі керек.',
  },
  APPEAL_DEADLINE: {
    ru: 'Жалобу на постановление нужно подать до {deadline} ({days} дн. с {from}); надёжнее всего — до {dueSafe}.',
    kk: 'Қаулыға шағымды {deadline:until} беру керек ({from:from} бастап {days} күн); ең сенімдісі — {dueSafe:until}.',
  },
  APPEAL_RULE_MISSING: {
    ru: 'В пакете правил нет нормы об обжаловании, действующей на {on}.',
    kk: 'Ережелер пакетінде {on} күшінде болған шағымдану туралы норма жоқ.',
  },
};

/** A finding's message in the language: English is the check's own sentence; ru and kk come from the table. */
export function findingMessage(f: Pick<Finding, 'code' | 'message' | 'params'>, locale: Locale): string {
  if (locale === 'en' || !Object.hasOwn(FINDING_MESSAGES, f.code)) return f.message;
  const t = FINDING_MESSAGES[f.code];
  return renderMessage({ en: f.message, ...t }, locale, f.params);
}
