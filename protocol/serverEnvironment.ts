/**
 * What the client tells the server process through its environment, before any message can be exchanged. Its own
 * module without imports: the server's start-up loader (server/boot.ts) reads it before anything else is loaded.
 */

/**
 * A folder the server may keep V8's compiled code in (the extension's global storage), so that later starts skip
 * compiling the server and TypeScript (server/codeCache.ts). Unset: nothing is cached.
 */
export const CODE_CACHE_DIR_VARIABLE = 'IDENFY_CODE_CACHE_DIR';
