// Reading the audit trail and verifying its hash chain.
import type { Handlers } from '../../api/context';
import { listAudit, verifyAuditChain } from '../../../../db/queries/audit';

export const auditHandlers: Pick<Handlers, 'audit.list' | 'audit.verify'> = {
  'audit.list': (ctx, input) => listAudit(ctx.open().sqlite, input),
  'audit.verify': (ctx) => verifyAuditChain(ctx.open().sqlite),
};
