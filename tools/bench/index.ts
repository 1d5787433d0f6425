/**
 * `npm run bench`: every benchmark of the project in one run. Each figure is a ratio against a baseline measured
 * in the same run on the same input (parseTree, ts.createSourceFile, a single-threaded linter), never a
 * wall-clock threshold: the machine's speed cancels out.
 */
// Each section is loaded only when it runs: the JSON figures must not be measured with TypeScript's compiler
// sitting in the heap (the server loads it only for code documents, so a JSON user's server never has it).

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  console.log(`node ${process.version}, ${require('node:os').cpus().length} cores\n`);
  if (want('json')) {
    console.log('## JSON payloads');
    await (require('./json') as typeof import('./json')).runJsonBench();
  }
  if (want('code')) {
    console.log('\n## TypeScript/JavaScript payloads');
    await (require('./code') as typeof import('./code')).runCodeBench();
  }
  if (want('python-php')) {
    console.log('\n## Python and PHP payloads');
    await (require('./treeSitter') as typeof import('./treeSitter')).runTreeSitterBench();
  }
  if (want('protocol')) {
    console.log('\n## Through the language server protocol');
    await (require('./protocol') as typeof import('./protocol')).runProtocolBench();
  }
  if (want('cli')) {
    console.log('\n## Command-line linter');
    await (require('./cli') as typeof import('./cli')).runCliBench();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
