import type { ReactNode } from 'react';
import { ErrorBox, Loading } from '../components/status.tsx';
import { useSession } from '../session.tsx';
import { useApi } from '../use-api.ts';

/**
 * The frame of an organisation page: loads the organisation (a 404 from the API means the user is
 * not a member: the app shows "not found" like the API does) and renders the page's title and body.
 */
export function OrgSection({
  orgId,
  title,
  children,
}: {
  orgId: string;
  title: (orgName: string) => string;
  children: ReactNode;
}) {
  const org = useApi<{ name: string }>(`/api/v1/orgs/${encodeURIComponent(orgId)}`);
  // The name as the session knows it (read again after a rename), else as fetched.
  const { me } = useSession();
  const known = me?.memberships.find((m) => m.organisationId === orgId)?.organisationName;
  if (org.loading) return <Loading />;
  if (org.error) return <ErrorBox error={org.error} />;
  return (
    <>
      <h1 data-testid="page-title">{title(known ?? org.data?.name ?? '')}</h1>
      {children}
    </>
  );
}
