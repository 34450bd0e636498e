import { afterEach } from 'vitest';
import { tempDir } from './temp-dir';

/** For a test file: a function that makes a fresh temp dir, each removed after the test that made it. */
export function tempDirPerTest(label: string): () => string {
  const dirs: { cleanup(): void }[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => d.cleanup()));
  return () => {
    const dir = tempDir(label);
    dirs.push(dir);
    return dir.path;
  };
}
