/**
 * The VS Code side of sending a token request: the four commands, credentials in SecretStorage, the progress
 * notification, the output channel and the response diagnostics. The HTTP client and the texts live beside it in
 * client/send, the pure steps (payload to JSON, filling computed values) in the core; this file only asks, shows and wires.
 */
import * as vscode from 'vscode';
import { answerPrompt, countProblems, fillUnknowns, parseAnswer, PayloadAtResult, spanForField, tokenEndpointUrl, UnknownAnswer, validateBaseUrl } from '../../core';
import { COMMANDS, SETTINGS_SECTION } from '../../protocol';
import { actionLabel, checkCredentials, creditNote, errorsMessage, formatExchange, pickCredentials, presentResult, ResultAction, SendResult, sendTokenRequest, unknownsMessage } from '.';

/** SecretStorage keys; credentials never go to settings or files. */
export const SECRET_KEYS = { apiKey: 'idenfy.apiKey', apiSecret: 'idenfy.apiSecret' } as const;

const PAYLOAD_AT_TIMEOUT_MS = 15_000;

interface FoundPayload {
  readonly document: vscode.TextDocument;
  /** The version the payload was read from: a response diagnostic is placed only if it is still current. */
  readonly versionAtStart: number;
  readonly payload: PayloadAtResult;
}

/**
 * What the rest of the extension adds around a send (profiles, host approval, history, the emulator); every hook
 * is optional, so the command works alone as before.
 */
export interface SendHooks {
  /** SecretStorage keys of the active profile's pair, used by the send and by Set/Clear API Credentials. */
  secretKeys?(): { apiKey: string; apiSecret: string };
  /** The active profile's name, for messages and the output. */
  profileName?(): string;
  /** A target chosen by the extension (the local emulator): its URL and credentials replace idenfy.baseUrl and the stored pair. */
  target?(): { baseUrl: URL; apiKey: string; apiSecret: string; source: string } | undefined;
  /** The last question before credentials are read and the request goes out (production, unknown host); false: not sent. */
  beforeSend?(request: { base: URL; bodyText: string }): Promise<boolean>;
  /** After the answer arrived, before the result notification. */
  afterSend?(sent: { base: URL; bodyText: string; result: SendResult; credentials: { apiKey: string; apiSecret: string }; source?: vscode.Uri }): void | Promise<void>;
}

/** What registerSendCommands gives back: sending a body as it is (from the history). */
export interface SendApi {
  sendBody(bodyText: string): Promise<void>;
}

interface BodyToSend {
  readonly text: string;
  readonly errorCount: number;
  readonly warningCount: number;
}

/**
 * Registers the send, credential and output commands.
 * `getPayloadAt` asks the language server (`idenfy/payloadAt`) for the payload at an offset of a document.
 * `output`: an existing "iDenfy" output channel to share; one is created when omitted.
 */
