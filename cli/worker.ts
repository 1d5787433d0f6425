/**
 * Entry of the CLI's worker threads when they are bundled on their own (dist/cli-worker.js); cli/main.ts runs
 * the same code when it is started as a worker itself.
 */
import { isCliWorker, runWorker } from './pool';

if (isCliWorker()) runWorker();
