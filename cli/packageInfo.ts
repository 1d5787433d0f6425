import * as path from 'node:path';
import { readBoundedText } from './boundedRead';

export const TOOL_NAME = 'idenfy-token-lint';
const PACKAGE_NAME = 'idenfy-token-tools';

export interface PackageInfo {
  readonly version: string;
  readonly repositoryUrl?: string;
  /** Every `idenfy.*` setting the extension contributes; undefined when package.json was not found. */
  readonly settingKeys?: ReadonlySet<string>;
}

let cached: PackageInfo | undefined;

/**
 * The extension's package.json, found by walking up from this file: `dist/cli.js` (the bundle, also when
 * installed under node_modules) and `out*\/cli/main.js` (compiled tests) both reach it.
 */
export function packageInfo(): PackageInfo {
  if (cached) return cached;
  let dir = __dirname;
  for (let i = 0; i < 6; i++) {
    const file = path.join(dir, 'package.json');
    try {
      const json = JSON.parse(readBoundedText(file, 4 * 1024 * 1024));
      if (json?.name === PACKAGE_NAME) {
        const properties = json.contributes?.configuration?.properties;
        const repository = typeof json.repository === 'string' ? json.repository : json.repository?.url;
        cached = {
          version: String(json.version ?? '0.0.0'),
          repositoryUrl: typeof repository === 'string' ? repository.replace(/^git\+/, '').replace(/\.git$/, '') : undefined,
          settingKeys: properties && typeof properties === 'object' ? new Set(Object.keys(properties)) : undefined,
        };
        return cached;
      }
    } catch {
      // not here: keep walking up
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  cached = { version: '0.0.0' };
  return cached;
}
