import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, isAbsolute, join, resolve } from 'node:path';
import {
  domainError,
  err,
  localText,
  parseRulePack,
  type DomainError,
  type Result,
  type RulePack,
} from '@civic/core';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { cachedPackData, keepPackData, packTextKey } from './rule-pack-cache.ts';
import { rulesDir } from './rules-dir.ts';

/** A problem in a pack file with its YAML path and line. */
export interface RulePackFileIssue {
  readonly path: string;
  readonly line: number | null;
  readonly message: string;
}

const cache = new Map<string, { mtimeMs: number; result: Result<RulePack> }>();

/** `kz` → `<rules>/kz.yaml`; anything with a slash or a .yaml/.yml/.json ending is a file path. */
export function rulePackFile(idOrPath: string): string {
  const looksLikePath = /[\\/]/.test(idOrPath) || /\.(ya?ml|json)$/i.test(idOrPath);
  if (looksLikePath) return isAbsolute(idOrPath) ? idOrPath : resolve(idOrPath);
  return join(rulesDir(), `${idOrPath}.yaml`);
}

function lineOf(doc: Document, counter: LineCounter, path: readonly (string | number)[]): number | null {
  for (let n = path.length; n >= 0; n--) {
    const node: unknown = doc.getIn(path.slice(0, n), true);
    if (
      node &&
      typeof node === 'object' &&
      'range' in node &&
      Array.isArray(node.range) &&
      typeof node.range[0] === 'number'
    ) {
      return counter.linePos(node.range[0]).line;
    }
  }
  return null;
}

/** Reads and validates a pack file; errors name the file, the YAML path (`field`) and the line. */
export function readRulePackFile(file: string): Result<RulePack> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return err(domainError('RULE_PACK_NOT_FOUND', `no rule pack at ${file}`, { file }));
  }
  const key = packTextKey(text);
  const kept = cachedPackData(key);
  if (kept !== undefined) {
    const fromCache = parseRulePack(kept, file);
    if (fromCache.ok) return fromCache;
  }
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = yamlError.linePos?.[0]?.line;
    return err(
      domainError(
        'RULE_PACK_YAML_INVALID',
        `${basename(file)} is not valid YAML: ${(yamlError.message.split('\n')[0] ?? '').replace(/:\s*$/, '')}`,
        { file, ...(line ? { line } : {}) },
      ),
    );
  }
  const data: unknown = doc.toJS({ maxAliasCount: 10_000 });
  const parsed = parseRulePack(data, file);
  if (parsed.ok) {
    keepPackData(key, data);
    return parsed;
  }
  return err(withLines(parsed.error, doc, counter));
}

function withLines(error: DomainError, doc: Document, counter: LineCounter): DomainError {
  const raw = error.details?.['issues'];
  if (!Array.isArray(raw)) return error;
  const issues: RulePackFileIssue[] = raw.map(
    (i: { path: string; pathSegments: (string | number)[]; message: string }) => ({
      path: i.path,
      line: lineOf(doc, counter, i.pathSegments),
      message: i.message,
    }),
  );
  const line = issues[0]?.line;
  return { ...error, ...(line ? { line } : {}), details: { ...error.details, issues } };
}

/**
 * Loads a pack by id (`kz` reads `rules/kz.yaml`) or by file path, validated; cached per file until
 * the file changes. Errors: RULE_PACK_NOT_FOUND, RULE_PACK_YAML_INVALID, RULE_PACK_INVALID.
 */
export async function loadRulePack(idOrPath: string): Promise<Result<RulePack>> {
  return loadRulePackSync(idOrPath);
}

/** The synchronous form of loadRulePack (for places that cannot await). */
export function loadRulePackSync(idOrPath: string): Result<RulePack> {
  if (idOrPath.trim() === '')
    return err(domainError('RULE_PACK_NOT_FOUND', 'a rule pack id or file is required', { field: 'pack' }));
  const file = rulePackFile(idOrPath);
  let mtimeMs: number;
  try {
    mtimeMs = statSync(file).mtimeMs;
  } catch {
    const known = listPackIds();
    const hint = known.length > 0 ? ` (known packs: ${known.join(', ')})` : '';
    return err(
      domainError('RULE_PACK_NOT_FOUND', `no rule pack "${idOrPath}" at ${file}${hint}`, {
        file,
        field: 'pack',
      }),
    );
  }
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === mtimeMs) return hit.result;
  const result = readRulePackFile(file);
  cache.set(file, { mtimeMs, result });
  return result;
}

// The folder's pack ids while its mtime stays the same (a file added, removed or renamed moves it;
// an edit in place does not, and each pack's own mtime is checked by loadRulePackSync). The server
// asks for every obligations and ledger request, where reading the folder each time cost more
// than the rest of a cached answer's file-system work.
let listed: { dir: string; mtimeMs: number; ids: string[] } | undefined;

function listPackIds(): string[] {
  const dir = rulesDir();
  try {
    const mtimeMs = statSync(dir).mtimeMs;
    if (listed && listed.dir === dir && listed.mtimeMs === mtimeMs) return listed.ids;
    const ids = readdirSync(dir)
      .filter((f) => /\.ya?ml$/i.test(f))
      .map((f) => basename(f, extname(f)))
      .sort();
    listed = { dir, mtimeMs, ids };
    return ids;
  } catch {
    return [];
  }
}

export interface RulePackSummary {
  readonly id: string;
  readonly file: string;
  readonly valid: boolean;
  readonly name: string | null;
  readonly jurisdiction: string | null;
  readonly reviewed: string | null;
  readonly error: DomainError | null;
}

/** Every pack in the rules folder, each loaded and validated. */
export async function listRulePacks(): Promise<RulePackSummary[]> {
  return listPackIds().map((id) => {
    const file = rulePackFile(id);
    const r = loadRulePackSync(id);
    return r.ok
      ? {
          id,
          file,
          valid: true,
          name: localText(r.value.name, 'en'),
          jurisdiction: r.value.jurisdiction,
          reviewed: r.value.reviewed,
          error: null,
        }
      : { id, file, valid: false, name: null, jurisdiction: null, reviewed: null, error: r.error };
  });
}

/** Validates a pack file (or id) afresh, bypassing the cache: for `civic rules validate`. */
export function validateRulePack(idOrPath: string): Result<RulePack> {
  return readRulePackFile(rulePackFile(idOrPath));
}
