import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DebouncedScheduler } from '../../server/scheduler';

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

test('a burst of keystrokes runs the checks once per document, after the delay', async () => {
  const runs: string[] = [];
  const scheduler = new DebouncedScheduler(30, (uri) => runs.push(uri));
  for (let i = 0; i < 5; i++) scheduler.schedule('a');
  scheduler.schedule('b');
  await sleep(10);
  assert.deepEqual(runs, [], 'nothing before the delay');
  await sleep(60);
  assert.deepEqual(runs.sort(), ['a', 'b']);
  scheduler.dispose();
});

test('a delay of 0 runs on the next turn of the event loop, once for what came in the same turn', async () => {
  const runs: string[] = [];
  const scheduler = new DebouncedScheduler(0, (uri) => runs.push(uri));
  scheduler.schedule('a');
  scheduler.schedule('a');
  assert.deepEqual(runs, []);
  await turn();
  await turn();
  assert.deepEqual(runs, ['a']);
  scheduler.dispose();
});

test('cancel and dispose stop what was scheduled, with either kind of delay', async () => {
  const runs: string[] = [];
  const immediate = new DebouncedScheduler(0, (uri) => runs.push(uri));
  const delayed = new DebouncedScheduler(5, (uri) => runs.push(uri));
  immediate.schedule('a');
  immediate.cancel('a');
  immediate.schedule('b');
  immediate.dispose();
  delayed.schedule('c');
  delayed.cancel('c');
  delayed.schedule('d');
  delayed.dispose();
  await sleep(30);
  assert.deepEqual(runs, []);
});
