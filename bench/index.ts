/**
 * `npm run bench`: every benchmark of the project in one run. Each figure is a ratio against a baseline measured
 * in the same run on the same input (parseTree, ts.createSourceFile, a single-threaded linter), never a
 * wall-clock threshold: the machine's speed cancels out.
 */
import { runCliBench } from './cli';
import { runCodeBench } from './code';
import { runJsonBench } from './json';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const want = (name: string) => only.length === 0 || only.includes(name);
  console.log(`node ${process.version}, ${require('node:os').cpus().length} cores\n`);
  if (want('json')) {
    console.log('## JSON payloads');
    await runJsonBench();
  }
  if (want('code')) {
    console.log('\n## TypeScript/JavaScript payloads');
    await runCodeBench();
  }
  if (want('cli')) {
    console.log('\n## Command-line linter');
    await runCliBench();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
