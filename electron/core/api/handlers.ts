// Every procedure bound to its service: the type makes a missing handler a compile error.
import type { Handlers } from './context';
import { authHandlers } from '../services/auth/handlers';
import { reportHandlers } from '../services/reports/handlers';
import { officeHandlers } from '../services/office/handlers';
import { userHandlers } from '../services/users/handlers';
import { auditHandlers } from '../services/audit/handlers';
import { clientHandlers } from '../services/parties/clients';
import { partyHandlers } from '../services/parties/parties';
import { caseHandlers } from '../services/cases/handlers';
import { ladderHandlers } from '../services/cases/ladder-settings';
import { documentHandlers } from '../services/documents/handlers';
import { templateHandlers } from '../services/letters/templates';
import { letterHandlers } from '../services/letters/letters';
import { batchHandlers, jobHandlers } from '../services/letters/batch';
import { promiseHandlers } from '../services/promises/handlers';
import { dashboardHandlers } from '../services/dashboard/handlers';
import { calendarHandlers } from '../services/calendar/handlers';
import { activityHandlers } from '../services/activity/log';
import { reportExportHandlers } from '../services/report-exports/handlers';
import { paymentHandlers } from '../services/payments/handlers';
import { importHandlers } from '../services/imports/handlers';
import { exportHandlers } from '../services/exports/handlers';
import { ledgerHandlers } from '../services/ledger/handlers';
import { planHandlers } from '../services/plans/handlers';
import { settlementHandlers } from '../services/settlements/handlers';
import { backupHandlers } from '../services/backups/handlers';
import { privacyHandlers } from '../services/privacy/handlers';

export const handlers: Handlers = {
  ...authHandlers,
  ...reportHandlers,
  ...officeHandlers,
  ...userHandlers,
  ...auditHandlers,
  ...clientHandlers,
  ...partyHandlers,
  ...caseHandlers,
  ...ladderHandlers,
  ...documentHandlers,
  ...templateHandlers,
  ...letterHandlers,
  ...batchHandlers,
  ...jobHandlers,
  ...promiseHandlers,
  ...dashboardHandlers,
  ...calendarHandlers,
  ...activityHandlers,
  ...reportExportHandlers,
  ...paymentHandlers,
  ...importHandlers,
  ...exportHandlers,
  ...ledgerHandlers,
  ...planHandlers,
  ...settlementHandlers,
  ...backupHandlers,
  ...privacyHandlers,
};
