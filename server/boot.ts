/**
 * The server's entry point (dist/server.js): a few lines that load the server itself (dist/server-main.js) through
 * V8's code cache when the client names a folder for it (server/codeCache.ts). Kept apart so that nothing but this
 * is compiled before the cache can help.
 */
import { join } from 'node:path';
import { CODE_CACHE_DIR_VARIABLE } from '../protocol/serverEnvironment';
import { CodeCache } from './codeCache';

new CodeCache(process.env[CODE_CACHE_DIR_VARIABLE] || undefined).load(join(__dirname, 'server-main.js'));
