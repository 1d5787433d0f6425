/**
 * Is this JSON document a `POST /api/v2/token` payload? The one decision the language server, the CLI and the send
 * command share (they all reach it through `analyzeJson`); the evidence it weighs is the table in
 * core/rules/evidence.ts.
 *
 * - A file matching `idenfy.payloadFiles`, or a document whose top-level `$schema` names the project's schema: always.
 * - Any other document (untitled ones included): only with a top-level `clientId` and iDenfy-specific evidence, i.e.
 *   a key no other common API uses, a value only iDenfy uses (`tokenType`, `documents`), or a path naming iDenfy.
 *   Generic keys (`tokenType: "Bearer"`, `expiryTime`, `sessionLength`, `locale`, `country`, redirect URLs…) never
 *   are, and OAuth client keys (`clientSecret`, `scope`…) or iDenfy's answer keys (`scanRef`, `authToken`) rule it out.
 * - `clientId` with generic keys only is "almost a payload": nothing is reported, but the editor may offer to opt the
 *   file in (`almostPayload`).
 */
import { parseTree } from 'jsonc-parser';
import { keyOf, PayloadNode, TextSpan, valueOf } from './model';
import { baseName } from './paths';
import { CLIENT_ID_KEYS, EVIDENCE, EvidenceValue, GENERIC_PAYLOAD_KEYS, NEVER_PAYLOAD_FILES, NOT_PAYLOAD_KEYS } from './rules/evidence';

/** Why a document counts as a payload. */
export type PayloadReason = 'file-pattern' | 'schema' | 'content';

export interface DetectionInput {
  /** The document matches `idenfy.payloadFiles`. */
  readonly isPayloadFile: boolean;
  /** Path or URI, if the document has one. */
  readonly path?: string;
}

/** Before any parse: false when the text cannot be a payload, so most JSON in a workspace costs a substring search. */
export function mayBePayloadText(text: string, { isPayloadFile, path }: DetectionInput): boolean {
  if (isPayloadFile) return true;
  if (path && NEVER_PAYLOAD_FILES.test(baseName(path))) return false;
  return CLIENT_ID_KEYS.some((key) => text.includes(key)) || text.includes('$schema');
}

/** The decision on a parsed document (`root` may be a partial tree of half-typed JSON). */
export function detectPayload(root: PayloadNode | undefined, input: DetectionInput): PayloadReason | 'none' {
  if (input.isPayloadFile) return 'file-pattern';
  if (hasProjectSchema(root)) return 'schema';
  return payloadEvidence(root, input.path) !== undefined ? 'content' : 'none';
}

/** A top-level object with a clientId and iDenfy-specific evidence (not counting the file pattern or `$schema`). */
export function isPayloadContent(root: PayloadNode | undefined, path?: string): boolean {
  return payloadEvidence(root, path) !== undefined;
}

/**
 * What proves the document is a token payload (`key generateDigitString`, `tokenType IDENTIFICATION`, `documents`,
 * `path`), or undefined: no top-level clientId, an OAuth or answer key, or generic keys only.
 */
export function payloadEvidence(root: PayloadNode | undefined, path?: string): string | undefined {
  const top = scanTop(root);
  if (!top || !top.clientId || top.vetoed) return undefined;
  if (top.evidence) return top.evidence;
  if (path !== undefined && pathNamesIdenfy(path)) return 'path';
  return undefined;
}

/**
 * A document that is not a payload but nearly looks like one: a top-level `clientId` with generic token keys only
 * (`tokenType`, `expiryTime`, `sessionLength`, `documents`, redirect URLs…), no OAuth or answer key, and no evidence.
 * Returns the `clientId` key's span, where the editor can offer "Check this file as an iDenfy token payload".
 */
export function almostPayload(root: PayloadNode | undefined, input: DetectionInput): TextSpan | undefined {
  if (input.isPayloadFile || (input.path && NEVER_PAYLOAD_FILES.test(baseName(input.path)))) return undefined;
  if (detectPayload(root, input) !== 'none') return undefined;
  const top = scanTop(root);
  if (!top?.clientId || top.vetoed || !top.generic) return undefined;
  return { start: top.clientId.offset, end: top.clientId.offset + top.clientId.length };
}

/** `almostPayload` on a document's text (for a code-action request, which has the text but no analysis of it). */
export function almostPayloadText(text: string, input: DetectionInput & { readonly allowComments?: boolean }): TextSpan | undefined {
  if (!mayBePayloadText(text, input)) return undefined;
  let root: PayloadNode | undefined;
  try {
    root = parseTree(text, [], { allowTrailingComma: input.allowComments ?? false, disallowComments: !input.allowComments, allowEmptyContent: true });
  } catch {
    return undefined; // nesting deep enough to exhaust the stack: not a small settings file
  }
  return almostPayload(root, input);
}

