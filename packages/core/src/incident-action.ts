import { ACTION_TYPES, type ActionType } from './incident.ts';
import { normalisePlaceName } from './gazetteer/normalise-place-name.ts';

/**
 * Simple synonyms accepted for the controlled vocabulary of action types (English, Russian,
 * Kazakh). Matching ignores case, spaces, hyphens and underscores ("Court decision",
 * "court_decision" and "COURT-DECISION" are one key). Listed in docs/formats.md.
 */
export const ACTION_SYNONYMS: Readonly<Record<ActionType, readonly string[]>> = {
  notice: ['notification', 'tax notice', 'letter', 'уведомление', 'извещение', 'хабарлама'],
  summons: ['summon', 'summoned', 'subpoena', 'вызов', 'повестка', 'шақыру'],
  inspection: ['audit', 'check', 'tax audit', 'inspected', 'проверка', 'аудит', 'тексеру'],
  protocol: ['administrative protocol', 'offence report', 'offense report', 'протокол', 'хаттама'],
  fine: ['fined', 'penalty', 'administrative fine', 'штраф', 'айыппұл'],
  suspension: [
    'suspend',
    'suspended',
    'suspension of activity',
    'приостановление',
    'приостановление деятельности',
    'тоқтата тұру',
  ],
  'registration-denied': [
    'registration denial',
    'denied registration',
    'refused registration',
    'registration refused',
    'отказ в регистрации',
    'тіркеуден бас тарту',
  ],
  search: ['raid', 'searched', 'обыск', 'тінту'],
  detention: ['detained', 'arrest', 'arrested', 'задержание', 'арест', 'ұстау'],
  'court-decision': [
    'court',
    'court ruling',
    'judgment',
    'judgement',
    'verdict',
    'court judgment',
    'решение суда',
    'сот шешімі',
  ],
  withdrawal: [
    'withdrawn',
    'charges dropped',
    'dropped',
    'charges withdrawn',
    'отзыв',
    'отмена',
    'прекращение',
  ],
  warning: ['warned', 'caution', 'предупреждение', 'ескерту'],
  liquidation: ['dissolution', 'dissolved', 'closure', 'ликвидация', 'тарату'],
  'travel-ban': ['exit ban', 'запрет на выезд', 'шығуға тыйым'],
  'account-freeze': ['frozen account', 'asset freeze', 'account frozen', 'арест счета', 'блокировка счета'],
  other: ['другое', 'басқа'],
};

let index: ReadonlyMap<string, ActionType> | undefined;

function actionIndex(): ReadonlyMap<string, ActionType> {
  if (index) return index;
  const map = new Map<string, ActionType>();
  for (const action of ACTION_TYPES) {
    for (const name of [action, ...ACTION_SYNONYMS[action]]) map.set(normalisePlaceName(name), action);
  }
  index = map;
  return map;
}

const seen = new Map<string, ActionType | null>();

/** The action type a word denotes (a vocabulary term or one of its synonyms), or null. */
export function parseActionType(text: string): ActionType | null {
  const hit = seen.get(text);
  if (hit !== undefined) return hit;
  const action = actionIndex().get(normalisePlaceName(text)) ?? null;
  // A large import repeats a handful of spellings; keep the memo small whatever the input.
  if (seen.size < 1000) seen.set(text, action);
  return action;
}
