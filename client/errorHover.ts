import * as vscode from 'vscode';
import { findErrorTokenAt } from '../core';

/** Languages in which code (or prose) handles iDenfy's answers. */
export const ERROR_HOVER_LANGUAGES: readonly string[] = [
  'typescript',
  'typescriptreact',
  'javascript',
  'javascriptreact',
  'python',
  'php',
  'go',
  'java',
  'csharp',
  'ruby',
  'json',
  'jsonc',
  'markdown',
  'plaintext',
];

/** Every hover language on any scheme (a selector without a scheme makes VS Code log a warning). */
export function errorHoverSelector(): vscode.DocumentFilter[] {
  return ERROR_HOVER_LANGUAGES.map((language) => ({ language, scheme: '*' }));
}

/** Hover documentation for iDenfy's error identifiers and status messages, in any of those languages. */
export function registerErrorIdentifierHover(context: vscode.ExtensionContext): void {
  const provider: vscode.HoverProvider = {
    provideHover(document, position) {
      const found = findErrorTokenAt(document.lineAt(position.line).text, position.character);
      if (!found) return undefined;
      // Untrusted: the text comes from the catalogue, but nothing in a hover needs to run commands.
      const markdown = new vscode.MarkdownString(found.markdown);
      markdown.isTrusted = false;
      return new vscode.Hover(markdown, new vscode.Range(position.line, found.start, position.line, found.end));
    },
  };
  context.subscriptions.push(vscode.languages.registerHoverProvider(errorHoverSelector(), provider));
}
