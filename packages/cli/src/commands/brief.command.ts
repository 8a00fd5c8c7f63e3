import { writeFileSync } from 'node:fs';
import {
  closeContext,
  createWaveBrief,
  isBriefFormat,
  listWaveBriefs,
  openContext,
  publishBrief,
  renderWaveBrief,
  type AppContext,
  type BriefRow,
} from '@civic/app';
import { isLocale } from '@civic/core';
import type { Command } from 'commander';
import { CliError, orFail, printJson } from '../output.ts';
import { briefListReport, briefPublishedLine, briefWrittenLine } from '../lang/brief-report.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { progressBar, REPLICATE_WORDS } from '../progress.ts';
import { addScanOptions, scanOptions, type ScanFlags } from './waves.command.ts';

function briefJson(b: BriefRow) {
  return {
    id: b.id,
    waveId: b.waveId,
    title: b.title,
    lang: b.lang,
    visibility: b.visibility,
    createdAt: b.createdAt,
    publishedAt: b.publishedAt,
  };
}

async function withDb<T>(db: string, fn: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext(db);
  try {
    return await fn(ctx);
  } finally {
    await closeContext(ctx);
  }
}

function checkFormat(format: string): string {
  if (!isBriefFormat(format))
    throw new CliError({
      code: 'BRIEF_FORMAT_INVALID',
      message: `format "${format}" is not md, html or pdf`,
      field: 'format',
    });
  return format;
}

/** Writes a rendered brief to --out, or prints Markdown/HTML when there is no --out. */
async function deliver(
  ctx: AppContext,
  id: string,
  format: string,
  out: string | undefined,
  json: boolean,
): Promise<string | null> {
  const rendered = orFail(await renderWaveBrief(ctx, id, format));
  if (out) {
    try {
      writeFileSync(out, rendered.bytes);
    } catch {
      throw new CliError({
        code: 'BRIEF_OUT_UNWRITABLE',
        message: `cannot write ${out}`,
        file: out,
        field: 'out',
      });
    }
    return out;
  }
  if (format === 'pdf')
    throw new CliError({
      code: 'CLI_OPTION_REQUIRED',
      message: '--out FILE is required for a PDF',
      field: 'out',
    });
  if (!json) process.stdout.write(new TextDecoder().decode(rendered.bytes));
  return null;
}

export function registerBrief(program: Command): void {
  const brief = program.command('brief').description('briefs about detected waves: create, publish, render');
  addScanOptions(
    brief
      .command('create')
      .description('write a brief for a wave (Markdown, HTML or PDF) and store it unpublished')
      .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
      .requiredOption('--wave <id>', 'a wave id from `civic waves detect` (with the same --from/--to)')
      .option(
        '--lang <lang>',
        "en, ru or kk: the brief's language and the printed line's (default: an English brief; the line in CIVIC_LANG, else the locale's language)",
      )
      .option('--format <format>', 'md, html or pdf', 'md')
      .option('--out <file>', 'where to write it (Markdown and HTML print without it)'),
  )
    .option('--json', 'print JSON')
    .action(
      async (
        opts: ScanFlags & {
          db: string;
          wave: string;
          lang?: string;
          format: string;
          out?: string;
          json?: boolean;
        },
      ) => {
        const format = checkFormat(opts.format);
        // The brief's language is --lang (else English, as always); the line printed follows --lang,
        // else the environment's language. A --lang the app does not know is its BRIEF_LANG_INVALID.
        const lang = isLocale(opts.lang) ? opts.lang : opts.lang === undefined ? cliLang(undefined) : 'en';
        await withDb(opts.db, async (ctx) => {
          const bar = progressBar(REPLICATE_WORDS, lang);
          const created = orFail(
            await createWaveBrief(ctx, {
              ...scanOptions(opts),
              waveId: opts.wave,
              ...(opts.lang === undefined ? {} : { lang: opts.lang }),
              onProgress: (d, t) => bar.update(d, t),
            }),
          );
          bar.finish();
          const file = await deliver(ctx, created.brief.id, format, opts.out, opts.json ?? false);
          if (opts.json) printJson({ brief: briefJson(created.brief), format, file });
          else if (file) process.stdout.write(briefWrittenLine(created.brief, file, lang));
        });
      },
    );
  brief
    .command('publish')
    .description('publish a brief: it becomes public and enters the Atom feed')
    .argument('<id>', 'the brief id')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--lang <lang>', `${LANG_OPTION_HELP} (JSON stays as it is)`)
    .option('--json', 'print JSON')
    .action(async (id: string, opts: { db: string; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      await withDb(opts.db, async (ctx) => {
        const b = orFail(await publishBrief(ctx, id));
        if (opts.json) printJson({ brief: briefJson(b) });
        else process.stdout.write(briefPublishedLine(b, lang));
      });
    });
  brief
    .command('show')
    .description('render a stored brief again')
    .argument('<id>', 'the brief id')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--format <format>', 'md, html or pdf', 'md')
    .option('--out <file>', 'where to write it')
    .action(async (id: string, opts: { db: string; format: string; out?: string }) => {
      const format = checkFormat(opts.format);
      await withDb(opts.db, async (ctx) => {
        await deliver(ctx, id, format, opts.out, false);
      });
    });
  brief
    .command('list')
    .description('list briefs, newest first')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--published', 'only published briefs')
    .option('--lang <lang>', `${LANG_OPTION_HELP} (JSON stays as it is)`)
    .option('--json', 'print JSON')
    .action(async (opts: { db: string; published?: boolean; lang?: string; json?: boolean }) => {
      const lang = cliLang(opts.lang);
      await withDb(opts.db, async (ctx) => {
        const list = await listWaveBriefs(ctx, { publishedOnly: opts.published ?? false });
        if (opts.json) printJson({ briefs: list.map(briefJson) });
        else process.stdout.write(briefListReport(list, lang));
      });
    });
}
