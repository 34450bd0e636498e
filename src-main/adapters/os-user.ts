import { userInfo } from 'node:os';
import type { OsUser } from '../ports';

/**
 * The OS user name for the access log. os.userInfo() throws where the user has no passwd entry
 * (some containers): then the environment's name, then words saying it is not known.
 */
export function createOsUser(env: NodeJS.ProcessEnv = process.env): OsUser {
  let cached: string | null = null;
  return {
    name() {
      if (cached !== null) return cached;
      try {
        cached = userInfo().username;
      } catch {
        cached = env.USER ?? env.USERNAME ?? env.LOGNAME ?? '(unknown user)';
      }
      return cached;
    },
  };
}
