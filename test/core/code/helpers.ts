import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeCode, CodeAnalysis, DEFAULT_SETTINGS, Finding, IdenfySettings, PayloadNode } from '../../../core';

export const TOKEN_URL = 'https://ivs.idenfy.com/api/v2/token';

export function analyze(text: string, fileName = 'sample.ts', settings: IdenfySettings = DEFAULT_SETTINGS): CodeAnalysis {
  return analyzeCode({ text, fileName }, settings);
}

/** A finding as the tests compare it: its code, where it starts, and the source text it covers. */
export interface Located {
  readonly code: string;
  readonly at: number;
  readonly text: string;
}

export function located(text: string, findings: readonly Finding[]): Located[] {
  return findings.map((f) => ({ code: f.code, at: f.start, text: text.slice(f.start, f.end) }));
}

/** The finding expected on the n-th (default first) occurrence of `snippet` in `text`. */
export function at(text: string, code: string, snippet: string, occurrence = 1): Located {
  let offset = -1;
  for (let i = 0; i < occurrence; i++) offset = text.indexOf(snippet, offset + 1);
  if (offset === -1) throw new Error(`test bug: ${JSON.stringify(snippet)} not in the text`);
  return { code, at: offset, text: snippet };
}

/** 1-based line and column of an offset, counting CRLF, CR and LF line ends as editors do. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lines = before.split(/\r\n|\r|\n/);
  return { line: lines.length, column: lines[lines.length - 1].length + 1 };
}

/** The payload tree without parent links, for deep comparisons. */
export function plain(node: PayloadNode | undefined): unknown {
  if (!node) return node;
  const { parent: _parent, children, ...rest } = node;
  return children ? { ...rest, children: children.map(plain) } : rest;
}

/** The literal JSON value of a payload tree, or undefined when part of it is computed. */
export function toJson(node: PayloadNode): unknown {
  switch (node.type) {
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children!;
        if (key.type !== 'string') throw new Error('computed key');
        out[key.value as string] = toJson(value);
      }
      return out;
    }
    case 'array':
      return (node.children ?? []).map(toJson);
    case 'unknown':
      throw new Error('computed value');
    default:
      return node.value;
  }
}

/** An analysis in comparable form: payload trees without parent links, fix hints by their spans (they hold nodes). */
export function comparable(analysis: CodeAnalysis): unknown {
  return {
    payloads: analysis.payloads.map((p) => ({ ...p, root: plain(p.root) })),
    findings: analysis.findings.map((f) => ({
      ...f,
      fixes: f.fixes?.map((fix) => JSON.stringify(fix, (key, value) => (key === 'parent' || key === 'children' ? undefined : value))),
    })),
  };
}

/** The TS/JS files under a folder, recursively, sorted. */
export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.[cm]?[jt]sx?$/.test(name)) out.push(path);
  }
  return out.sort();
}
