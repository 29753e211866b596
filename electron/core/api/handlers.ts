// Every procedure bound to its service: the type makes a missing handler a compile error.
import type { Handlers } from './context';
import { authHandlers } from '../services/auth/handlers';
import { officeHandlers } from '../services/office/handlers';
import { userHandlers } from '../services/users/handlers';
import { auditHandlers } from '../services/audit/handlers';

export const handlers: Handlers = {
  ...authHandlers,
  ...officeHandlers,
  ...userHandlers,
  ...auditHandlers,
};
