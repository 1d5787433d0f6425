import type * as TS from 'typescript';

let loaded: typeof TS | undefined;

/**
 * The TypeScript compiler API, loaded on first use: it is several megabytes of JavaScript, and JSON users and the
 * server's start-up must not pay for it.
 */
export function typescript(): typeof TS {
  // A plain require inside a function keeps the load lazy, in node and in the esbuild bundle alike.
  loaded ??= require('typescript') as typeof TS;
  return loaded;
}
