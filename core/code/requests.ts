import type * as TS from 'typescript';
import { isAbsoluteUrl, isTokenEndpointUrl, joinUrl } from './endpoint';
import { Resolver } from './resolve';
import { isNamed, SourceIndex, unwrapExpression } from './sourceIndex';

/**
 * HTTP client call shapes, and which argument or option of each carries the request body:
 *
 * | shape | body |
 * |---|---|
 * | `fetch(url, { method, body })`, node-fetch, undici `request(url, opts)`, `new Request(url, init)` | `body` (`JSON.stringify(x)` or `x`) |
 * | `$fetch` / `ofetch` / `useFetch(url, { method, body })` | `body` |
 * | `axios.post(url, data, config)`, Angular `http.post(url, body)`, Nest `httpService.post(url, body)`, `needle.post(url, data)` | 2nd argument |
 * | `axios(url, config)`, `axios({ url, method, data })`, `axios.request({ … })`, instances of `axios.create({ baseURL })` | `data` |
 * | `got.post(url, { json })`, `got(url, { method, json })`, `ky.post(url, { json })`, `request.post(url, { json })` | `json` (or `body` when `json: true`) |
 * | `request.post({ url, json })`, `request({ uri, method, json })` | `json` / `body` |
 * | `needle('post', url, data)` | 3rd argument |
 * | `superagent.post(url).send(x)`, `superagent('POST', url).send(x)`, `unirest('POST', url).send(x)`, `wretch(url).post(x)` / `.json(x)` | the chained call's argument |
 * | `$.ajax({ url, type: 'POST', data })`, `$.post(url, data)`, Nuxt `this.$axios.$post(url, data)` | `data` / 2nd argument |
 * | node `https.request({ hostname, path, method })` or `https.request(url, opts)`, then `req.write(x)` / `req.end(x)` | what is written |
 * | `xhr.open('POST', url)`, then `xhr.send(x)` | what is sent |
 *
 * The URL decides: a call counts only when its URL resolves to the token endpoint (see endpoint.ts), directly or
 * joined to a base URL of the options or of a client instance made in the same file.
 */
export interface RequestBody {
  readonly body: TS.Expression;
  /** How the request is sent, as written: `fetch`, `axios.post`, `this.http.post`, `superagent.post().send`. */
  readonly via: string;
}

/** Verbs other than POST: their calls never carry a token payload. */
const OTHER_VERBS = new Set(['get', 'put', 'patch', 'delete', 'del', 'head', 'options', '$get', '$put', '$patch', '$delete', '$head']);
/** Methods that post: axios, Angular, Nest, needle, jQuery (`post`), the Nuxt axios module (`$post`). */
const POST_METHODS = new Set(['post', '$post']);
const HTTP_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head', 'options']);
/** Methods that, chained after a call aimed at the URL, take the body: superagent `.send`, wretch `.post`/`.json`. */
const CHAINED_BODY_METHODS = new Set(['send', 'post', 'json']);
/** What node's http(s) request objects send: `req.write(x)`, `req.end(x)`. */
const WRITE_METHODS = new Set(['write', 'end']);
/** Clients whose second argument is always options, never the body. */
const OPTIONS_CLIENTS = new Set(['got', 'ky', 'request', 'requestPromise', 'rp', 'ofetch', '$fetch']);
/** Keys that make an object an options object of got, ky, request or fetch rather than a body. */
const OPTION_KEYS = [
  'json',
  'body',
  'form',
  'formData',
  'multipart',
  'headers',
  'searchParams',
  'username',
  'password',
  'responseType',
  'hooks',
  'retry',
  'timeout',
  'throwHttpErrors',
  'prefixUrl',
  'method',
];
const CLIENT_ID_KEYS = ['clientId', 'personScanRef'];
/** Names of helpers that send (`postJson`, `callApi`, `createIdenfyToken`), unlike `console.log(url, payload)`. */
const SENDER_NAME = /post|request|send|fetch|call|http|api|token|submit/i;
/** Test doubles (fetch-mock, nock, sinon stubs, jest's `toHaveBeenCalledWith`): they describe requests, they do not send them. */
const TEST_DOUBLE = /mock|nock|stub|spy|fake|intercept|calledWith/i;

export class RequestFinder {
  private readonly K: typeof TS.SyntaxKind;

