// The layering of src-main, src-preload and src-renderer as ONE allow-list (VS Code's `code-layering`
// is the model): every file of those trees belongs to a layer, and a layer imports only the layers and
// packages its row allows. eslint.config.js spreads `layeringConfig` from here.
//
// To add a layer: add a row to LAYERS (its folder, and what it may import), add its name to the `may`
// lists of the layers allowed to import it, and to PACKAGES rows if it may use a restricted package;
// then add test/fixtures/lint/layer-<name>.ts with one import it may make and one it may not
// (test/unit/lint/layering.test.ts fails until every layer has such a fixture).
import { builtinModules } from 'node:module';
import { dirname, posix, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

// ─── The tables ────────────────────────────────────────────────────────────────────────────────────

/**
 * Layer → the layers it may import. `path` is from the repo root: `dir/` is the folder and everything
 * below it, `dir/*` only the files directly in it, anything else one file. A file belongs to the layer
 * with the longest matching path; a file of these trees that matches none is an error ("not in a layer").
 * A layer inside another layer's folder (channels in contract) is a stricter part of it: its own row
 * says what it may import, and whoever may import the outer layer may import it.
 * `types`: layers it may import with `import type` only. `packages`: if set, the only packages it may import.
 */
export const LAYERS = [
  // src-main: hosts on top, then core, ipc, services; lib, helplane and ports at the bottom.
  { name: 'electron-host', path: 'src-main/index.ts', may: 'app cli core ipc adapters lib ports helplane contract' },
  { name: 'web-host', path: 'src-main/web-host/', may: 'web-host core ipc app adapters lib ports helplane contract' },
  { name: 'cli', path: 'src-main/cli/', may: 'cli core ipc adapters lib ports helplane services contract' },
  { name: 'app', path: 'src-main/app/', may: 'app core ipc lib ports contract' },
  { name: 'core', path: 'src-main/core/', may: 'core ipc services lib ports helplane contract' },
  { name: 'ipc', path: 'src-main/ipc/', may: 'ipc services lib ports contract' },
  { name: 'services', path: 'src-main/services/', may: 'services lib ports helplane contract' },
  { name: 'adapters', path: 'src-main/adapters/', may: 'adapters lib ports helplane contract sandbox-server' },
  { name: 'lib', path: 'src-main/lib/', may: 'lib ports contract' },
  { name: 'helplane', path: 'src-main/helplane/', may: 'helplane lib contract' },
  { name: 'ports', path: 'src-main/ports.ts', may: 'contract' },
  { name: 'sandbox-server', path: 'src-main/sandbox-server/', may: 'sandbox-server helplane lib' },
  // src-preload: the sandboxed preload bundles only the channel names; the contract is shared by all.
  { name: 'preload', path: 'src-preload/index.ts', may: 'channels', types: 'contract', packages: 'electron' },
  { name: 'contract', path: 'src-preload/contract/', may: 'contract', packages: 'zod' },
  { name: 'channels', path: 'src-preload/contract/channels.ts', may: '', packages: '' },
  // src-renderer: untrusted web code; it reaches main only through window.helplane.
  { name: 'renderer', path: 'src-renderer/src/*', may: 'renderer features components store renderer-lib contract' },
  { name: 'features', path: 'src-renderer/src/features/', may: 'features components store renderer-lib contract' },
  { name: 'store', path: 'src-renderer/src/store/', may: 'store renderer-lib contract' },
  { name: 'components', path: 'src-renderer/src/components/', may: 'components renderer-lib contract' },
  { name: 'renderer-lib', path: 'src-renderer/src/lib/', may: 'renderer-lib contract' },
];

/**
 * Restricted packages → the layers that may import them (`tree/` = every layer of that tree).
 * `name` covers `name/sub/path`; `@scope/*` a whole scope; `node:*` every Node built-in, bare or `node:`.
 * A package in no row is open to every layer without a `packages` list.
 */
export const PACKAGES = [
  {
    label: 'electron', packages: 'electron', layers: 'electron-host app adapters preload',
    instead: 'Put the Electron call behind an interface in src-main/ports.ts and implement it in src-main/adapters/.',
  },
  {
    label: 'keytar/conf/electron-store/undici/chokidar', packages: 'keytar conf electron-store undici chokidar', layers: 'adapters',
    instead: 'Only adapters wrap these libraries: depend on the interface in src-main/ports.ts and let the host pass the adapter in.',
  },
  {
    label: 'yaml/json-p3', packages: 'yaml json-p3', layers: 'helplane',
    instead: 'The collection format and JSONPath are pure logic in src-main/helplane/collection/: call its parse, serialise, resolve and capture functions.',
  },
  {
    label: 'better-sqlite3/fastify', packages: 'better-sqlite3 fastify @fastify/*', layers: 'sandbox-server adapters',
    instead: 'The database and HTTP server belong to the embedded sandbox (src-main/sandbox-server/).',
  },
  {
    label: 'Node built-ins', packages: 'node:*', layers: 'src-main/',
    instead: 'The renderer, the preload and the contract run without Node: do the work in src-main and ask for it through a contract operation.',
  },
  {
    label: 'shell-quote', packages: 'shell-quote', layers: 'helplane services cli',
    instead: 'A pasted curl command can hold a key: main parses it (src-main/helplane/curl-import/) and returns only which stored key it matches.',
  },
  {
    label: 'UI libraries', packages: 'react react-dom zustand @codemirror/* @tanstack/*', layers: 'src-renderer/',
    instead: 'UI code lives in src-renderer.',
  },
];

/** What to do instead: by `fromLayer>toLayer`, else by `fromTree>toTree`, else by the layer imported. */
const INSTEAD = {
  'preload>contract': 'The sandboxed preload bundles only the channel names: take values from ./contract/channels, and types with `import type`.',
  'channels>contract': 'The preload bundles channels.ts: keep it plain constants with no imports.',
  'src-renderer>src-main': 'The renderer is untrusted web code: reach main only through window.helplane (src-renderer/src/lib/desktop-api.ts) and types from src-preload/contract.',
  'src-renderer>src-preload': 'The renderer reaches the preload only through window.helplane (src-renderer/src/lib/desktop-api.ts).',
  'src-preload>src-main': 'The preload and the contract run in every process: move what both sides need into src-preload/contract.',
  'src-preload>src-renderer': 'The preload and the contract run in every process: move what both sides need into src-preload/contract.',
  'src-main>src-renderer': 'Main never imports the renderer: share types and schemas through src-preload/contract.',
  'electron-host': 'Hosts are the top: nothing imports them. Move the shared piece down into core, app or lib.',
  'web-host': 'Hosts are the top: nothing imports them. Move the shared piece down into core, app or lib.',
  cli: 'Hosts are the top: only the Electron host imports it (helplane-console --run). Move the shared piece down into core or lib.',
  adapters: 'Depend on the interface in src-main/ports.ts; the host builds the adapter and passes it in through core.',
  'sandbox-server': 'Start or reach the sandbox through an adapter (src-main/adapters/) behind a port.',
  preload: 'Nothing imports the preload: share through src-preload/contract.',
};
const DEFAULT_INSTEAD = 'Move the shared code down into a layer both may import, or pass it in from above; if the architecture really changed, change the table in layering.config.js.';

// ─── Reading the tables ────────────────────────────────────────────────────────────────────────────

const TREES = ['src-main', 'src-preload', 'src-renderer'];
const ROOT = dirname(fileURLToPath(import.meta.url)); // paths are from here, wherever eslint runs
const RULE_FILE = 'layering.config.js';
const words = (list) => (list ? list.split(/\s+/).filter(Boolean) : []);
const treeOf = (path) => TREES.find((tree) => path === tree || path.startsWith(`${tree}/`));
const stripExtension = (path) => path.replace(/\.(?:d\.)?[cm]?[jt]sx?$/, '');
const escapeRegex = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const layers = LAYERS.map((row) => ({
  ...row,
  tree: treeOf(row.path),
  may: new Set(words(row.may)),
  types: new Set(words(row.types)),
  packages: row.packages === undefined ? undefined : words(row.packages),
}));
const byName = new Map(layers.map((layer) => [layer.name, layer]));

/** The layers a `layers:` token names: a layer name, or `tree/` for every layer of that tree. */
const expandLayers = (list) =>
  new Set(words(list).flatMap((token) => (token.endsWith('/') ? layers.filter((l) => l.path.startsWith(token)).map((l) => l.name) : [token])));
const packageRows = PACKAGES.map((row) => ({ ...row, packages: words(row.packages), layers: expandLayers(row.layers), layersText: row.layers }));

// A typo in the table would silently open or close a boundary: fail loudly when the config loads.
for (const layer of layers) {
  if (!layer.tree) throw new Error(`${RULE_FILE}: layer ${layer.name} (${layer.path}) is not under ${TREES.join(', ')}`);
  for (const name of [...layer.may, ...layer.types]) {
    if (!byName.has(name)) throw new Error(`${RULE_FILE}: layer ${layer.name} may import unknown layer "${name}"`);
  }
  // Type-only imports across trees would need the core rule to tell types apart, which it cannot.
  for (const name of layer.types) {
    if (byName.get(name).tree !== layer.tree) throw new Error(`${RULE_FILE}: layer ${layer.name}: \`types\` may name only layers of its own tree`);
  }
}
for (const row of packageRows) {
  for (const name of row.layers) if (!byName.has(name)) throw new Error(`${RULE_FILE}: package row ${row.label} names unknown layer "${name}"`);
}

function matches(layer, path) {
  if (layer.path.endsWith('/*')) return posix.dirname(path) === layer.path.slice(0, -2);
  if (layer.path.endsWith('/')) return path === layer.path.slice(0, -1) || path.startsWith(layer.path);
  const stem = stripExtension(layer.path);
  const target = stripExtension(path);
  return target === stem || (stem.endsWith('/index') && target === stem.slice(0, -'/index'.length));
}

/** The layer a repo-relative path belongs to (most specific match), or undefined. */
export function layerOf(path) {
  return layers.filter((layer) => matches(layer, path)).sort((a, b) => b.path.length - a.path.length)[0];
}

/** `layer` and the layers whose folders hold it (channels → channels, contract). */
const selfAndOuter = (layer) => layers.filter((outer) => outer === layer || (outer.path.endsWith('/') && layer.path.startsWith(outer.path)));

function mayImport(from, to, typeOnly) {
  return selfAndOuter(to).some((layer) => from.may.has(layer.name) || (typeOnly && from.types.has(layer.name)));
}

const named = (layer) => `${layer.name} (${layer.path})`;
const allowedList = (from) => [...from.may].join(', ') || 'nothing';

function layerMessage(from, to) {
  const instead = INSTEAD[`${from.name}>${to.name}`] ?? INSTEAD[`${from.tree}>${to.tree}`] ?? INSTEAD[to.name] ?? DEFAULT_INSTEAD;
  return `Layering: ${named(from)} may not import ${named(to)}; ${from.name} may import ${allowedList(from)}. ${instead}`;
}

const notInLayerMessage = (from, target) =>
  `Layering: ${named(from)} imports ${target}, which is not in a layer. Import it from the layer it belongs to, or add its folder to the table in ${RULE_FILE}.`;

function packageMessage(from, row) {
  const who = words(row.layersText).map((token) => (token.endsWith('/') ? `the layers of ${token}` : token)).join(', ');
  return `Layering: ${named(from)} may not import ${row.label}; only ${who} may. ${row.instead}`;
}

function onlyPackagesMessage(from) {
  const only = from.packages.length ? `only the packages ${from.packages.join(', ')}` : 'no package';
  return `Layering: ${named(from)} may import ${only}: what it bundles runs in the sandboxed preload and the renderer too. Move the code that needs more into src-main or src-renderer.`;
}

/** `name` of `name/sub`, `@scope/name` of `@scope/name/sub`, `node:fs` of `node:fs/promises`. */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const isBuiltin = (name) => name.startsWith('node:') || NODE_BUILTINS.includes(name);

function packageInList(name, list) {
  return list.some((entry) => (entry === 'node:*' ? isBuiltin(name) : entry.endsWith('/*') ? name.startsWith(entry.slice(0, -1)) : name === entry));
}

/** Regex source (alternation) for a package list, the same matching as packageInList. */
function packageAlternation(list) {
  return list
    .map((entry) => {
      if (entry === 'node:*') return `node:|(?:${NODE_BUILTINS.map(escapeRegex).join('|')})(?:/|$)`;
      if (entry.endsWith('/*')) return escapeRegex(entry.slice(0, -1));
      return `${escapeRegex(entry)}(?:/|$)`;
    })
    .join('|');
}

const isRelative = (specifier) => specifier === '.' || specifier === '..' || specifier.startsWith('./') || specifier.startsWith('../');

/** The verdict on one import from a file of `from`: a message when it breaks the table, else undefined. */
function checkImport(from, fromPath, rawSpecifier, typeOnly) {
  const specifier = rawSpecifier.replace(/[?#].*$/, ''); // `./x.css?inline`, `./icon.png?asset`
  if (isRelative(specifier) || specifier.startsWith('/')) {
    const target = specifier.startsWith('/')
      ? posix.normalize(specifier.slice(1))
      : posix.normalize(posix.join(posix.dirname(fromPath), specifier));
    const to = layerOf(target);
    if (!to) return notInLayerMessage(from, target);
    return mayImport(from, to, typeOnly) ? undefined : layerMessage(from, to);
  }
  const name = packageName(specifier);
  const row = packageRows.find((r) => packageInList(name, r.packages) && !r.layers.has(from.name));
  if (row) return packageMessage(from, row);
  if (from.packages && !packageInList(name, from.packages)) return onlyPackagesMessage(from);
  return undefined;
}

// ─── ESLint: core no-restricted-imports for what a pattern can say, a local rule for the rest ────
//
// Static `import`/`export … from` of a package, or of another tree (the specifier names `src-main/…`),
// go to the core no-restricted-imports rule with patterns generated from the tables, one block per
// layer. The local rule `layering/imports` resolves everything else against the importing file's path
// (plain path arithmetic, so fixtures can lint virtual paths): imports inside a tree, files and targets
// not in a layer, `import type` allowances, and import(), require(), `import x = require()` and
// `import('…').T`, which the core rule does not see. It skips a static specifier the core patterns
// already match, so each broken import is reported once. The unit test checks both give the same verdicts.

/** Regex source matching a relative specifier that names `layer` inside another tree. */
function textualLayerRegex(layer) {
  const prefix = '^\\.\\.?/(?:.*/)?';
  if (layer.path.endsWith('/*')) {
    // Only the files directly in the folder: not the folders of the layers beside it (src/store).
    const dir = layer.path.slice(0, -1);
    const folders = layers.filter((l) => l.path.startsWith(dir) && l !== layer).map((l) => escapeRegex(l.path.slice(dir.length).split('/')[0]));
    const notFolder = folders.length ? `(?!(?:${folders.join('|')})(?:/|$))` : '';
    return `${prefix}${escapeRegex(dir)}${notFolder}[^/]+$`;
  }
  if (layer.path.endsWith('/')) return `${prefix}${escapeRegex(layer.path.slice(0, -1))}(?:/|$)`;
  const stem = stripExtension(layer.path);
  const ext = '(?:\\.(?:d\\.)?[cm]?[jt]sx?)?$';
  if (stem.endsWith('/index')) return `${prefix}${escapeRegex(stem.slice(0, -'/index'.length))}(?:/index${ext}|$)`;
  return `${prefix}${escapeRegex(stem)}${ext}`;
}

/** The core no-restricted-imports patterns for the files of `from`. */
function corePatterns(from) {
  const patterns = [];
  const forbidden = layers.filter((to) => to.tree !== from.tree && !mayImport(from, to, false));
  for (const to of forbidden) {
    // A nested layer is covered by its forbidden outer layer's pattern: one report per import.
    if (selfAndOuter(to).some((outer) => outer !== to && forbidden.includes(outer))) continue;
    patterns.push({ regex: textualLayerRegex(to), message: layerMessage(from, to) });
  }
  const deniedRows = packageRows.filter((row) => !row.layers.has(from.name));
  for (const row of deniedRows) patterns.push({ regex: `^(?:${packageAlternation(row.packages)})`, message: packageMessage(from, row) });
  if (from.packages) {
    const known = [...from.packages, ...deniedRows.flatMap((row) => row.packages)];
    const notKnown = known.length ? `(?!${packageAlternation(known)})` : '';
    patterns.push({ regex: `^(?![./])${notKnown}`, message: onlyPackagesMessage(from) });
  }
  return patterns.map((pattern) => ({ ...pattern, caseSensitive: true }));
}

const corePatternCache = new Map();
function coreMatches(from, specifier) {
  if (!corePatternCache.has(from.name)) corePatternCache.set(from.name, corePatterns(from).map((p) => new RegExp(p.regex, 'u')));
  return corePatternCache.get(from.name).some((regex) => regex.test(specifier));
}

const stringValue = (node) => {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
};

const importsRule = {
  meta: {
    type: 'problem',
    docs: { description: `Every file of ${TREES.join(', ')} is in a layer and imports only what ${RULE_FILE} allows it` },
    schema: [],
  },
  create(context) {
    const path = relative(ROOT, context.filename).split(sep).join('/');
    if (!treeOf(path)) return {};
    const from = layerOf(path);
    if (!from) {
      return {
        Program() {
          context.report({
            loc: { line: 1, column: 0 },
            message: `Layering: ${path} is not in a layer. Move it into a folder of the table in ${RULE_FILE} (${layers.filter((l) => l.tree === treeOf(path)).map((l) => l.path).join(', ')}), or add a layer there.`,
          });
        },
      };
    }
    const check = (node, source, typeOnly, core) => {
      const specifier = stringValue(source);
      if (specifier === undefined || (core && coreMatches(from, specifier))) return;
      const message = checkImport(from, path, specifier, typeOnly);
      if (message) context.report({ node: source, message });
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, node.importKind === 'type', true),
      ExportAllDeclaration: (node) => check(node, node.source, node.exportKind === 'type', true),
      ExportNamedDeclaration: (node) => node.source && check(node, node.source, node.exportKind === 'type', true),
      ImportExpression: (node) => check(node, node.source, false, false),
      CallExpression: (node) => {
        if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length > 0) check(node, node.arguments[0], false, false);
      },
      TSImportEqualsDeclaration: (node) => {
        if (node.moduleReference.type === 'TSExternalModuleReference') check(node, node.moduleReference.expression, node.importKind === 'type', false);
      },
      TSImportType: (node) => check(node, node.source ?? node.argument?.literal, true, false),
    };
  },
};

const toGlob = (layerPath) => (layerPath.endsWith('/') ? `${layerPath}**` : layerPath);

/** Flat-config blocks: the local rule on the three trees, then one core block per layer (outer before nested). */
export const layeringConfig = [
  {
    files: TREES.map((tree) => `${tree}/**`),
    plugins: { layering: { rules: { imports: importsRule } } },
    rules: { 'layering/imports': 'error' },
  },
  ...[...layers]
    .sort((a, b) => a.path.length - b.path.length)
    .map((layer) => {
      const patterns = corePatterns(layer);
      return {
        files: [toGlob(layer.path)],
        rules: { 'no-restricted-imports': patterns.length ? ['error', { patterns }] : 'off' },
      };
    }),
];
