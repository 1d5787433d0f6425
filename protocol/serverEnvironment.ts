/**
 * What the client tells the server process through its environment and command line, before any message can be
 * exchanged. Its own module without imports: the server's start-up loader (server/boot.ts) reads it before anything
 * else is loaded.
 */

/**
 * A folder the server may keep V8's compiled code in (the extension's global storage), so that later starts skip
 * compiling the server and TypeScript (server/codeCache.ts). Unset: nothing is cached.
 */
export const CODE_CACHE_DIR_VARIABLE = 'IDENFY_CODE_CACHE_DIR';

/**
 * The Node options the client starts the server with (the benchmark starts it the same way). A young generation of
 * up to 32 MB instead of V8's 16 MB: a large file's syntax tree is built there and the server keeps it, so each
 * young-generation collection during the parse copies the tree built so far; with room for twice as much there are
 * fewer of them. Measured on the 10,000-line file: a parse in such a process 45–50 ms instead of about 70 ms, most of
 * the difference collections (tools/bench/protocol.ts reports it in every run). At rest the server gives the memory
 * back as before (server/memory.ts).
 */
export const SERVER_EXEC_ARGV: readonly string[] = ['--max-semi-space-size=32'];