  constructor(
    private readonly ts: typeof TS,
    private readonly resolver: Resolver,
    private readonly index: SourceIndex,
  ) {
    this.K = ts.SyntaxKind;
  }

  /** The request bodies a call sends to the token endpoint (usually none, at most one). */
  bodiesOf(call: TS.CallExpression | TS.NewExpression): RequestBody[] {
    const callee = unwrapExpression(this.ts, call.expression);
    const args = call.arguments ?? [];
    if (args.length === 0) return [];
    const bodies = this.find(call, callee, args);
    if (bodies.length === 0 || this.namesTestDouble(callee)) return [];
    const via = (call.kind === this.K.NewExpression ? 'new ' : '') + describeCallee(this.ts, callee);
    return bodies.map((body) => ({ body, via }));
  }

  private find(call: TS.CallExpression | TS.NewExpression, callee: TS.Expression, args: readonly TS.Expression[]): TS.Expression[] {
    const K = this.K;

    if (callee.kind === K.PropertyAccessExpression) {
      const method = (callee as TS.PropertyAccessExpression).name.text;
      const client = (callee as TS.PropertyAccessExpression).expression;
      if (OTHER_VERBS.has(method)) return [];
      if (POST_METHODS.has(method)) {
        const url = this.resolver.stringValue(args[0]);
        if (url !== undefined) return this.postWithUrl(url, client, args);
      }
      // `superagent.post(url).send(x)`, `wretch(url).post(x)`, `wretch(url).json(x)`
      if (CHAINED_BODY_METHODS.has(method) && this.chainIsAimed(client)) return [args[0]];
      if (POST_METHODS.has(method)) {
        const options = this.resolver.objectLiteralOf(args[0]);
        return options ? this.fromOptionsWithUrl(options, this.resolver.baseUrlOfClient(client)) : [];
      }
      // `xhr.open('POST', url)`: the body is what `xhr.send(…)` sends.
      if (method === 'open' && args.length >= 2 && this.resolver.stringValue(args[0])?.toLowerCase() === 'post') {
        const url = this.resolver.stringValue(args[1]);
        const target = unwrapExpression(this.ts, client);
        return url !== undefined && this.isAimed(url, []) && target.kind === K.Identifier ? this.callsOnVariable(target as TS.Identifier, ['send']) : [];
      }
    }
    return this.functionStyle(call, callee, args);
  }

  /** `client.post(url, …)`. */
  private postWithUrl(url: string, client: TS.Expression, args: readonly TS.Expression[]): TS.Expression[] {
    const second = args[1];
    const secondObject = second && this.resolver.objectLiteralOf(second);
    const config = args[2] && this.resolver.objectLiteralOf(args[2]);
    const optionsStyle = this.isOptionsClient(client) || (secondObject !== undefined && this.looksLikeOptions(secondObject));
    const bases = [
      () => this.resolver.baseUrlOfClient(client),
      () => (optionsStyle && secondObject ? this.resolver.baseUrlInOptions(secondObject) : undefined),
      () => (config ? this.resolver.baseUrlInOptions(config) : undefined),
    ];
    if (!second || !this.isAimed(url, bases)) return [];
    if (optionsStyle) return secondObject ? this.fromOptions(secondObject) : [];
    return [second];
  }

