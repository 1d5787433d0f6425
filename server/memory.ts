/**
 * Gives memory back when the editor is quiet.
 *
 * Parsing a TypeScript document allocates many times the size of the tree it keeps. V8 grows its young generation to
 * 2 × 16 MB under that load and lets the old generation fill with the garbage of earlier versions, and it gives
 * neither back on its own while the process idles (measured: 50 open 700-line documents kept the server at ~160 MB
 * RSS for as long as it stayed idle, of which ~28 MB was live heap, TypeScript's own code included). So after a quiet
 * period the server collects (old garbage), and goes on collecting once a second for a few seconds, until V8 sees a low
 * allocation rate, which is when a full collection also shrinks the young generation back: the same 50 documents
 * then hold ~100 MB (about 12 s after the last check; ~20 ms of one core per collection). Nothing runs while the user types, so keystroke latency is unchanged.
 *
 * Memory given back is taken again by the next large parse, page by page: an open of a 10,000-line TypeScript file
 * after the memory was given back took about twice as long (370 ms instead of 180 ms here, with 7,600 page faults
 * instead of 3,400). So the first collection waits for 4 s of quiet, not 1 s: a short pause to read or to switch
 * files keeps the next open fast. Not much longer: V8 shrinks its young generation only at a low but non-zero recent
 * allocation rate, and after a longer silence it kept it at full size (measured: a first collection after 10 s of
 * quiet left 114 MB until about 35 s; after 3, 4 or 5 s, about 100 MB at 12 s). Keystrokes after a pause cost the
 * same with or without the collections.
 *
 * A full collection is only reachable from JavaScript through `--expose-gc`; the flag is set at run time and the
 * `gc` function taken from a fresh context (where V8 installs it), so the server needs no command-line flag and
 * starts the same way from every editor. If that ever fails, nothing is collected and nothing else changes.
 */
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** Quiet time before the first collection: longer than a short pause, short enough for V8 to shrink (see above). */
const FIRST_MS = 4_000;
/**
 * Then one collection a second, at most this many times, until the young generation is small again: V8 shrinks it at
 * a full collection only when its recent allocation rate (averaged over its last collections) is low, which takes a
 * few idle ones.
 */
const MORE = 10;
const INTERVAL_MS = 1000;
/** The young generation's size when V8 has shrunk it back (its initial size is 1 MB per semi-space). */
const SMALL_YOUNG_GENERATION = 4 * 1024 * 1024;

function youngGenerationSize(): number {
  return v8.getHeapSpaceStatistics().find((space) => space.space_name === 'new_space')?.space_size ?? 0;
}

let gc: (() => void) | null | undefined;

function collectGarbage(): void {
  if (gc === undefined) {
    try {
      v8.setFlagsFromString('--expose-gc');
      gc = vm.runInNewContext('gc') as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

export class IdleCollector {
  private timer: NodeJS.Timeout | undefined;

  /** @param onQuiet also called at the first collection (before it), e.g. to drop what long-idle documents hold. */
  constructor(private readonly onQuiet: () => void = () => undefined) {}

  /** Something ran (a check, a close): start the quiet period again. */
  activity(): void {
    clearTimeout(this.timer);
    let left = MORE;
    const collect = () => {
      collectGarbage();
      this.timer = left-- > 0 && gc && youngGenerationSize() > SMALL_YOUNG_GENERATION ? setTimeout(collect, INTERVAL_MS) : undefined;
    };
    this.timer = setTimeout(() => {
      this.onQuiet();
      collect();
    }, FIRST_MS);
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}
