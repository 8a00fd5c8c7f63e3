import type { notificationsEn } from './notifications.en.ts';

/** Russian strings of the bell, the notifications page and the settings (spread into ru.ts). */
export const notificationsRu: Readonly<Record<keyof typeof notificationsEn, string>> = {
  'notifications.title': 'Уведомления',
  'notifications.bell': 'Уведомления: непрочитанных {count}',
  'notifications.empty': 'Пока ничего нет. Здесь появятся напоминания о сроках и оповещения мониторинга.',
  'notifications.markAllRead': 'Отметить все как прочитанные',
  'notifications.markRead': 'Прочитано',
  'notifications.unread': 'Не прочитано',
  'notifications.due': 'Срок: {date}',
  'notifications.sentByEmail': 'Отправлено по электронной почте',
  'notifications.inApp': 'Только в приложении',
  'notifications.waiting': 'Ожидает отправки',
  'notifications.warning': 'Проблема с отправкой',
  'notifications.settings': 'Уведомления',
  'notifications.kinds': 'Что вы получаете',
  'notifications.kind.obligation': 'Сроки подачи (уведомления и отчёты)',
  'notifications.kind.legal-deadline': 'Процессуальные сроки (жалобы, приостановления, заседания)',
  'notifications.kind.wave': 'Новые волны преследований',
  'notifications.kind.brief': 'Справки, опубликованные в сети',
  'notifications.kind.incident': 'Новые инциденты против ваших организаций',
  'notifications.delivery': 'Как',
  'notifications.immediate': 'Каждое сообщение сразу',
  'notifications.digest': 'Одна ежедневная сводка',
  'notifications.digestAt': 'Время сводки',
  'notifications.save': 'Сохранить настройки уведомлений',
};