  /** `fetch(url, init)`, `got(url, opts)`, `axios(config)`, `needle('post', url, data)`, `new Request(url, init)`… */
  private functionStyle(call: TS.CallExpression | TS.NewExpression, callee: TS.Expression, args: readonly TS.Expression[]): TS.Expression[] {
    const K = this.K;
    const clientBase = () => this.resolver.baseUrlOfClient(callee.kind === K.PropertyAccessExpression ? (callee as TS.PropertyAccessExpression).expression : callee);
    const name = callee.kind === K.PropertyAccessExpression ? (callee as TS.PropertyAccessExpression).name.text : callee.kind === K.Identifier ? (callee as TS.Identifier).text : '';
    // node's `http(s).request(…)` sends what is written to the request it returns.
    const written = () => (name === 'request' && call.kind === K.CallExpression ? this.writesToResult(call as TS.CallExpression) : []);
    const first = this.resolver.stringValue(args[0]);
    if (first !== undefined) {
      if (HTTP_METHODS.has(first.toLowerCase())) {
        // needle('post', url, data); superagent('POST', url) and unirest take their body in a chained .send()
        const url = args[1] && this.resolver.stringValue(args[1]);
        return first.toLowerCase() === 'post' && url !== undefined && args[2] && this.isAimed(url, [clientBase]) ? [args[2]] : [];
      }
      const options = args[1] && this.resolver.objectLiteralOf(args[1]);
      if (!options || !this.isAimed(first, [clientBase, () => this.resolver.baseUrlInOptions(options)])) return [];
      const bodies = this.fromOptions(options);
      if (bodies.length > 0 || !this.isMethodPostOrUnset(options)) return bodies;
      if (name === 'request') return written();
      // A helper `postToIdenfy(url, payload)`: an object naming the client is the payload itself.
      return SENDER_NAME.test(name) && CLIENT_ID_KEYS.some((key) => this.resolver.hasProperty(options, key)) ? [args[1]] : [];
    }
    const options = this.resolver.objectLiteralOf(args[0]);
    if (!options) return [];
    const aimed = this.urlOfOptions(options, clientBase());
    if (!aimed) return [];
    const bodies = this.fromOptions(options);
    return bodies.length > 0 || !this.isMethodPostOrUnset(options) ? bodies : written();
  }

  /** An options object that names its own URL: `axios({ url, method, data })`, `request.post({ url, json })`. */
  private fromOptionsWithUrl(options: TS.ObjectLiteralExpression, clientBase: string | undefined): TS.Expression[] {
    return this.urlOfOptions(options, clientBase) ? this.fromOptions(options) : [];
  }

  /**
   * Whether an options object's own URL is the endpoint: `url` or `uri` (joined to a base URL), or node's
   * `hostname`/`host` with `path` (and `protocol`, `port`).
   */
  private urlOfOptions(options: TS.ObjectLiteralExpression, clientBase: string | undefined): boolean {
    const value = (key: string) => {
      const expression = this.resolver.propertyValue(options, key);
      return expression && this.resolver.stringValue(expression);
    };
    const url = value('url') ?? value('uri');
    if (url !== undefined) return this.isAimed(url, [() => this.resolver.baseUrlInOptions(options), () => clientBase]);
    const host = value('hostname') ?? value('host');
    const path = value('path');
    if (host === undefined || path === undefined) return false;
    const port = value('port');
    return isTokenEndpointUrl(`${value('protocol') ?? 'https:'}//${host}${port ? `:${port}` : ''}${path}`);
  }

  /** What is written to the request a call returns: `req.write(x)`, `req.end(x)`, chained or through a variable. */
  private writesToResult(call: TS.CallExpression): TS.Expression[] {
    const K = this.K;
    const path = this.index.ancestorsOf(call);
    if (!path) return [];
    let at = path.length - 1;
    while (at > 0 && (path[at - 1].kind === K.ParenthesizedExpression || path[at - 1].kind === K.AwaitExpression || path[at - 1].kind === K.NonNullExpression || path[at - 1].kind === K.AsExpression))
      at--;
    const parent = path[at - 1];
    if (parent?.kind === K.PropertyAccessExpression && WRITE_METHODS.has((parent as TS.PropertyAccessExpression).name.text)) {
      const chained = path[at - 2];
      return chained?.kind === K.CallExpression && (chained as TS.CallExpression).expression === parent && (chained as TS.CallExpression).arguments[0]
        ? [(chained as TS.CallExpression).arguments[0]]
        : [];
    }
    if (parent?.kind === K.VariableDeclaration && (parent as TS.VariableDeclaration).name.kind === K.Identifier) {
      return this.callsOnVariable((parent as TS.VariableDeclaration).name as TS.Identifier, [...WRITE_METHODS]);
    }
    return [];
  }