/**
 * Without a parse (a document too deep to parse): what the text's first 64 KB suggest. Only the schema and the
 * evidence keys and values are looked for, as strings.
 */
export function looksLikePayloadText(text: string, path?: string): PayloadReason | undefined {
  const head = text.slice(0, 64 * 1024);
  if (/"\$schema"\s*:\s*"[^"]*idenfy-token/i.test(head)) return 'schema';
  if (!CLIENT_ID_KEYS.some((key) => head.includes(`"${key}"`))) return undefined;
  if ([...NOT_PAYLOAD_KEYS].some((key) => head.includes(`"${key}"`))) return undefined;
  const evidence =
    [...EVIDENCE.keys.keys()].some((key) => head.includes(`"${key}"`)) || [...EVIDENCE.tokenTypes].some((type) => head.includes(`"${type}"`)) || (path !== undefined && pathNamesIdenfy(path));
  return evidence ? 'content' : undefined;
}

/** The path has an `idenfy` folder or `idenfy` in the file name (case-insensitive). */
export function pathNamesIdenfy(path: string): boolean {
  let decoded = path.replace(/[?#].*$/, '');
  try {
    decoded = decodeURIComponent(decoded);
  } catch {
    // keep it as it is
  }
  return EVIDENCE.pathFolder.test(decoded) || EVIDENCE.pathFileName.test(baseName(path));
}

function hasProjectSchema(root: PayloadNode | undefined): boolean {
  if (root?.type !== 'object') return false;
  for (const property of root.children ?? []) {
    if (keyOf(property).value !== '$schema') continue;
    const value = valueOf(property)?.value;
    if (typeof value !== 'string') continue;
    const lower = value.toLowerCase();
    if (EVIDENCE.schemaMarkers.some((marker) => lower.includes(marker))) return true;
  }
  return false;
}

interface TopLevel {
  /** The key node of the top-level clientId (or personScanRef). */
  clientId?: PayloadNode;
  vetoed: boolean;
  /** The first piece of evidence found, described. */
  evidence?: string;
  /** A generic token key is there. */
  generic: boolean;
}

function scanTop(root: PayloadNode | undefined): TopLevel | undefined {
  if (root?.type !== 'object') return undefined;
  const top: TopLevel = { vetoed: false, generic: false };
  for (const property of root.children ?? []) {
    const keyNode = keyOf(property);
    const key = keyNode.value;
    if (typeof key !== 'string') continue;
    if (NOT_PAYLOAD_KEYS.has(key)) top.vetoed = true;
    else if (CLIENT_ID_KEYS.includes(key)) top.clientId ??= keyNode;
    else {
      if (GENERIC_PAYLOAD_KEYS.has(key)) top.generic = true;
      top.evidence ??= evidenceOf(key, valueOf(property));
    }
  }
  return top;
}

function evidenceOf(key: string, value: PayloadNode | undefined): string | undefined {
  const wanted = EVIDENCE.keys.get(key);
  if (wanted) return value && hasEvidenceValue(value, wanted) ? `key ${key}` : undefined;
  if (key === 'tokenType') {
    return value?.type === 'string' && EVIDENCE.tokenTypes.has(value.value as string) ? `tokenType ${value.value as string}` : undefined;
  }
  if (key === 'documents' && value?.type === 'array') {
    const items = value.children ?? [];
    const types = items.map((item) => (item.type === 'string' ? (item.value as string) : undefined));
    const allIdenfy = items.length > 0 && types.every((type) => type !== undefined && EVIDENCE.documentTypes.has(type));
    return allIdenfy && types.some((type) => !EVIDENCE.weakDocumentTypes.has(type!)) ? 'documents' : undefined;
  }
  return undefined;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STEPS_COUNTRY_KEY = /^(ALL|[A-Za-z]{2})$/;

function hasEvidenceValue(node: PayloadNode, wanted: EvidenceValue): boolean {
  switch (wanted) {
    case 'uuid':
      return node.type === 'string' && UUID.test(node.value as string);
    case 'dummyStatus':
      return node.type === 'string' && EVIDENCE.dummyStatuses.has(node.value as string);
    case 'additionalSteps': {
      // { "<ALL or alpha-2>": { "<ALL or document type>": { … } } }
      const countries = node.type === 'object' ? (node.children ?? []) : [];
      return (
        countries.length > 0 &&
        countries.every((country) => {
          const key = keyOf(country).value;
          return typeof key === 'string' && STEPS_COUNTRY_KEY.test(key) && valueOf(country)?.type === 'object';
        })
      );
    }
    default:
      return node.type === wanted;
  }
}
