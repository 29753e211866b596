// dashboard.today (a person's or the office's day) and cases.timeline (a case's merged history).
import { roleHas } from '../../../contract';
import { todayIso } from '../../../domain/dates';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import { caseExists } from '../../../../db/queries/timeline';
import { findUserById } from '../../../../db/queries/users';
import { loadLadder } from '../cases/facts';
import { caseTimeline } from './timeline';
import { todaySections } from './today';

type DashboardHandlers = Pick<Handlers, 'dashboard.today' | 'cases.timeline'>;

export const dashboardHandlers: DashboardHandlers = {
  'dashboard.today': (ctx, input) => {
    const me = ctx.user;
    if (!me) throw new CoreError('auth.required', 'Sign in first');
    const other = input.scope === 'office' || (input.scope === 'user' && input.userId !== me.id);
    if (other && !roleHas(me.role, 'dashboard.office')) {
      throw new CoreError('permission.denied', "Only a partner sees another person's or the whole office's day");
    }
    let who: string | null = null;
    if (input.scope === 'me') who = me.id;
    if (input.scope === 'user') {
      const user = input.userId ? findUserById(ctx.db(), input.userId) : undefined;
      if (!user) throw new CoreError('users.not_found', 'No such user');
      who = user.id;
    }
    const today = todayIso(ctx.core.now());
    // Partners answer for the office's money: their own day shows the office's outstanding and collected.
    const moneyWho = input.scope === 'me' && roleHas(me.role, 'dashboard.office') ? null : who;
    return { today, scope: input.scope, userId: who, ...todaySections(ctx.open().sqlite, who, today, loadLadder(ctx.db()), moneyWho) };
  },

  'cases.timeline': (ctx, input) => {
    if (!caseExists(ctx.open().sqlite, input.caseId)) throw new CoreError('not_found', 'No such case');
    return caseTimeline(ctx.open().sqlite, input.caseId, todayIso(ctx.core.now()));
  },
};
