import { describe, expect, it, vi } from 'vitest';

vi.mock('node:os', async (original) => ({ ...(await original<typeof import('node:os')>()), userInfo: vi.fn() }));

describe('OS user for the access log', () => {
  it('is os.userInfo()’s name, read once', async () => {
    const os = await import('node:os');
    const { createOsUser } = await import('../../../../src-main/adapters/os-user');
    vi.mocked(os.userInfo).mockReturnValue({ username: 'ann' } as never);
    const user = createOsUser({});
    expect(user.name()).toBe('ann');
    expect(user.name()).toBe('ann');
    expect(os.userInfo).toHaveBeenCalledTimes(1);
  });

  it('falls back to the environment, then to words, when the system has no entry for the user', async () => {
    const os = await import('node:os');
    const { createOsUser } = await import('../../../../src-main/adapters/os-user');
    vi.mocked(os.userInfo).mockImplementation(() => {
      throw Object.assign(new Error('uv_os_get_passwd returned ENOENT'), { code: 'ENOENT' });
    });
    expect(createOsUser({ USER: 'bob' }).name()).toBe('bob');
    expect(createOsUser({}).name()).toBe('(unknown user)');
  });
});

describe('Show in folder (Electron)', () => {
  it('asks the shell to show the file', async () => {
    const { createShowInFolder } = await import('../../../../src-main/adapters/electron-show-in-folder');
    const shown: string[] = [];
    createShowInFolder({ showItemInFolder: (p) => void shown.push(p) }).showInFolder('/tmp/x.csv');
    expect(shown).toEqual(['/tmp/x.csv']);
  });
});
