// What the renderer learns about the signed-in user and the office after login, unlock or a profile change.
import { PERMISSION_MATRIX } from '../../../contract';
import type { SessionInfo } from '../../../contract/procedures/auth';
import type { Db } from '../../../../db/open';
import { getOffice } from '../../../../db/queries/office';
import type { UserRecord } from '../../../../db/queries/users';
import { loadSettings } from '../office/settings';

export function sessionInfo(db: Db, user: UserRecord): SessionInfo {
  const office = getOffice(db);
  return {
    user: {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      role: user.role,
      lang: user.lang,
      digits: user.digits,
    },
    permissions: [...PERMISSION_MATRIX[user.role]],
    officeName: { ar: office?.nameAr ?? '', en: office?.nameEn ?? '' },
    idleLockMinutes: loadSettings(db).idleLockMinutes,
  };
}
