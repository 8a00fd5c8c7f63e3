import { closeContext, listOutbox, openContext, runNotifications, sendQueuedNotifications } from '@civic/app';
import type { Command } from 'commander';
import { orFail, printJson } from '../output.ts';
import { cliLang, LANG_OPTION_HELP } from '../lang/cli-lang.ts';
import { notifyRunReport, outboxReport, requeuedLine } from '../lang/notify-report.ts';

interface RunOptions {
  db: string;
  asOf?: string;
  dryRun?: boolean;
  json?: boolean;
  lang?: string;
  sendQueued?: boolean;
  waves?: boolean;
}

/**
 * `civic notify run`: computes and sends what is due (SMTP_URL for e-mail, APP_URL for links,
 * MAIL_FROM for the sender); `--dry-run --json` prints what would be sent as
 * `{"messages":[{"to","kind","subject","dueOn","itemId","channel"}]}`.
 * `civic notify outbox`: every recorded message and its state.
 */
export function registerNotify(program: Command): void {
  const notify = program
    .command('notify')
    .description('reminders and alerts: run the schedule, see the outbox');
  notify
    .command('run')
    .description('compute the reminders and alerts due and send them (each message once)')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--as-of <date>', 'run as on this day (YYYY-MM-DD, in the rule pack’s time zone)')
    .option('--dry-run', 'record and send nothing; list what would be sent')
    .option('--send-queued', 'with SMTP_URL, also e-mail what was kept in the app while there was no SMTP')
    .option('--waves', 'tell monitors of new waves (p < 0.05): the default')
    .option('--no-waves', 'do not look for new waves')
    .option('--lang <lang>', `${LANG_OPTION_HELP} (the lines printed; messages keep their own language)`)
    .option('--json', 'print JSON')
    .action(async (opts: RunOptions) => {
      const lang = cliLang(opts.lang);
      const ctx = await openContext(opts.db);
      try {
        const r = orFail(
          await runNotifications(ctx, {
            asOf: opts.asOf,
            dryRun: opts.dryRun,
            smtpUrl: process.env['SMTP_URL'],
            appUrl: process.env['APP_URL'],
            sendQueued: opts.sendQueued,
            waves: opts.waves,
            from: process.env['MAIL_FROM'],
          }),
        );
        const messages = r.messages.map((m) => ({
          to: m.to,
          kind: m.kind,
          subject: m.subject,
          dueOn: m.dueOn,
          itemId: m.itemId,
          channel: m.channel,
        }));
        if (opts.json) {
          printJson(
            opts.dryRun
              ? { messages }
              : {
                  messages,
                  recorded: r.recorded,
                  sent: r.delivery?.sent ?? 0,
                  failed: r.delivery?.failed ?? 0,
                },
          );
          return;
        }
        process.stdout.write(
          notifyRunReport(
            messages,
            {
              dryRun: opts.dryRun ?? false,
              recorded: r.recorded,
              sent: r.delivery?.sent ?? 0,
              failed: r.delivery?.failed ?? 0,
              lastError: r.delivery?.lastError ?? undefined,
            },
            lang,
          ),
        );
      } finally {
        await closeContext(ctx);
      }
    });
  notify
    .command('outbox')
    .description('every recorded message: to whom, what, and whether it was sent')
    .requiredOption('--db <db>', 'SQLite file or postgres:// URL')
    .option('--status <status>', 'only queued, pending or sent messages')
    .option('--send-queued', 'first e-mail (SMTP_URL) every message kept in the app while there was no SMTP')
    .option('--lang <lang>', `${LANG_OPTION_HELP} (the lines printed; messages keep their own language)`)
    .option('--json', 'print JSON')
    .action(
      async (opts: { db: string; status?: string; sendQueued?: boolean; lang?: string; json?: boolean }) => {
        const lang = cliLang(opts.lang);
        const ctx = await openContext(opts.db);
        try {
          if (opts.sendQueued) {
            const r = orFail(
              await sendQueuedNotifications(ctx, {
                smtpUrl: process.env['SMTP_URL'],
                appUrl: process.env['APP_URL'],
                from: process.env['MAIL_FROM'],
              }),
            );
            if (!opts.json)
              process.stdout.write(requeuedLine(r.requeued, r.delivery.sent, r.delivery.failed, lang));
          }
          const messages = await listOutbox(ctx, opts.status);
          if (opts.json) {
            printJson({ messages });
            return;
          }
          process.stdout.write(outboxReport(messages, lang));
        } finally {
          await closeContext(ctx);
        }
      },
    );
}
