import type { notificationsEn } from './notifications.en.ts';

/** Kazakh strings of the bell, the notifications page and the settings (spread into kk.ts). */
export const notificationsKk: Readonly<Record<keyof typeof notificationsEn, string>> = {
  'notifications.title': 'Хабарламалар',
  'notifications.bell': 'Хабарламалар: оқылмағаны {count}',
  'notifications.empty':
    'Әзірге ештеңе жоқ. Мерзімдер туралы еске салғыштар мен мониторинг хабарлары осында шығады.',
  'notifications.markAllRead': 'Барлығын оқылды деп белгілеу',
  'notifications.markRead': 'Оқылды',
  'notifications.unread': 'Оқылмаған',
  'notifications.due': 'Мерзімі: {date}',
  'notifications.sentByEmail': 'Электрондық поштамен жіберілді',
  'notifications.inApp': 'Тек қолданбада',
  'notifications.waiting': 'Жіберуді күтуде',
  'notifications.warning': 'Жіберу мәселесі',
  'notifications.settings': 'Хабарламалар',
  'notifications.kinds': 'Не аласыз',
  'notifications.kind.obligation': 'Тапсыру мерзімдері (хабарламалар мен есептер)',
  'notifications.kind.legal-deadline': 'Процестік мерзімдер (шағымдар, тоқтата тұру, отырыстар)',
  'notifications.kind.wave': 'Қудалаудың жаңа толқындары',
  'notifications.kind.brief': 'Желіде жарияланған анықтамалар',
  'notifications.kind.incident': 'Ұйымдарыңызға қатысты жаңа оқиғалар',
  'notifications.delivery': 'Қалай',
  'notifications.immediate': 'Әр хабар бірден',
  'notifications.digest': 'Күнделікті бір жинақ',
  'notifications.digestAt': 'Жинақ уақыты',
  'notifications.save': 'Хабарлама баптауларын сақтау',
};
