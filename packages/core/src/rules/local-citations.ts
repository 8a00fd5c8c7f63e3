import type { LocalText } from './local-text.ts';
import type { RulePack } from './rule-pack.schema.ts';

type Node = Readonly<Record<string, unknown>>;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;

function textOf(citation: unknown): string | undefined {
  if (typeof citation === 'string') return citation;
  if (isNode(citation) && typeof citation['text'] === 'string') return citation['text'];
  return undefined;
}

/**
 * The citation in the local style (`cite`: «статья N КоАП РК») of every rule of a pack, keyed
 * by the text of the source it rests on (`citation.text`, what a finding carries). A rule with a
 * source but no `cite` of its own (a tier of an offence) takes its parent's. Pure.
 */
export function localCitations(pack: RulePack): ReadonlyMap<string, LocalText> {
  const out = new Map<string, LocalText>();
  const walk = (value: unknown, inherited: LocalText | undefined): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v, inherited);
      return;
    }
    if (!isNode(value)) return;
    const cite = (value['cite'] as LocalText | undefined) ?? inherited;
    const source = textOf(value['citation']);
    if (source !== undefined && cite !== undefined && !out.has(source)) out.set(source, cite);
    for (const [key, v] of Object.entries(value)) if (key !== 'cite' && key !== 'citation') walk(v, cite);
  };
  walk(pack, undefined);
  return out;
}

const isLocalText = (v: unknown): v is LocalText => isNode(v) && typeof v['en'] === 'string';

/**
 * What is open about the rules of a pack that are not verified (`verified: false` with a `note`),
 * keyed like `localCitations` by the text of the source they rest on: a finding that is «not
 * verified» shows the note of its rule, so the lawyer reads what to check, not only that something
 * is unchecked. The first unverified rule with a note wins for a source. Pure.
 */
export function unverifiedNotes(pack: RulePack): ReadonlyMap<string, LocalText> {
  const out = new Map<string, LocalText>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) {
      for (const v of value) walk(v);
      return;
    }
    if (!isNode(value)) return;
    const source = textOf(value['citation']);
    const note = value['note'];
    if (source !== undefined && value['verified'] === false && isLocalText(note) && !out.has(source))
      out.set(source, note);
    for (const [key, v] of Object.entries(value)) if (key !== 'note' && key !== 'citation') walk(v);
  };
  walk(pack);
  return out;
}
