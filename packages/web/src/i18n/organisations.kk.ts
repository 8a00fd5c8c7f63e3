import type { organisationsEn } from './organisations.en.ts';

/** Қазақша жолдар: жаңа ұйым, шақырулармен әрекеттер, бюджет баптары, анықтама нұсқалары. */
export const organisationsKk: Readonly<Record<keyof typeof organisationsEn, string>> = {
  'nav.newOrganisation': 'Жаңа ұйым',
  'newOrg.title': 'Жаңа ұйым',
  'newOrg.intro':
    'Ұйымның өз есебі, есептілігі және қолтаңба кілті болады. Оның бірінші әкімшісі электрондық пошта арқылы шақыру алып, қалғандарын шақырады.',
  'newOrg.name': 'Атауы',
  'newOrg.cyrillicName': 'Кириллицадағы атауы (орыс және қазақ тіліндегі құжаттар үшін)',
  'newOrg.bin': 'БСН (12 цифр)',
  'newOrg.city': 'Қала',
  'newOrg.pack': 'Ережелер пакеті (ұйым есеп беретін заңнама)',
  'newOrg.adminEmail': 'Бірінші әкімшінің электрондық поштасы',
  'newOrg.submit': 'Ұйымды құру',
  'newOrg.working': 'Құрылуда…',
  'newOrg.done': '«{name}» ұйымы құрылды. Оның қолтаңба кілтінің таңбасы: {fingerprint}.',
  'orgDetails.title': 'Ұйымның деректемелері',
  'orgDetails.intro':
    'Атауы мен БСН осы сәттен бастап дайындалған барлық есептер мен қарсылықтарда көрсетіледі; бұрын дайындалғандарында олар жасалған кездегі деректер қалады. Бұрынғы атауы ұйымның басқа атауларының арасында қалады, сондықтан онымен жазылған жазбалар оны әлі де табады.',
  'orgDetails.save': 'Деректемелерді сақтау',
  'members.cancelInvitation': 'Тоқтату',
  'members.resendInvitation': 'Қайта жіберу',
  'members.invitationCancelled': '{email} үшін шақыру тоқтатылды: сілтеме енді жарамсыз.',
  'members.invitationResent': '{email} үшін жаңа сілтеме; бұрынғысы енді жарамсыз.',
  'budget.title': 'Бюджет баптары',
  'budget.none': 'Бюджет баптары жоқ: келісімде болса, қосыңыз.',
  'budget.name': 'Бап (коды немесе атауы)',
  'budget.amount': 'Сомасы, {currency}',
  'budget.add': 'Бап қосу',
  'budget.remove': 'Жою',
  'budget.removeLine': '{name} бабын жою',
  'briefs.versions': 'Жарияланған нұсқалар',
  'briefs.versionLatest': 'Соңғысы, жарияланды: {date}',
  'briefs.versionEarlier': 'Жарияланды: {date}',
};
