/**
 * Which code may import what follows from the folder a file lives in (the idea Signal-Desktop applies
 * with its file suffixes): each process and layer is a folder, and a file may reach only its own folder
 * and the layers beneath it. Moving a file therefore changes what it may import, and no list of
 * exceptions has to be kept by hand. The glue folder holds nothing but glue: a file there that does not
 * use Electron is refused, so "may import Electron" stays as narrow as the files that need it.
 */
import { builtinModules } from 'node:module';
import { dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const NODE_BUILTINS = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);

/** Most specific folder first: a file belongs to the first folder its path starts with. */
export const BOUNDARIES = [
  {
    folder: 'electron/main',
    why: 'the Electron main-process glue',
    may: ['electron/main', 'electron/core', 'shared'],
    electron: true,
    node: true,
    // Glue only: a module that decides without Electron lives in the core, where Node runs and tests it.
    gluesElectron: true,
  },
  {
    folder: 'electron/preload',
    why: 'the sandboxed preload: it sees only the contract',
    may: ['electron/preload', 'shared'],
    electron: true,
    node: false,
  },
  {
    folder: 'electron/cli',
    why: 'the CLI runs under plain Node on the core',
    may: ['electron/cli', 'electron/core', 'shared'],
    electron: false,
    node: true,
  },
  {
    folder: 'electron/core',
    why: 'the core is plain Node; pass a capability in instead of reaching for Electron or the glue',
    may: ['electron/core', 'shared'],
    electron: false,
    node: true,
  },
  {
    folder: 'shared',
    why: 'shared/ type-checks in both processes, so it uses neither Node, the DOM, Electron nor React',
    may: ['shared'],
    electron: false,
    node: false,
    packages: ['react', 'react-dom'],
  },
  {
    folder: 'renderer',
    why: 'the renderer runs sandboxed and talks to main only through the preload API',
    may: ['renderer', 'shared'],
    electron: false,
    node: false,
  },
];

function folderOf(path) {
  const inRepo = relative(ROOT, path).split('\\').join('/');
  return BOUNDARIES.find((boundary) => inRepo === boundary.folder || inRepo.startsWith(`${boundary.folder}/`));
}

function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function refusal(boundary, specifier) {
  if (specifier.startsWith('.')) return null;
  const name = packageName(specifier);
  if (name === 'electron' && !boundary.electron) return 'Electron';
  if (NODE_BUILTINS.has(specifier) && !boundary.node) return 'Node APIs';
  if (boundary.packages?.includes(name)) return name;
  return null;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'A file imports only what the folder it lives in may use.' },
    schema: [],
  },
  create(context) {
    const filename = context.filename;
    const boundary = folderOf(filename);
    if (!boundary) return {};

    let usesElectron = false;

    function check(node, source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      if (packageName(specifier) === 'electron') usesElectron = true;
      const forbidden = refusal(boundary, specifier);
      if (forbidden) {
        context.report({ node, message: `${boundary.folder}/ may not import ${forbidden} ("${specifier}"): ${boundary.why}.` });
        return;
      }
      if (!specifier.startsWith('.')) return;
      const target = folderOf(resolve(dirname(filename), specifier));
      if (target && !boundary.may.includes(target.folder)) {
        context.report({ node, message: `${boundary.folder}/ may import only ${boundary.may.join(', ')}, not ${target.folder}/ ("${specifier}"): ${boundary.why}.` });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      'Program:exit': (node) => {
        if (boundary.gluesElectron && !usesElectron) {
          context.report({ node, message: `${boundary.folder}/ holds only the Electron glue, and this file uses no Electron: move it to electron/core/ (beside the room it serves, e.g. core/windows/), where plain Node runs and tests it.` });
        }
      },
    };
  },
};
