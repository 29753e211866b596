// Office profile and settings.
import type { Handlers } from '../../api/context';
import { CoreError } from '../../errors';
import { getOffice, saveOffice, type OfficeRecord } from '../../../../db/queries/office';
import type { OfficeProfile } from '../../../contract/schemas';
import { loadSettings, saveSettings } from './settings';
import { ensureBackupFolder } from '../../backups/backup';

function profileOf(row: OfficeRecord | undefined): OfficeProfile {
  if (!row) throw new CoreError('not_found', 'The office profile is missing');
  const { id: _id, updatedAt: _updatedAt, ...profile } = row;
  return profile;
}

/** The logo is large and not worth repeating in every audit entry. */
function forAudit(p: OfficeProfile): Omit<OfficeProfile, 'logo'> & { logo: string } {
  return { ...p, logo: p.logo ? `(image, ${p.logo.length} chars)` : '' };
}

export const officeHandlers: Pick<Handlers, 'office.get' | 'office.update' | 'settings.get' | 'settings.update'> = {
  'office.get': (ctx) => profileOf(getOffice(ctx.db())),

  'office.update': (ctx, input) =>
    ctx.write((db) => {
      const before = profileOf(getOffice(db));
      saveOffice(db, { ...input, updatedAt: ctx.core.now().toISOString() });
      return { result: input, audit: { entity: 'office', entityId: '1', before: forAudit(before), after: forAudit(input) } };
    }),

  'settings.get': (ctx) => loadSettings(ctx.db()),

  'settings.update': (ctx, input) => {
    // A new backup folder (typed or chosen in the folder dialog) is made if need be and proved writable when it is
    // saved, not first at the night's backup: backups.folder_unwritable, and nothing is saved.
    const folder = input.backupFolder;
    if (folder !== undefined && folder.trim() !== '' && folder !== loadSettings(ctx.db()).backupFolder) ensureBackupFolder(folder);
    const result = ctx.write((db) => {
      const before = loadSettings(db);
      const after = saveSettings(db, input);
      return { result: after, audit: { entity: 'settings', entityId: null, before, after } };
    });
    ctx.core.idleLockMinutes = result.idleLockMinutes;
    return result;
  },
};