export function registerSendCommands(
  context: vscode.ExtensionContext,
  getPayloadAt: (uri: string, offset: number) => Promise<PayloadAtResult | undefined>,
  output?: vscode.OutputChannel,
  hooks: SendHooks = {},
): SendApi {
  const keys = () => hooks.secretKeys?.() ?? SECRET_KEYS;
  /** For the output's header line (a log line, in English like the exchange it introduces). */
  const profileNote = () => (hooks.profileName ? ` (profile "${hooks.profileName()}")` : '');
  const channel = output ?? vscode.window.createOutputChannel(vscode.l10n.t('iDenfy'));
  if (!output) context.subscriptions.push(channel);
  const diagnostics = vscode.languages.createDiagnosticCollection('idenfy-response');
  let sending = false;

  context.subscriptions.push(
    diagnostics,
    // A response diagnostic describes the text that was sent: the next edit makes it stale.
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0 && diagnostics.has(event.document.uri)) diagnostics.delete(event.document.uri);
    }),
    vscode.workspace.onDidCloseTextDocument((document) => diagnostics.delete(document.uri)),
    vscode.commands.registerCommand(COMMANDS.setCredentials, () => setCredentials(context.secrets, keys(), hooks.profileName?.())),
    vscode.commands.registerCommand(COMMANDS.clearCredentials, () => clearCredentials(context.secrets, keys(), hooks.profileName?.())),
    vscode.commands.registerCommand(COMMANDS.showOutput, () => channel.show(true)),
    vscode.commands.registerCommand(COMMANDS.sendTokenRequest, (uriArg?: unknown, offsetArg?: unknown) => locked(() => send(uriArg, offsetArg))),
  );

  return { sendBody: (bodyText) => locked(() => sendBodyAsIs(bodyText)) };

  /** One send at a time; the result notification is awaited outside the lock. */
  async function locked(run: () => Promise<(() => Promise<void>) | undefined>): Promise<void> {
    if (sending) {
      void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: a token request is already being sent.'));
      return;
    }
    sending = true;
    let shown: (() => Promise<void>) | undefined;
    try {
      shown = await run();
    } catch (error) {
      // Unexpected (a bug): say so instead of failing silently; the editor content is never touched.
      channel.appendLine(vscode.l10n.t('Unexpected error: {0}', error instanceof Error ? error.message : String(error)));
      void vscode.window.showErrorMessage(vscode.l10n.t('iDenfy: the request could not be sent: {0}', error instanceof Error ? error.message : String(error)));
    } finally {
      sending = false;
    }
    // The result notification is awaited outside the lock: its buttons may stay open for a long time.
    await shown?.();
  }

  /** A body from the history, sent again as it is (its checks ran when it was first sent). */
  async function sendBodyAsIs(bodyText: string): Promise<(() => Promise<void>) | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage(vscode.l10n.t('iDenfy: sending is disabled in an untrusted workspace. Trust the workspace to use it.'));
      return undefined;
    }
    return deliver(bodyText, vscode.workspace.getConfiguration(SETTINGS_SECTION), undefined);
  }

  /** Runs the send; returns the result notification to show after the lock is released. */
  async function send(uriArg: unknown, offsetArg: unknown): Promise<(() => Promise<void>) | undefined> {
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showErrorMessage(
        vscode.l10n.t(
          'iDenfy: Send Token Request is disabled in an untrusted workspace, so a repository cannot make you send your credentials to a URL of its choosing. Trust the workspace to use it.',
        ),
      );
      return undefined;
    }
    const found = await payloadToSend(uriArg, offsetArg);
    if (!found) return undefined;
    const config = vscode.workspace.getConfiguration(SETTINGS_SECTION, found.document.uri);
    const body = await bodyToSend(found.payload, config);
    if (!body || !(await confirmDespiteErrors(body))) return undefined;
    return deliver(body.text, config, found);
  }

  /** From the base URL to the result notification: the part a send from the editor and a re-send from the history share. */
  async function deliver(bodyText: string, config: vscode.WorkspaceConfiguration, found: FoundPayload | undefined): Promise<(() => Promise<void>) | undefined> {
    const target = hooks.target?.();
    const base = target?.baseUrl ?? (await baseUrlToSendTo(config));
    if (!base) return undefined;
    if (hooks.beforeSend && !(await hooks.beforeSend({ base, bodyText }))) return undefined;
    const credentials = target ?? (await obtainCredentials(context.secrets, keys()));
    if (!credentials) return undefined;

    diagnostics.clear();
    channel.appendLine(
      `\n===== ${new Date().toISOString()} · ${found ? vscode.workspace.asRelativePath(found.document.uri) : 'from the send history'} · credentials from ${credentials.source}${profileNote()}`,
    );
    const result = await sendWithProgress(base, credentials, bodyText, config);
    channel.appendLine(formatExchange(result.exchange, { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret }, result));
    if (result.kind === 'success') channel.appendLine(creditNote());
    try {
      await hooks.afterSend?.({ base, bodyText, result, credentials: { apiKey: credentials.apiKey, apiSecret: credentials.apiSecret }, source: found?.document.uri });
    } catch (error) {
      channel.appendLine(vscode.l10n.t('Could not record the send: {0}', error instanceof Error ? error.message : String(error)));
    }

    const presentation = presentResult(result);
    if (found) markAnsweredField(found, result, presentation);
    return () => showPresentation(result, presentation.level, presentation.message, presentation.actions);
  }

  /** The payload at the cursor (or at the CodeLens's offset), as the language server reads it; undefined after telling the user why not. */
  async function payloadToSend(uriArg: unknown, offsetArg: unknown): Promise<FoundPayload | undefined> {
    const target = resolveTarget(uriArg, offsetArg);
    if (!target) {
      void vscode.window.showInformationMessage(
        vscode.l10n.t('iDenfy: open a token payload (a *.idenfy.json file, or a request object in code) and put the cursor in it, then run Send Token Request.'),
      );
      return undefined;
    }
    const document = await vscode.workspace.openTextDocument(target.uri);
    const versionAtStart = document.version;
    const payload = await withTimeout(getPayloadAt(target.uri.toString(), target.offset), PAYLOAD_AT_TIMEOUT_MS).catch((error: unknown) => {
      void vscode.window.showErrorMessage(vscode.l10n.t('iDenfy: the language server could not read the payload ({0}).', error instanceof Error ? error.message : String(error)));
      return null;
    });
    if (payload === null) return undefined;
    if (!payload?.found) {
      void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: no token payload at the cursor. Put the cursor inside the request object (or open a *.idenfy.json file).'));
      return undefined;
    }
    return { document, versionAtStart, payload };
  }

  /** The exact text to send: the document's JSON, or the literal with its computed values filled in by the user. */
  async function bodyToSend(payload: PayloadAtResult, config: vscode.WorkspaceConfiguration): Promise<BodyToSend | undefined> {
    if (payload.unknowns.length === 0) {
      const text = payload.bodyText ?? (payload.value !== undefined ? JSON.stringify(payload.value, null, 2) : undefined);
      if (text === undefined) {
        void vscode.window.showErrorMessage(vscode.l10n.t('iDenfy: the language server found the payload but gave nothing to send.'));
        return undefined;
      }
      return { text, errorCount: payload.errorCount, warningCount: payload.warningCount };
    }
    const fill = vscode.l10n.t('Fill In…');
    const choice = await vscode.window.showWarningMessage(unknownsMessage(payload.unknowns), { modal: true }, fill);
    if (choice !== fill) return undefined;
    const answers: UnknownAnswer[] = [];
    for (const [index, unknown] of payload.unknowns.entries()) {
      const typed = await vscode.window.showInputBox({
        title:
          unknown.path === ''
            ? vscode.l10n.t('iDenfy: the body ({0} of {1})', index + 1, payload.unknowns.length)
            : vscode.l10n.t('iDenfy: {0} ({1} of {2})', unknown.path, index + 1, payload.unknowns.length),
        prompt: answerPrompt(unknown),
        ignoreFocusOut: true,
        validateInput: (text) => {
          const parsed = parseAnswer(text, unknown);
          return parsed.ok ? undefined : parsed.message;
        },
      });
      if (typed === undefined) {
        void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: not sent (a computed value was not filled in).'));
        return undefined;
      }
      const parsed = parseAnswer(typed, unknown);
      if (!parsed.ok) return undefined;
      answers.push({ unknown, value: parsed.value });
    }
    const text = JSON.stringify(fillUnknowns(payload.value ?? null, answers), null, 2);
    // The filled-in values are checked by the same rules before sending.
    const { errors, warnings } = countProblems(text, { account: config.get('account'), countryBoundDocuments: config.get('countryBoundDocuments') });
    return { text, errorCount: errors, warningCount: warnings };
  }

  async function confirmDespiteErrors(body: BodyToSend): Promise<boolean> {
    if (body.errorCount === 0) return true;
    const anyway = vscode.l10n.t('Send Anyway');
    return (await vscode.window.showWarningMessage(errorsMessage(body.errorCount, body.warningCount), { modal: true }, anyway)) === anyway;
  }

  /** `idenfy.baseUrl`, checked (https only, except loopback); undefined after offering to open the setting. */
  async function baseUrlToSendTo(config: vscode.WorkspaceConfiguration): Promise<URL | undefined> {
    const base = validateBaseUrl(config.get<string>('baseUrl') ?? '');
    if (base.ok) return base.url;
    const open = actionLabel('openSettings');
    const choice = await vscode.window.showErrorMessage(vscode.l10n.t('iDenfy: {0}', base.message), open);
    if (choice === open) void vscode.commands.executeCommand('workbench.action.openSettings', 'idenfy.baseUrl');
    return undefined;
  }

  /**
   * Sends with retries in a cancellable progress notification that says which attempt is running. The notification
   * closes when the answer arrives: the task settles with the answer, and this resolves only after withProgress has
   * settled, so the result notification (shown by the caller afterwards) never appears beside a "sending…" one.
   */
  async function sendWithProgress(base: URL, credentials: { apiKey: string; apiSecret: string }, bodyText: string, config: vscode.WorkspaceConfiguration): Promise<SendResult> {
    const endpoint = tokenEndpointUrl(base).href;
    return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('iDenfy'), cancellable: true }, async (progress, token) => {
      const abort = new AbortController();
      const cancelled = token.onCancellationRequested(() => abort.abort());
      progress.report({ message: vscode.l10n.t('sending to {0}…', endpoint) });
      try {
        return await sendTokenRequest({
          baseUrl: base,
          apiKey: credentials.apiKey,
          apiSecret: credentials.apiSecret,
          bodyText,
          timeoutMs: (config.get<number>('request.timeoutSeconds') ?? 30) * 1000,
          maxRetries: config.get<number>('request.maxRetries') ?? 3,
          initialRetryDelayMs: config.get<number>('request.initialRetryDelayMs') ?? 1000,
          signal: abort.signal,
          onAttempt: (event) => {
            progress.report({
              message:
                event.type === 'request'
                  ? event.attempt === 1
                    ? vscode.l10n.t('sending to {0}…', endpoint)
                    : vscode.l10n.t('attempt {0} of {1}…', event.attempt, event.maxAttempts)
                  : vscode.l10n.t('{0}: retrying in {1} s (attempt {2} of {3})', event.reason, Math.ceil(event.delayMs / 1000), event.nextAttempt, event.maxAttempts),
            });
          },
        });
      } finally {
        cancelled.dispose();
      }
    });
  }

  /** When iDenfy's answer names a field, a diagnostic on it, unless the document changed since it was read. */
  function markAnsweredField(found: FoundPayload, result: SendResult, presentation: ReturnType<typeof presentResult>): void {
    const { document, versionAtStart, payload } = found;
    if (!presentation.field || !presentation.diagnostic || document.version !== versionAtStart || document.isClosed) return;
    const span = spanForField(payload.fieldSpans, presentation.field) ?? { start: payload.start, end: Math.min(payload.end, payload.start + 1) };
    const diagnostic = new vscode.Diagnostic(new vscode.Range(document.positionAt(span.start), document.positionAt(span.end)), presentation.diagnostic, vscode.DiagnosticSeverity.Error);
    diagnostic.source = vscode.l10n.t('iDenfy (response)');
    if (result.kind === 'api-error') diagnostic.code = result.identifier;
    diagnostics.set(document.uri, [diagnostic]);
  }

  async function showPresentation(result: SendResult, level: 'info' | 'warning' | 'error', message: string, actions: readonly ResultAction[]): Promise<void> {
    const show = level === 'info' ? vscode.window.showInformationMessage : level === 'warning' ? vscode.window.showWarningMessage : vscode.window.showErrorMessage;
    const labels = actions.map(actionLabel);
    const picked = await show(vscode.l10n.t('iDenfy: {0}', message), ...labels);
    const action = actions[labels.indexOf(picked ?? '')];
    switch (action) {
      case 'openVerificationLink':
        if (result.kind === 'success') await vscode.env.openExternal(vscode.Uri.parse(result.verificationUrl, true));
        break;
      case 'copyToken':
        if (result.kind === 'success') {
          await vscode.env.clipboard.writeText(result.authToken);
          void vscode.window.showInformationMessage(vscode.l10n.t('iDenfy: authToken copied to the clipboard.'));
        }
        break;
      case 'showOutput':
        channel.show(true);
        break;
      case 'setCredentials':
        await vscode.commands.executeCommand(COMMANDS.setCredentials);
        break;
      case 'openSettings':
        await vscode.commands.executeCommand('workbench.action.openSettings', 'idenfy.baseUrl');
        break;
    }
  }
}

