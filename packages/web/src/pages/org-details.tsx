import { useEffect, useState, type FormEvent } from 'react';
import { api, ApiFailure } from '../api.ts';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';
import { FormField, unplaced } from './form-field.tsx';

interface Details {
  name: string;
  bin: string | null;
}

/**
 * The organisation's details its admin may correct after opening it: its name (the old one stays
 * among its aliases) and the BIN that its filings and objections print (PATCH /api/v1/orgs/{orgId};
 * the server checks the control digit and that no other organisation has the name). A new name is
 * shown at once in the organisation switch (the session is read again).
 */
export function OrgDetails({ orgId }: { orgId: string }) {
  const { t } = useI18n();
  const url = `/api/v1/orgs/${encodeURIComponent(orgId)}`;
  const view = useApi<Details>(url);
  const session = useSession();
  const [name, setName] = useState('');
  const [bin, setBin] = useState('');
  const [error, setError] = useState<ApiFailure | undefined>();
  const [saved, setSaved] = useState(false);
  // What the server last said the details are: the loaded ones, then each save's answer. The form
  // is filled from it once, and again from each save's answer (the BIN as the server keeps it,
  // without spaces), never by a reload arriving after the admin has started typing again.
  const [known, setKnown] = useState<Details | undefined>();
  const show = (d: Details) => {
    setKnown(d);
    setName(d.name);
    setBin(d.bin ?? '');
  };
  useEffect(() => {
    if (view.data) show(view.data);
  }, [view.data]);
  if (view.error) return <ErrorBox error={view.error} />;
  if (!known) return <Loading />;
  const save = (e: FormEvent) => {
    e.preventDefault();
    setError(undefined);
    setSaved(false);
    const renamed = name.trim() !== known.name;
    api<Details>('PATCH', url, {
      ...(renamed ? { name: name.trim() } : {}),
      bin: bin.trim() === '' ? null : bin.trim(),
    }).then(
      (answer) => {
        show(answer);
        setSaved(true);
        if (renamed) void session.refresh();
      },
      (x: unknown) => setError(x instanceof ApiFailure ? x : new ApiFailure(0, 'NETWORK', String(x))),
    );
  };
  const other = unplaced(error, ['name', 'bin']);
  return (
    <section aria-labelledby="org-details" data-testid="org-details">
      <h2 id="org-details">{t('orgDetails.title')}</h2>
      <p>{t('orgDetails.intro')}</p>
      <form onSubmit={save}>
        <FormField label={t('newOrg.name')} name="name" error={error}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </FormField>
        <FormField label={t('newOrg.bin')} name="bin" error={error}>
          <input value={bin} inputMode="numeric" onChange={(e) => setBin(e.target.value)} />
        </FormField>
        <button type="submit">{t('orgDetails.save')}</button>
        {saved && <p role="status">{t('account.saved')}</p>}
        {other && <ErrorBox error={other} />}
      </form>
    </section>
  );
}
