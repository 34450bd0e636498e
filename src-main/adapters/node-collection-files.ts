import { chmod, mkdir, readdir, readFile, rename, stat, unlink } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { watch } from 'chokidar';
import { AtomicFile } from '../lib/atomic-file';
import type { CollectionEntry, CollectionFiles, CollectionWatch } from '../ports';

/** A listing this long is refused (a home folder picked by mistake, not a collection). */
const LIST_MAX = 50_000;
/** A file larger than this is not read into memory (a request file is capped far lower). */
const READ_MAX_BYTES = 4 * 1024 * 1024;
/** A new file is readable by others, as an editor would write it (AtomicFile makes 0600 files). */
const NEW_FILE_MODE = 0o644;

const hidden = (name: string) => name.startsWith('.') || name === 'node_modules';

function fsError(code: string, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** `path` (from the root, `/`-separated) as an absolute path that stays inside `root`. */
function inside(root: string, path: string): string {
  const full = resolve(root, ...path.split('/'));
  const rel = relative(resolve(root), full);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw fsError('EACCES', `${path} is not inside the collection folder.`);
  return full;
}

const toPosix = (path: string) => path.split(sep).join('/');

/** Collection folders through node fs; the watch through chokidar (fs.watch where it works, polling-free). */
export function createNodeCollectionFiles(): CollectionFiles {
  return {
    async list(root) {
      const out: CollectionEntry[] = [];
      const walk = async (dir: string) => {
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          if (hidden(entry.name)) continue;
          const full = join(dir, entry.name);
          const path = toPosix(relative(root, full));
          if (entry.isDirectory()) {
            out.push({ path, kind: 'folder' });
            await walk(full);
          } else if (entry.isFile()) {
            out.push({ path, kind: 'file' });
          }
          if (out.length > LIST_MAX) throw fsError('E2BIG', `The folder holds more than ${LIST_MAX} files and folders.`);
        }
      };
      if (!(await stat(root)).isDirectory()) throw fsError('ENOTDIR', `${root} is not a folder.`);
      await walk(root);
      return out;
    },

    async read(root, path) {
      const full = inside(root, path);
      if ((await stat(full)).size > READ_MAX_BYTES) throw fsError('EFBIG', `${path} is larger than ${READ_MAX_BYTES} bytes.`);
      return readFile(full, 'utf8');
    },

    async write(root, path, text) {
      const full = inside(root, path);
      await mkdir(dirname(full), { recursive: true });
      // The file keeps its permissions across a save (the rename puts a new file in its place).
      const mode = await stat(full).then((s) => s.mode & 0o777, () => NEW_FILE_MODE);
      const file = await AtomicFile.create(full);
      try {
        await file.write(text);
        await chmod(file.tempPath, mode);
        await file.commit();
      } catch (error) {
        await file.discard();
        throw error;
      }
    },

    async rename(root, from, to) {
      const source = inside(root, from);
      const target = inside(root, to);
      const taken = await stat(target).then(() => true, () => false);
      if (taken) throw fsError('EEXIST', `${to} already exists.`);
      await mkdir(dirname(target), { recursive: true });
      await rename(source, target);
    },

    remove: (root, path) => unlink(inside(root, path)),

    watch(root, onChange, onError): CollectionWatch {
      const watcher = watch(root, {
        ignoreInitial: true,
        // Hidden names below the root (.git, an editor's swap file, the atomic writer's .partial).
        ignored: (path: string) => path !== root && hidden(basename(path)),
      });
      const ready = new Promise<void>((done) => watcher.once('ready', () => done()));
      watcher.on('all', (_event, path) => onChange(toPosix(relative(root, path))));
      watcher.on('error', (error) => onError(error instanceof Error ? error : new Error(String(error))));
      return { ready, close: () => watcher.close() };
    },
  };
}