// ---- target --------------------------------------------------------------------------------------------------

function resolveTarget(uriArg: unknown, offsetArg: unknown): { uri: vscode.Uri; offset: number } | undefined {
  if (typeof uriArg === 'string' || uriArg instanceof vscode.Uri) {
    const uri = typeof uriArg === 'string' ? vscode.Uri.parse(uriArg, true) : uriArg;
    const offset = typeof offsetArg === 'number' && Number.isFinite(offsetArg) && offsetArg >= 0 ? offsetArg : undefined;
    if (offset !== undefined) return { uri, offset };
    const editor = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    return { uri, offset: editor ? editor.document.offsetAt(editor.selection.active) : 0 };
  }
  const editor = vscode.window.activeTextEditor;
  return editor ? { uri: editor.document.uri, offset: editor.document.offsetAt(editor.selection.active) } : undefined;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(vscode.l10n.t('no answer within {0} s', ms / 1000))), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

// ---- credentials ---------------------------------------------------------------------------------------------

interface Credentials {
  apiKey: string;
  apiSecret: string;
  /** Where they come from, for the output's header line (in English, like the exchange). */
  source: string;
  /** The same for messages: from secret storage, from the environment, typed in. */
  from: 'secret-storage' | 'environment' | 'typed';
}

/** Secret storage, else IDENFY_API_KEY/IDENFY_API_SECRET, else ask; then the whitespace check. */
async function obtainCredentials(secrets: vscode.SecretStorage, keys: { apiKey: string; apiSecret: string } = SECRET_KEYS): Promise<Credentials | undefined> {
  const stored = { apiKey: await secrets.get(keys.apiKey), apiSecret: await secrets.get(keys.apiSecret) };
  const picked = pickCredentials(stored, process.env);
  let credentials: Credentials | undefined = picked
    ? { apiKey: picked.apiKey, apiSecret: picked.apiSecret, source: picked.source === 'secret-storage' ? 'secret storage' : 'IDENFY_API_KEY/IDENFY_API_SECRET', from: picked.source }
    : undefined;
  if (!credentials) {
    const typed = await askCredentials();
    if (!typed) return undefined;
    const save = vscode.l10n.t('Save in Secret Storage');
    const once = vscode.l10n.t('Use Once');
    const choice = await vscode.window.showInformationMessage(
      vscode.l10n.t("iDenfy: keep these credentials in VS Code's secret storage for the next requests? They never go to settings or files."),
      save,
      once,
    );
    if (choice === undefined) return undefined;
    if (choice === save) {
      await secrets.store(keys.apiKey, typed.apiKey);
      await secrets.store(keys.apiSecret, typed.apiSecret);
    }
    credentials = { ...typed, ...(choice === save ? ({ source: 'secret storage', from: 'secret-storage' } as const) : ({ source: 'typed in', from: 'typed' } as const)) };
  }

  const problems = checkCredentials(credentials.apiKey, credentials.apiSecret);
  const errors = problems.filter((p) => p.severity === 'error');
  if (errors.length) {
    const set = actionLabel('setCredentials');
    const choice = await vscode.window.showErrorMessage(vscode.l10n.t('iDenfy: {0}', errors.map((p) => p.message).join(' ')), set);
    if (choice === set) void vscode.commands.executeCommand(COMMANDS.setCredentials);
    return undefined;
  }
  if (problems.length) {
    const trimmed = vscode.l10n.t('Send Trimmed');
    const asIs = vscode.l10n.t('Send As Is');
    const hasWhitespace = credentials.apiKey !== credentials.apiKey.trim() || credentials.apiSecret !== credentials.apiSecret.trim();
    const buttons = hasWhitespace ? [trimmed, asIs] : [asIs];
    const text = problems.map((p) => p.message).join(' ');
    const message =
      credentials.from === 'secret-storage'
        ? vscode.l10n.t('iDenfy: {0} (credentials from secret storage)', text)
        : credentials.from === 'environment'
          ? vscode.l10n.t('iDenfy: {0} (credentials from IDENFY_API_KEY/IDENFY_API_SECRET)', text)
          : vscode.l10n.t('iDenfy: {0} (credentials as typed in)', text);
    const choice = await vscode.window.showWarningMessage(message, { modal: true }, ...buttons);
    if (choice === undefined) return undefined;
    if (choice === trimmed) credentials = { ...credentials, apiKey: credentials.apiKey.trim(), apiSecret: credentials.apiSecret.trim() };
  }
  return credentials;
}

