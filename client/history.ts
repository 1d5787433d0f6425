/**
 * The send history: the last 50 sends of a workspace (workspaceState), each with its profile, time, status,
 * error identifier, and the request and answer as the output channel shows them (masked). No `vscode` import (texts go
 * through @vscode/l10n).
 * The body is kept as sent (it carries no credentials: those travel in the Authorization header) so an entry can be
 * sent again.
 */
import * as l10n from '@vscode/l10n';
import type { MementoLike } from './profiles';
import { formatExchange, maskSecrets, SendResult, tokensIn } from './send';

export const HISTORY_STATE_KEY = 'idenfy.sendHistory';
export const HISTORY_LIMIT = 50;

export interface HistoryEntry {
  readonly id: string;
  /** ISO time of the send. */
  readonly time: string;
  readonly profile: string;
  readonly endpoint: string;
  /** `success`, `api-error`, `network-error`… (SendResult's kind). */
  readonly kind: SendResult['kind'];
  readonly status?: number;
  readonly identifier?: string;
  /** The request body as sent. */
  readonly bodyText: string;
  /** The exchange as the output shows it: Authorization, API key and tokens masked. */
  readonly masked: string;
  /** The answer's JSON with the tokens masked, when the answer was JSON. */
  readonly maskedAnswer?: string;
  /** The document the payload came from. */
  readonly source?: string;
}

export interface NewEntry {
  readonly profile: string;
  readonly endpoint: string;
  readonly bodyText: string;
  readonly result: SendResult;
  readonly credentials: { readonly apiKey: string; readonly apiSecret: string };
  readonly source?: string;
  readonly now?: Date;
}

/** The answer body of the last attempt, with the tokens and credentials masked as the output masks them. */
export function maskedAnswerOf(result: SendResult, credentials: { apiKey: string; apiSecret: string }): string | undefined {
  const last = result.exchange.attempts[result.exchange.attempts.length - 1];
  if (!last?.responseBody) return undefined;
  let text = last.responseBody;
  try {
    text = JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    // not JSON: masked as it is
  }
  return maskSecrets(text, [{ value: credentials.apiSecret, keep: 0 }, { value: credentials.apiKey, keep: 4 }, ...tokensIn(result.exchange).map((value) => ({ value, keep: 4 }))]);
}

export function toEntry(entry: NewEntry): HistoryEntry {
  const { result } = entry;
  const now = entry.now ?? new Date();
  return {
    id: `${now.getTime().toString(36)}-${Math.floor(Math.random() * 1e6).toString(36)}`,
    time: now.toISOString(),
    profile: entry.profile,
    endpoint: entry.endpoint,
    kind: result.kind,
    ...('status' in result && typeof result.status === 'number' ? { status: result.status } : {}),
    ...(result.kind === 'api-error' ? { identifier: result.identifier } : {}),
    bodyText: entry.bodyText,
    masked: formatExchange(result.exchange, entry.credentials, result),
    ...(() => {
      const answer = maskedAnswerOf(result, { apiKey: entry.credentials.apiKey, apiSecret: entry.credentials.apiSecret });
      return answer !== undefined ? { maskedAnswer: answer } : {};
    })(),
    ...(entry.source ? { source: entry.source } : {}),
  };
}

export class SendHistory {
  constructor(
    private readonly state: MementoLike,
    private readonly limit = HISTORY_LIMIT,
  ) {}

  /** Newest first. */
  list(): HistoryEntry[] {
    const stored = this.state.get<HistoryEntry[]>(HISTORY_STATE_KEY);
    return Array.isArray(stored) ? stored : [];
  }

  async add(entry: NewEntry): Promise<HistoryEntry> {
    const made = toEntry(entry);
    await this.state.update(HISTORY_STATE_KEY, [made, ...this.list()].slice(0, this.limit));
    return made;
  }

  find(id: string): HistoryEntry | undefined {
    return this.list().find((e) => e.id === id);
  }

  async clear(): Promise<void> {
    await this.state.update(HISTORY_STATE_KEY, []);
  }
}

/** One quick-pick line for an entry. */
export function describeEntry(entry: HistoryEntry): { label: string; description: string; detail: string } {
  const outcome =
    entry.kind === 'success'
      ? l10n.t('{0} token created', entry.status ?? 201)
      : entry.identifier
        ? `${entry.status ?? ''} ${entry.identifier}`.trim()
        : entry.status
          ? `HTTP ${entry.status}`
          : kindLabel(entry.kind);
  return {
    label: `${entry.kind === 'success' ? '$(pass)' : '$(error)'} ${outcome}`,
    description: `${entry.profile} · ${entry.time.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}`,
    detail: `${entry.endpoint}${entry.source ? ` · ${entry.source}` : ''}`,
  };
}

/** A send that got no HTTP status, in words. */
function kindLabel(kind: HistoryEntry['kind']): string {
  switch (kind) {
    case 'network-error':
      return l10n.t('network error');
    case 'cancelled':
      return l10n.t('cancelled');
    case 'invalid-request':
      return l10n.t('not sent');
    default:
      return kind;
  }
}
