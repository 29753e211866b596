// The office's ladder: read, and replaced as a whole after the domain's checks; queue dates follow.
import { todayIso } from '../../../domain/dates';
import { isLadderConfig, validateLadderConfig } from '../../../domain/ladder';
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import { writeSetting } from '../../../../db/queries/office';
import { openCaseIds, getCase, setDerivedColumns } from '../../../../db/queries/cases';
import { loadLadder } from './facts';
import { caseEscalation } from '../promises/standing';

export const ladderHandlers: Pick<Handlers, 'ladder.get' | 'ladder.update'> = {
  'ladder.get': (ctx) => loadLadder(ctx.db()),

  'ladder.update': (ctx, input) => {
    const problems = validateLadderConfig(input.ladder);
    if (problems.length > 0 || !isLadderConfig(input.ladder)) {
      throw new CoreError(
        'input.invalid',
        'The ladder is not valid',
        problems.map((p) => ({ path: 'ladder', code: 'custom', message: p })),
      );
    }
    const ladder = input.ladder;
    const today = todayIso(ctx.core.now());
    return ctx.write((db) => {
      const before = loadLadder(db);
      writeSetting(db, 'ladder', ladder);
      // Day offsets and waits moved: every open case's place in the queue moves with them, in the same transaction.
      for (const id of openCaseIds(db)) {
        const k = getCase(db, id);
        if (k) setDerivedColumns(db, id, caseEscalation(db, k, today, ladder));
      }
      return { result: ladder, audit: { entity: 'settings', entityId: 'ladder', before, after: ladder } };
    });
  },
};
