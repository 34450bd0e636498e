import { describe, expect, it } from 'vitest';
import { pickFolderWith } from '../../../../src-main/services/collections/pick-folder';

// Issue 16: Open / New collection's system folder picker, as a port (Electron's dialog in the desktop app).
describe('collections:pickFolder', () => {
  it('answers the folder the picker chose, or null when the user cancelled', async () => {
    expect(await pickFolderWith({ choose: async () => '/home/ada/api' })()).toEqual({ folder: '/home/ada/api' });
    expect(await pickFolderWith({ choose: async () => null })()).toEqual({ folder: null });
  });

  it('is refused in words where the host has no picker (the web host)', async () => {
    await expect(pickFolderWith(undefined)()).rejects.toMatchObject({ code: 'request_rejected', message: expect.stringContaining('type the folder') });
  });
});
