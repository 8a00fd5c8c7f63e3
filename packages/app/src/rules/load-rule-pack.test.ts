import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { listRulePacks, loadRulePack, rulePackFile, validateRulePack } from './load-rule-pack.ts';
import { rulesDir } from './rules-dir.ts';

// Real parts: the repository's rules/ folder and YAML files written to a temporary folder.
const dir = mkdtempSync(join(tmpdir(), 'civic-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const kzText = readFileSync(join(rulesDir(), 'kz.yaml'), 'utf8');

function write(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('loadRulePack', () => {
  it('reads rules/<id>.yaml and caches the validated pack', async () => {
    const a = await loadRulePack('kz');
    const b = await loadRulePack('kz');
    expect(a.ok && a.value.id).toBe('kz');
    expect(a.ok && b.ok && a.value === b.value).toBe(true);
    expect(rulePackFile('kz')).toBe(join(rulesDir(), 'kz.yaml'));
  });

  it('accepts a file path', async () => {
    const file = write('copy.yaml', kzText);
    const r = await loadRulePack(file);
    expect(r.ok && r.value.calendar.years).toHaveLength(11);
  });

  it('names an unknown pack and lists the known ones', async () => {
    const r = await loadRulePack('atlantis');
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_PACK_NOT_FOUND', field: 'pack' } });
    expect(!r.ok && r.error.message).toContain('kz');
  });

  it('reports broken YAML with its line', async () => {
    const r = await loadRulePack(write('broken.yaml', 'schemaVersion: 1\nid: [unclosed\nname: x\n'));
    expect(r).toMatchObject({ ok: false, error: { code: 'RULE_PACK_YAML_INVALID' } });
    expect(!r.ok && r.error.line).toBeGreaterThan(1);
  });

  it('reports a schema error with its YAML path and line', async () => {
    const lines = kzText.split('\n');
    const at = lines.findIndex((l) => l.includes('fine: { legal-entity: 200'));
    expect(at).toBeGreaterThan(0);
    lines[at] = (lines[at] ?? '').replace('legal-entity: 200', 'legal-entity: two hundred');
    const r = validateRulePack(write('bad-fine.yaml', lines.join('\n')));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'RULE_PACK_INVALID', field: 'offences[0].tiers[1].fine.legal-entity', line: at + 1 },
    });
    expect(!r.ok && r.error.message).toContain('offences[0].tiers[1].fine.legal-entity');
  });

  it('reports a calendar that contradicts its own working-day count', async () => {
    const text = kzText.replace(
      `        - { date: 2021-03-08, name: { en: "International Women's Day", ru: "Международный женский день", kk: "Халықаралық әйелдер күні" }, kind: state }  # Mon\n`,
      '',
    );
    expect(text).not.toBe(kzText);
    const r = validateRulePack(write('bad-calendar.yaml', text));
    expect(!r.ok && r.error.details?.['issues']).toContainEqual(
      expect.objectContaining({ path: 'calendar.years[5].status.expectedWorkingDays' }),
    );
  });
});

describe('listRulePacks', () => {
  it('follows packs added to and removed from the folder between calls', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'civic-rules-list-'));
    const before = process.env['CIVIC_RULES_DIR'];
    process.env['CIVIC_RULES_DIR'] = folder;
    try {
      writeFileSync(join(folder, 'aa.yaml'), kzText);
      expect((await listRulePacks()).map((p) => p.id)).toEqual(['aa']);
      expect((await listRulePacks()).map((p) => p.id)).toEqual(['aa']);
      writeFileSync(join(folder, 'bb.yaml'), kzText);
      expect((await listRulePacks()).map((p) => p.id)).toEqual(['aa', 'bb']);
      rmSync(join(folder, 'aa.yaml'));
      expect((await listRulePacks()).map((p) => p.id)).toEqual(['bb']);
      writeFileSync(join(folder, 'bb.yaml'), 'not: [valid');
      expect((await listRulePacks()).map((p) => [p.id, p.valid])).toEqual([['bb', false]]);
    } finally {
      if (before === undefined) delete process.env['CIVIC_RULES_DIR'];
      else process.env['CIVIC_RULES_DIR'] = before;
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('every pack in rules/', () => {
  it('validates', async () => {
    const packs = await listRulePacks();
    expect(packs.map((p) => p.id)).toEqual(expect.arrayContaining(['kz', 'in-fcra']));
    for (const p of packs)
      expect({ id: p.id, valid: p.valid, error: p.error }).toEqual({ id: p.id, valid: true, error: null });
  });

  it('includes the short example of docs/rule-packs.md, which validates', () => {
    const doc = readFileSync(new URL('../../../../docs/rule-packs.md', import.meta.url), 'utf8');
    const example = doc.split('## A short example')[1]?.split('```yaml\n')[1]?.split('```')[0];
    expect(example).toBeTruthy();
    const r = validateRulePack(write('example.yaml', example ?? ''));
    expect(r.ok && r.value.id).toBe('xx');
  });

  it('keeps jurisdiction facts out of the evaluation code', () => {
    // No Kazakhstan assumption may hide in code: the pack supplies names, units and currencies.
    const core = new URL('../../../core/src/rules/', import.meta.url);
    const files = readdirSync(core).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts') && !f.endsWith('.fixture.ts'),
    );
    expect(files.length).toBeGreaterThan(10);
    for (const file of files) {
      const text = readFileSync(new URL(file, core), 'utf8');
      for (const literal of ['KZT', '460-1', 'MCI', 'Nauryz', 'tenge'])
        expect(`${file}: ${text.includes(literal)}`).toBe(`${file}: false`);
    }
  });
});
