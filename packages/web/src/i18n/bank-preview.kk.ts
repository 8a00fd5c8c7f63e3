import type { bankPreviewEn } from './bank-preview.en.ts';

/** Импорт бетіндегі үзіндіні алдын ала қараудың қазақша жолдары. */
export const bankPreviewKk: Record<keyof typeof bankPreviewEn, string> = {
  'preview.button': 'Алдын ала қарау',
  'preview.title': 'Бұл файлдан не импортталады',
  'preview.summary':
    'Жолдар: {lines}; жаңасы: {imported}; бұрын импортталғаны: {duplicates}; шетелдік қаржыландыру ретінде ұсынылатыны: {candidates}',
  'preview.statements': 'Үзінділер',
  'preview.account': 'Шот',
  'preview.statement': 'Үзінді',
  'preview.opening': 'Кіріс қалдығы',
  'preview.computed': 'Кіріс қалдығы + түсімдер − шығыстар',
  'preview.closing': 'Шығыс қалдығы',
  'preview.balanced': 'Сәйкес келеді',
  'preview.unbalanced': 'Сәйкес келмейді',
  'preview.totalIn': 'Барлық түсім',
  'preview.totalOut': 'Барлық шығыс',
  'preview.linesTruncated':
    '{count} жолдың алғашқы {shown} жолы көрсетілген; жиындар мен импорт барлық жолды қамтиды.',
  'preview.lines': 'Жолдар',
  'preview.date': 'Күні',
  'preview.amount': 'Сомасы',
  'preview.counterparty': 'Контрагент',
  'preview.purpose': 'Төлем мақсаты',
  'preview.duplicate': 'Бұрын импортталған',
  'preview.foreign': 'Шетелдік қаржыландыру ретінде ұсынылады',
  'preview.in': 'Түсім',
  'preview.out': 'Шығыс',
  'preview.warnings': 'Ескертулер',
  'preview.acceptUnbalanced':
    'Бәрібір импорттау: пакет сәйкес келмейтін деп белгіленеді, себебі журналға жазылады',
  'preview.import': 'Импорттау',
  'preview.unbalancedImports': 'Қалдықтар сәйкес келмесе де импортталды',
  'preview.unbalancedImport': 'импортталған жолдар: {lines}; сәйкес келмейтін үзінділер журналға жазылды',
  'preview.otherOwner':
    'Бұл үзінді {accounts} шоты бойынша, «{org}» ұйымының шоттары бойынша емес: файлдың дұрыс екенін тексеріңіз.',
  'preview.cancel': 'Болдырмау',
};
