import { roleAllows } from '@civic/core';
import type { Balance, ExpenditureRecord, GrantRecord, ReceiptRecord } from '@civic/server/api';
import { useState } from 'react';
import { Empty, ErrorBox, Panel } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { CandidateList, type Candidate } from './ledger-candidates.tsx';
import { LedgerExport } from './ledger-export.tsx';
import { LedgerImport } from './ledger-import.tsx';
import { UnbalancedImports } from './ledger-import-batches.tsx';
import { LedgerRates } from './ledger-rates.tsx';
import { LedgerRecords } from './ledger-records.tsx';
import { OrgSection } from './section.tsx';

type Kzt = ReceiptRecord['kzt'];

/** Receipts shown a page at a time, newest first. */
const RECEIPTS_PAGE = 100;

/** The ledger: import, candidates to decide, receipts, expenditures, grants and balances. */
export default function LedgerPage({ orgId }: { orgId: string }) {
  const { t, date, amount } = useI18n();
  const { me } = useSession();
  const [version, setVersion] = useState(0);
  const base = `/api/v1/orgs/${encodeURIComponent(orgId)}/ledger`;
  const candidates = useApi<{ candidates: Candidate[] }>(`${base}/candidates?status=proposed`, version);
  const [receiptsFrom, setReceiptsFrom] = useState(0);
  const receipts = useApi<{ receipts: ReceiptRecord[]; hasMore: boolean }>(
    `${base}/receipts?order=desc&limit=${RECEIPTS_PAGE}&offset=${receiptsFrom}`,
    version,
  );
  const expenditures = useApi<{ expenditures: ExpenditureRecord[] }>(`${base}/expenditures`, version);
  const grants = useApi<{ grants: GrantRecord[] }>(`${base}/grants`, version);
  const balances = useApi<Balance>(`${base}/balance?by=grant`, version);
  const role = me?.memberships.find((m) => m.organisationId === orgId)?.role;
  const canWrite = role !== undefined && roleAllows(role, 'ledger:write');
  const changed = () => setVersion((x) => x + 1);
  // The equivalent is in the pack's currency (KZT for kz, INR for in-fcra), which the API names.
  const kzt = (k: Kzt) => (k.kzt === null ? t('ledger.rateMissing') : amount(k.kzt, k.currency ?? 'KZT'));

  return (
    <OrgSection orgId={orgId} title={(name) => `${t('ledger.title')} — ${name}`}>
      {canWrite && (
        <section className="panel">
          <LedgerImport orgId={orgId} onImported={changed} />
        </section>
      )}
      <UnbalancedImports orgId={orgId} refreshKey={version} />
      {candidates.error && <ErrorBox error={candidates.error} />}
      <CandidateList
        orgId={orgId}
        candidates={candidates.data?.candidates ?? []}
        onDecided={changed}
        canWrite={canWrite}
      />
      <LedgerRecords orgId={orgId} canWrite={canWrite} refreshKey={version} onChanged={changed} />
      <Panel id="receipts" title={t('ledger.receipts')}>
        {receipts.data && receipts.data.receipts.length > 0 ? (
          <div className="table-wrap">
            <table data-testid="receipts">
              <thead>
                <tr>
                  <th scope="col">{t('ledger.date')}</th>
                  <th scope="col">{t('ledger.amount')}</th>
                  <th scope="col">{t('ledger.kzt')}</th>
                  <th scope="col">{t('ledger.description')}</th>
                </tr>
              </thead>
              <tbody>
                {receipts.data.receipts.map((r) => (
                  <tr key={r.id}>
                    <td>{date(r.receivedOn)}</td>
                    <td className="num">{r.amount && r.currency ? amount(r.amount, r.currency) : '—'}</td>
                    <td className="num">{kzt(r.kzt)}</td>
                    <td>{r.description}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <Empty />
        )}
        {receipts.data && (receiptsFrom > 0 || receipts.data.hasMore) && (
          <nav className="pager" aria-label={t('ledger.receiptPages')}>
            <button
              type="button"
              disabled={receiptsFrom === 0}
              onClick={() => setReceiptsFrom(Math.max(0, receiptsFrom - RECEIPTS_PAGE))}
            >
              {t('filings.previous')}
            </button>
            <span role="status">
              {t('ledger.receiptRange', {
                from: receiptsFrom + 1,
                to: receiptsFrom + receipts.data.receipts.length,
              })}
            </span>
            <button
              type="button"
              disabled={!receipts.data.hasMore}
              onClick={() => setReceiptsFrom(receiptsFrom + RECEIPTS_PAGE)}
            >
              {t('filings.next')}
            </button>
          </nav>
        )}
      </Panel>
      <div className="grid">
        <Panel id="expenditures" title={t('ledger.expenditures')}>
          {expenditures.data && expenditures.data.expenditures.length > 0 ? (
            <ul className="plain">
              {expenditures.data.expenditures.map((e) => (
                <li key={e.id}>
                  {date(e.spentOn)} — {amount(e.amount, e.currency)}{' '}
                  <span className="muted small">{e.description}</span>
                </li>
              ))}
            </ul>
          ) : (
            <Empty />
          )}
        </Panel>
        <Panel id="grants" title={t('ledger.grants')}>
          {grants.data && grants.data.grants.length > 0 ? (
            <ul className="plain">
              {grants.data.grants.map((g) => (
                <li key={g.id}>
                  {g.title ?? g.agreementNumber ?? g.id} — {amount(g.amount, g.currency)}
                  {g.periodFrom && g.periodTo && (
                    <span className="muted small">
                      {' '}
                      ({date(g.periodFrom)} – {date(g.periodTo)})
                    </span>
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <Empty />
          )}
        </Panel>
        <Panel id="balances" title={t('ledger.balances')}>
          {balances.data && balances.data.balances.length > 0 ? (
            <ul className="plain">
              {balances.data.balances.map((b) => (
                <li key={`${b.name}-${b.currency}`}>
                  {b.grantId === null ? t('ledger.noGrant') : b.name}: {t('ledger.received')}{' '}
                  {amount(b.received, b.currency)}, {t('ledger.spent')} {amount(b.spent, b.currency)},{' '}
                  <strong>
                    {t('ledger.balance')} {amount(b.balance, b.currency)}
                  </strong>
                </li>
              ))}
            </ul>
          ) : (
            <Empty />
          )}
        </Panel>
        <LedgerRates orgId={orgId} canWrite={canWrite} />
      </div>
      <LedgerExport orgId={orgId} />
    </OrgSection>
  );
}
