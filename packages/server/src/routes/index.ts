import { caseChangesRoutes } from './case-changes.routes.ts';
import { casesRoutes } from './cases.routes.ts';
import { incidentsRoutes } from './incidents.routes.ts';
import { incidentRecordRoutes } from './incident-records.routes.ts';
import { wavesRoutes } from './waves.routes.ts';
import { briefsRoutes } from './briefs.routes.ts';
import { feedRoutes } from './feed.routes.ts';
import { filingsRoutes } from './filings.routes.ts';
import { ledgerRoutes } from './ledger.routes.ts';
import { ledgerRecordRoutes } from './ledger-records.routes.ts';
import { ledgerImportPreviewRoutes } from './ledger-import-preview.routes.ts';
import { ledgerImportAliasRoutes } from './ledger-import-aliases.routes.ts';
import { ledgerExportRoutes } from './ledger-export.routes.ts';
import { ledgerRatesImportRoutes } from './ledger-rates-import.routes.ts';
import { meRoutes } from './me.routes.ts';
import { notificationsRoutes } from './notifications.routes.ts';
import { orgsRoutes } from './orgs.routes.ts';
import { orgAdminRoutes } from './org-admin.routes.ts';
import { orgDetailsRoutes } from './org-details.routes.ts';
import { invitationsRoutes } from './invitations.routes.ts';
import { peopleRoutes } from './people.routes.ts';
import { obligationCheckRoutes } from './obligation-check.routes.ts';
import type { RouteModule } from './route-module.ts';
import { sessionRoutes } from './session.routes.ts';
import { usersRoutes } from './users.routes.ts';
import { backupRoutes } from './backup.routes.ts';
import { lockRoutes } from './lock.routes.ts';

/** Every route module; a capability adds one line. */
export const ROUTE_MODULES: readonly RouteModule[] = [
  sessionRoutes,
  meRoutes,
  orgsRoutes,
  peopleRoutes,
  orgAdminRoutes,
  orgDetailsRoutes,
  invitationsRoutes,
  usersRoutes,
  ledgerRoutes,
  ledgerRecordRoutes,
  ledgerImportPreviewRoutes,
  ledgerImportAliasRoutes,
  ledgerExportRoutes,
  ledgerRatesImportRoutes,
  filingsRoutes,
  obligationCheckRoutes,
  casesRoutes,
  caseChangesRoutes,
  incidentsRoutes,
  incidentRecordRoutes,
  wavesRoutes,
  briefsRoutes,
  feedRoutes,
  backupRoutes,
  lockRoutes,
  notificationsRoutes,
];
