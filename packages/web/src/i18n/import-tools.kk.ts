import type { importToolsEn } from './import-tools.en.ts';

/** 1С өрістерінің бүркеншік атауларының, үзінді иесін тексерудің және журналды жүктеудің қазақша жолдары. */
export const importToolsKk: Record<keyof typeof importToolsEn, string> = {
  'preview.period': 'Кезең',
  'preview.periodRange': '{from} – {to}',
  'preview.otherOwnerBin': 'Бұл үзінді БСН {bin} үшін, {org} үшін емес: файлдың дұрыс екенін тексеріңіз.',
  'alias.title': 'Бұл банк өзінше атайтын өрістер',
  'alias.intro':
    'Файлда импорт оқымайтын өрістер бар. Егер олардың бірінде белгілі өрістегі мән болса (сома, күн…), қайсысы екенін көрсетіңіз: атау ұйымның келесі импорттары үшін сақталады.',
  'alias.field': '«{field}» ({line}-жол)',
  'alias.treatAs': '«{field}» өрісін былай оқу',
  'alias.choose': 'өрісті таңдаңыз',
  'alias.save': 'Сақтап, қайта қарау',
  'alias.saved': 'Сақталды: «{field}» «{target}» ретінде оқылады.',
  'alias.savedList': 'Ұйым банктерінің сақталған өріс атаулары',
  'alias.remove': 'Жою',
  'export.title': 'Журналды жүктеп алу',
  'export.intro':
    'Есеп ledger-cli, hledger немесе Beancount журналы түрінде (қалдықтарды өзіңіз сенетін бағдарламалармен салыстыру үшін) немесе CSV түрінде.',
  'export.format': 'Пішім',
  'export.scope': 'Не кіреді',
  'export.scopeFunding': 'Шетелдік қаржыландыру: түсімдер, шығыстар және олардың гранттары',
  'export.scopeAll': 'Барлығы: банк үзінділерінің әр жолы да',
  'export.download': 'Жүктеп алу',
};
