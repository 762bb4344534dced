import { Worker, type ResourceLimits } from 'node:worker_threads';

// Run from the TypeScript sources (the tests, through ts-jest), a thread cannot load a `.ts`
// entry by itself: it first teaches `require` to transpile TypeScript, with the compiler the
// tests already have. The built worker (dist/) loads its `.js` entry directly.
const TYPESCRIPT_BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
const ts = require('typescript');
const { readFileSync } = require('node:fs');
require.extensions['.ts'] = (module, filename) => {
  const { outputText } = ts.transpileModule(readFileSync(filename, 'utf8'), {
    fileName: filename,
    compilerOptions: {
      module: ts.ModuleKind.CommonJS,
      target: ts.ScriptTarget.ES2022,
      esModuleInterop: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
    },
  });
  module._compile(outputText, filename);
};
require(workerData.entry);
`;

/**
 * A worker thread running one module of this codebase (its top level listens on `parentPort`):
 * `entry` is that module's file, the `.js` of the build or the `.ts` of the sources.
 */
export function startModuleThread(entry: string, resourceLimits?: ResourceLimits): Worker {
  if (entry.endsWith('.ts')) {
    return new Worker(TYPESCRIPT_BOOTSTRAP, { eval: true, workerData: { entry }, resourceLimits });
  }
  return new Worker(entry, { resourceLimits });
}
