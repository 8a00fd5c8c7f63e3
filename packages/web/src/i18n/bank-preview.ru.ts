import type { bankPreviewEn } from './bank-preview.en.ts';

/** Русские строки предпросмотра выписки на странице импорта. */
export const bankPreviewRu: Record<keyof typeof bankPreviewEn, string> = {
  'preview.button': 'Предпросмотр',
  'preview.title': 'Что будет импортировано из этого файла',
  'preview.summary':
    'Строк: {lines}; новых: {imported}; уже импортированных: {duplicates}; будут предложены как иностранное финансирование: {candidates}',
  'preview.statements': 'Выписки',
  'preview.account': 'Счёт',
  'preview.statement': 'Выписка',
  'preview.opening': 'Входящий остаток',
  'preview.computed': 'Входящий + поступления − списания',
  'preview.closing': 'Исходящий остаток',
  'preview.balanced': 'Сходится',
  'preview.unbalanced': 'Не сходится',
  'preview.totalIn': 'Всего поступило',
  'preview.totalOut': 'Всего списано',
  'preview.linesTruncated': 'Показаны первые {shown} из {count} строк; итоги и импорт учитывают все строки.',
  'preview.lines': 'Строки',
  'preview.date': 'Дата',
  'preview.amount': 'Сумма',
  'preview.counterparty': 'Контрагент',
  'preview.purpose': 'Назначение',
  'preview.duplicate': 'Уже импортирована',
  'preview.foreign': 'Будет предложена как иностранное финансирование',
  'preview.in': 'Поступление',
  'preview.out': 'Списание',
  'preview.warnings': 'Предупреждения',
  'preview.acceptUnbalanced':
    'Всё равно импортировать: пакет будет отмечен как несходящийся, причина — записана в журнал',
  'preview.import': 'Импортировать',
  'preview.unbalancedImports': 'Импортировано, хотя остатки не сходятся',
  'preview.unbalancedImport': 'импортировано строк: {lines}; несходящиеся выписки записаны в журнал',
  'preview.otherOwner':
    'Эта выписка по счёту {accounts}, а не по счетам организации «{org}»: проверьте, тот ли это файл.',
  'preview.cancel': 'Отмена',
};
