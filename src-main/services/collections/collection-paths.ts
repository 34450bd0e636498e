import { COLLECTION_FILE_NAME } from '../../helplane/collection/collection-file';

/** Where requests live in a collection folder: `<folders>/<file name from the request's name>.request.yaml`. */
export const REQUEST_SUFFIX = '.request.yaml';

export const isRequestPath = (path: string) => path.endsWith(REQUEST_SUFFIX) && !path.split('/').some((s) => s.startsWith('.'));
export const isCollectionFile = (path: string) => path === COLLECTION_FILE_NAME;

/** A folder or file path from the root: `/`-separated, no `..`, nothing hidden, nothing absolute. */
export function validRelative(path: string, allowEmpty = false): boolean {
  if (path === '') return allowEmpty;
  if (path.length > 1000 || path.startsWith('/') || path.includes('\\') || path.includes('\0')) return false;
  return path.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..' && !segment.startsWith('.'));
}

/** A file name from a request name: lowercase words joined by `-`, at most 80 characters. */
export function slugOf(name: string): string {
  const slug = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return slug || 'request';
}

export const folderOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
export const join = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);
export const requestPathFor = (folder: string, name: string) => join(folder, `${slugOf(name)}${REQUEST_SUFFIX}`);