async function askCredentials(): Promise<{ apiKey: string; apiSecret: string } | undefined> {
  const apiKey = await vscode.window.showInputBox({
    title: vscode.l10n.t('iDenfy API key (1 of 2)'),
    prompt: vscode.l10n.t("The API key from the iDenfy dashboard (it decides the environment: DEV, TEST, PROD). Stored only in VS Code's secret storage."),
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('Enter the API key.') : undefined),
  });
  if (apiKey === undefined) return undefined;
  const apiSecret = await vscode.window.showInputBox({
    title: vscode.l10n.t('iDenfy API secret (2 of 2)'),
    prompt: vscode.l10n.t("The API secret that goes with the key. Stored only in VS Code's secret storage."),
    password: true,
    ignoreFocusOut: true,
    validateInput: (text) => (text.trim() === '' ? vscode.l10n.t('Enter the API secret.') : undefined),
  });
  if (apiSecret === undefined) return undefined;
  return { apiKey, apiSecret };
}

/** `profile`: the active profile's name, named in the confirmation. */
async function setCredentials(secrets: vscode.SecretStorage, keys: { apiKey: string; apiSecret: string } = SECRET_KEYS, profile?: string): Promise<void> {
  const typed = await askCredentials();
  if (!typed) return;
  let { apiKey, apiSecret } = typed;
  const warnings = checkCredentials(apiKey, apiSecret).filter((p) => p.severity === 'warning');
  if (warnings.length) {
    const trimmed = vscode.l10n.t('Save Trimmed');
    const asIs = vscode.l10n.t('Save As Typed');
    const hasWhitespace = apiKey !== apiKey.trim() || apiSecret !== apiSecret.trim();
    const choice = await vscode.window.showWarningMessage(vscode.l10n.t('iDenfy: {0}', warnings.map((p) => p.message).join(' ')), { modal: true }, ...(hasWhitespace ? [trimmed, asIs] : [asIs]));
    if (choice === undefined) return;
    if (choice === trimmed) {
      apiKey = apiKey.trim();
      apiSecret = apiSecret.trim();
    }
  }
  await secrets.store(keys.apiKey, apiKey);
  await secrets.store(keys.apiSecret, apiSecret);
  void vscode.window.showInformationMessage(
    profile === undefined
      ? vscode.l10n.t("iDenfy: API credentials saved in VS Code's secret storage.")
      : vscode.l10n.t('iDenfy: API credentials saved in VS Code\'s secret storage (profile "{0}").', profile),
  );
}

async function clearCredentials(secrets: vscode.SecretStorage, keys: { apiKey: string; apiSecret: string } = SECRET_KEYS, profile?: string): Promise<void> {
  await secrets.delete(keys.apiKey);
  await secrets.delete(keys.apiSecret);
  const removed =
    profile === undefined
      ? vscode.l10n.t("iDenfy: API credentials removed from VS Code's secret storage.")
      : vscode.l10n.t('iDenfy: API credentials removed from VS Code\'s secret storage (profile "{0}").', profile);
  const fromEnvironment = process.env.IDENFY_API_KEY && process.env.IDENFY_API_SECRET;
  void vscode.window.showInformationMessage(fromEnvironment ? `${removed} ${vscode.l10n.t('IDENFY_API_KEY/IDENFY_API_SECRET from the environment are still used.')}` : removed);
}