  /** The first arguments of `variable.method(x)` calls, for the same variable (by scope) as `variable`. */
  private callsOnVariable(variable: TS.Identifier, methods: readonly string[]): TS.Expression[] {
    const K = this.K;
    const declaration = this.resolver.declarationOf(variable.text, variable.end);
    if (!declaration) return [];
    const found: TS.Expression[] = [];
    for (const path of this.index.name(variable.text).references) {
      const identifier = path[path.length - 1];
      const access = path[path.length - 2];
      const call = path[path.length - 3];
      if (access?.kind !== K.PropertyAccessExpression || (access as TS.PropertyAccessExpression).expression !== identifier) continue;
      if (!methods.includes((access as TS.PropertyAccessExpression).name.text)) continue;
      if (call?.kind !== K.CallExpression || (call as TS.CallExpression).expression !== access || !(call as TS.CallExpression).arguments[0]) continue;
      if (this.resolver.declarationOf(variable.text, identifier.end) === declaration) found.push((call as TS.CallExpression).arguments[0]);
    }
    return found;
  }

  /** The body in an options object: `json` (got, ky, request), `body` (fetch, ofetch, request with `json: true`), `data` (axios). */
  private fromOptions(options: TS.ObjectLiteralExpression): TS.Expression[] {
    if (!this.isMethodPostOrUnset(options)) return [];
    const json = this.resolver.propertyValue(options, 'json');
    if (json && unwrapExpression(this.ts, json).kind !== this.K.TrueKeyword) return [json];
    const body = this.resolver.propertyValue(options, 'body') ?? this.resolver.propertyValue(options, 'data');
    return body ? [body] : [];
  }

  /** A `method` (jQuery: `type`) other than POST means another request; an unset or computed one may be POST. */
  private isMethodPostOrUnset(options: TS.ObjectLiteralExpression): boolean {
    for (const key of ['method', 'type']) {
      const expression = this.resolver.propertyValue(options, key);
      const value = expression && this.resolver.stringValue(expression)?.toLowerCase();
      if (value !== undefined && HTTP_METHODS.has(value)) return value === 'post';
    }
    return true;
  }

  private isAimed(url: string, bases: ReadonlyArray<() => string | undefined>): boolean {
    if (isTokenEndpointUrl(url)) return true;
    if (isAbsoluteUrl(url)) return false;
    return bases.some((base) => {
      const value = base();
      return value !== undefined && isTokenEndpointUrl(joinUrl(value, url));
    });
  }

  /** Whether some call down a method chain is aimed at the endpoint: `superagent.post(url).set(…)`, `wretch(url).auth(…)`. */
  private chainIsAimed(receiver: TS.Expression): boolean {
    const K = this.K;
    let current = unwrapExpression(this.ts, receiver);
    for (let guard = 0; guard < 32 && current.kind === K.CallExpression; guard++) {
      const call = current as TS.CallExpression;
      const callee = unwrapExpression(this.ts, call.expression);
      const method = callee.kind === K.PropertyAccessExpression ? (callee as TS.PropertyAccessExpression).name.text : undefined;
      if (method !== undefined && OTHER_VERBS.has(method)) return false;
      const first = call.arguments[0] && this.resolver.stringValue(call.arguments[0]);
      if (first !== undefined) {
        const client = callee.kind === K.PropertyAccessExpression ? (callee as TS.PropertyAccessExpression).expression : callee;
        const bases = [() => this.resolver.baseUrlOfClient(client)];
        if (this.isAimed(first, bases)) return true;
        if (first.toLowerCase() === 'post' && call.arguments[1]) {
          const url = this.resolver.stringValue(call.arguments[1]);
          if (url !== undefined && this.isAimed(url, bases)) return true;
        }
      }
      if (callee.kind !== K.PropertyAccessExpression) return false;
      current = unwrapExpression(this.ts, (callee as TS.PropertyAccessExpression).expression);
    }
    return false;
  }

  /** got, ky, request: the argument after the URL is options. Also their instances (`got.extend(…)`, `ky.create(…)`). */
  private isOptionsClient(client: TS.Expression): boolean {
    const K = this.K;
    let current = unwrapExpression(this.ts, client);
    for (let guard = 0; guard < 8; guard++) {
      if (current.kind === K.Identifier) {
        if (OPTIONS_CLIENTS.has((current as TS.Identifier).text)) return true;
        const value = this.resolver.valueOfIdentifier(current as TS.Identifier);
        if (!value) return false;
        current = unwrapExpression(this.ts, value);
      } else if (current.kind === K.CallExpression || current.kind === K.PropertyAccessExpression) {
        current = unwrapExpression(this.ts, (current as TS.CallExpression).expression);
      } else {
        return false;
      }
    }
    return false;
  }

