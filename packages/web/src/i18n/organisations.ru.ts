import type { organisationsEn } from './organisations.en.ts';

/** Русские строки: новая организация, действия с приглашениями, статьи бюджета, версии справок. */
export const organisationsRu: Readonly<Record<keyof typeof organisationsEn, string>> = {
  'nav.newOrganisation': 'Новая организация',
  'newOrg.title': 'Новая организация',
  'newOrg.intro':
    'У организации будут свой учёт, отчёты и ключ подписи. Её первый администратор получит приглашение по электронной почте и пригласит остальных.',
  'newOrg.name': 'Название',
  'newOrg.cyrillicName': 'Название кириллицей (для документов на русском и казахском)',
  'newOrg.bin': 'БИН (12 цифр)',
  'newOrg.city': 'Город',
  'newOrg.pack': 'Пакет правил (законодательство, по которому она отчитывается)',
  'newOrg.adminEmail': 'Электронная почта первого администратора',
  'newOrg.submit': 'Создать организацию',
  'newOrg.working': 'Создание…',
  'newOrg.done': 'Организация «{name}» создана. Отпечаток её ключа подписи: {fingerprint}.',
  'orgDetails.title': 'Реквизиты организации',
  'orgDetails.intro':
    'Название и БИН указываются во всех отчётах и возражениях, подготовленных с этого момента; уже подготовленные сохраняют те, с которыми были составлены. Прежнее название остаётся среди других названий организации, и записи с ним по-прежнему находят её.',
  'orgDetails.save': 'Сохранить реквизиты',
  'members.cancelInvitation': 'Отменить',
  'members.resendInvitation': 'Отправить снова',
  'members.invitationCancelled': 'Приглашение для {email} отменено: ссылка больше не действует.',
  'members.invitationResent': 'Новая ссылка для {email}; прежняя больше не действует.',
  'budget.title': 'Статьи бюджета',
  'budget.none': 'Статей бюджета нет: добавьте их, если они есть в соглашении.',
  'budget.name': 'Статья (код или название)',
  'budget.amount': 'Сумма, {currency}',
  'budget.add': 'Добавить статью',
  'budget.remove': 'Удалить',
  'budget.removeLine': 'Удалить статью {name}',
  'briefs.versions': 'Опубликованные версии',
  'briefs.versionLatest': 'Последняя, опубликована {date}',
  'briefs.versionEarlier': 'Опубликована {date}',
};
