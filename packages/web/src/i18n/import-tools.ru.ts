import type { importToolsEn } from './import-tools.en.ts';

/** Русские строки псевдонимов полей 1С, проверки владельца выписки и выгрузки журнала. */
export const importToolsRu: Record<keyof typeof importToolsEn, string> = {
  'preview.period': 'Период',
  'preview.periodRange': '{from} – {to}',
  'preview.otherOwnerBin': 'Эта выписка — для БИН {bin}, а не для {org}: проверьте, тот ли это файл.',
  'alias.title': 'Поля, которые этот банк называет по-своему',
  'alias.intro':
    'В файле есть поля, которые импорт не читает. Если в одном из них то же, что в известном поле (сумма, дата…), укажите какое: название сохранится для следующих импортов организации.',
  'alias.field': '«{field}» (строка {line})',
  'alias.treatAs': 'Читать «{field}» как',
  'alias.choose': 'выберите поле',
  'alias.save': 'Сохранить и посмотреть снова',
  'alias.saved': 'Сохранено: «{field}» читается как «{target}».',
  'alias.savedList': 'Сохранённые названия полей банков организации',
  'alias.remove': 'Удалить',
  'export.title': 'Выгрузить журнал',
  'export.intro':
    'Учёт в виде журнала для ledger-cli, hledger или Beancount (чтобы сверить остатки программами, которым вы доверяете) или в виде CSV.',
  'export.format': 'Формат',
  'export.scope': 'Что включить',
  'export.scopeFunding': 'Иностранное финансирование: поступления, расходы и их гранты',
  'export.scopeAll': 'Всё: и каждую строку банковских выписок',
  'export.download': 'Скачать',
};