  /** An object with option keys and no client id is options, not the body. */
  private looksLikeOptions(object: TS.ObjectLiteralExpression): boolean {
    return OPTION_KEYS.some((key) => this.resolver.hasProperty(object, key)) && !CLIENT_ID_KEYS.some((key) => this.resolver.hasProperty(object, key));
  }

  private namesTestDouble(callee: TS.Expression): boolean {
    const K = this.K;
    let current: TS.Expression = callee;
    for (let guard = 0; guard < 16; guard++) {
      current = unwrapExpression(this.ts, current);
      if (current.kind === K.Identifier) return TEST_DOUBLE.test((current as TS.Identifier).text);
      if (current.kind === K.PropertyAccessExpression) {
        if (TEST_DOUBLE.test((current as TS.PropertyAccessExpression).name.text)) return true;
        current = (current as TS.PropertyAccessExpression).expression;
      } else if (current.kind === K.CallExpression) {
        current = (current as TS.CallExpression).expression;
      } else {
        return false;
      }
    }
    return false;
  }
}

/** Object literals merged with others (`Object.assign({}, defaults, literal)`): keys may come from elsewhere. */
export const MERGED_OBJECTS = new WeakSet<TS.ObjectLiteralExpression>();

/**
 * The objects a body expression sends: an object literal, the argument of `JSON.stringify`, what a variable was
 * initialised with, both branches of a conditional. Anything else sends something we cannot see.
 */
export function bodyObjects(ts: typeof TS, resolver: Resolver, body: TS.Expression, depth = 0): TS.ObjectLiteralExpression[] {
  if (depth > 16) return [];
  const K = ts.SyntaxKind;
  const e = unwrapExpression(ts, body);
  switch (e.kind) {
    case K.ObjectLiteralExpression:
      return [e as TS.ObjectLiteralExpression];
    case K.CallExpression: {
      const call = e as TS.CallExpression;
      const callee = unwrapExpression(ts, call.expression);
      if (callee.kind === K.PropertyAccessExpression && isNamed(ts, callee as TS.PropertyAccessExpression, 'JSON', 'stringify') && call.arguments.length > 0) {
        return bodyObjects(ts, resolver, call.arguments[0], depth + 1);
      }
      // `Object.assign({}, defaults, { … })`: the last literal is checked, open to the keys the others add
      if (callee.kind === K.PropertyAccessExpression && isNamed(ts, callee as TS.PropertyAccessExpression, 'Object', 'assign') && call.arguments.length > 1) {
        const last = unwrapExpression(ts, call.arguments[call.arguments.length - 1]);
        if (last.kind !== K.ObjectLiteralExpression) return [];
        MERGED_OBJECTS.add(last as TS.ObjectLiteralExpression);
        return [last as TS.ObjectLiteralExpression];
      }
      // `buildPayload(…)`: the object literal the function returns
      const returned = resolver.returnedObject(call);
      return returned ? [returned] : [];
    }
    case K.Identifier: {
      const value = resolver.valueOfIdentifier(e as TS.Identifier);
      return value ? bodyObjects(ts, resolver, value, depth + 1) : [];
    }
    case K.ConditionalExpression: {
      const conditional = e as TS.ConditionalExpression;
      return [...bodyObjects(ts, resolver, conditional.whenTrue, depth + 1), ...bodyObjects(ts, resolver, conditional.whenFalse, depth + 1)];
    }
    default:
      return [];
  }
}

/** `axios.post`, `this.http.post`, `superagent.post().send`, `fetch`. */
export function describeCallee(ts: typeof TS, callee: TS.Expression, depth = 0): string {
  const K = ts.SyntaxKind;
  const e = unwrapExpression(ts, callee);
  if (depth > 12) return '…';
  switch (e.kind) {
    case K.Identifier:
      return (e as TS.Identifier).text;
    case K.ThisKeyword:
      return 'this';
    case K.PropertyAccessExpression:
      return `${describeCallee(ts, (e as TS.PropertyAccessExpression).expression, depth + 1)}.${(e as TS.PropertyAccessExpression).name.text}`;
    case K.CallExpression:
      return `${describeCallee(ts, (e as TS.CallExpression).expression, depth + 1)}()`;
    default:
      return '…';
  }
}
