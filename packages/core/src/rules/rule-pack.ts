import { domainError, err, ok, type DomainError, type Result } from '../result.ts';
import { formatPath } from './format-path.ts';
import { withDefaultSourceKinds } from './pack-texts.ts';
import { rulePackSchema, type RulePack } from './rule-pack.schema.ts';

/** One problem in a pack: its YAML path (`offences[0].tiers[1].fine`) and a plain message. */
export interface RulePackIssue {
  readonly path: string;
  readonly pathSegments: readonly (string | number)[];
  readonly message: string;
}

/**
 * Validates a pack already read from YAML or JSON. Never throws. On failure the error is
 * `RULE_PACK_INVALID`: its `field` is the YAML path of the first problem and
 * `details.issues` lists every problem with its path (the caller may add line numbers).
 */
export function parseRulePack(data: unknown, file: string): Result<RulePack> {
  const parsed = rulePackSchema.safeParse(withDefaultSourceKinds(data));
  if (parsed.success) return ok(parsed.data);
  const issues: RulePackIssue[] = parsed.error.issues.map((issue) => {
    const segments = issue.path.map((p) => (typeof p === 'number' ? p : String(p)));
    return { path: formatPath(segments), pathSegments: segments, message: issue.message };
  });
  return err(rulePackInvalid(file, issues));
}

export function rulePackInvalid(file: string, issues: readonly RulePackIssue[]): DomainError {
  const first = issues[0];
  const where = first ? (first.path === '' ? '(top level)' : first.path) : '(unknown)';
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more)` : '';
  return domainError(
    'RULE_PACK_INVALID',
    `rule pack ${file}: ${where}: ${first?.message ?? 'invalid'}${more}`,
    {
      file,
      ...(first && first.path !== '' ? { field: first.path } : {}),
      details: { issues },
    },
  );
}
