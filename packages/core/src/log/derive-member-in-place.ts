import {
  canonicalString,
  inCanonicalOrder,
  hasLoneSurrogateEscape,
  withDerivedMemberText,
} from './canonical-json.ts';

/**
 * What a record built for deriveMemberInPlace holds at the derived member's place until it is
 * derived. Plain ASCII without escapes, so JSON.stringify and the canonical writer write it alike.
 */
export const DERIVED_PENDING = 'civic:derived-member-pending';

/**
 * withDerivedMember for a record its caller has just built with `key` already in its place
 * (holding DERIVED_PENDING): sets `value[key]` to `derive` of the canonical JSON of `value` without
 * that member — the member withDerivedMemberText would add to the record without `key` — and
 * keeps no text. The record is not copied: JSON.stringify writes it with the placeholder (when it
 * is in canonical order) and the member is cut out of that text. A filing's tens of thousands of
 * lines are hashed this way. Throws, as withDerivedMemberText does, for what is not JSON.
 *
 * `{"a":1,"h":"civic:derived-member-pending","z":2}`: h becomes derive(`{"a":1,"z":2}`).
 */
export function deriveMemberInPlace<K extends string>(
  value: { [P in K]: string },
  key: K,
  derive: (canonicalText: string) => string,
): void {
  const record: Record<string, unknown> = value;
  if (record[key] !== DERIVED_PENDING) throw new Error(`canonicalJson: ${key} is not pending`);
  const fast = inCanonicalOrder(value) ? textWithout(value, key) : undefined;
  if (fast !== undefined) {
    record[key] = derive(fast);
    return;
  }
  // A record out of canonical order, or one whose text the engine writes otherwise: the general way.
  const rest: Record<string, unknown> = { ...value };
  delete rest[key];
  record[key] = withDerivedMemberText(rest, key, derive).value[key];
}

/**
 * The canonical text of a record in canonical order without its pending member, from the
 * engine's text of it. Undefined when that text is not the canonical one (an escaped lone
 * surrogate) or when the pending member's text occurs more than once (the placeholder somewhere
 * in the record's data as well): the member is then not surely found.
 */
function textWithout(value: object, key: string): string | undefined {
  const whole = JSON.stringify(value);
  if (hasLoneSurrogateEscape(whole)) return undefined;
  // Outside a string an unescaped quote opens a key or a value, so this text is a member
  // named `key` holding the placeholder: ours, or one deeper in the data (then it is twice).
  const member = `${canonicalString(key)}:"${DERIVED_PENDING}"`;
  const at = whole.indexOf(member);
  if (at < 0 || whole.indexOf(member, at + 1) >= 0) return undefined;
  const prefix = whole.slice(0, at);
  const suffix = whole.slice(at + member.length);
  // The member is preceded by "{" or ",", and followed by "}" or ",": one comma goes with it.
  if (prefix.endsWith(',')) return prefix.slice(0, -1) + suffix;
  return suffix === '}' ? '{}' : prefix + suffix.slice(1);
}
