import { analyzeJson } from '../json';
import { normalizeSettings } from '../settings';

/**
 * Errors and warnings of a body about to be sent (after computed values were filled in), by the same rules as the
 * editor's diagnostics. `rawSettings` is `idenfy.*` in any form `normalizeSettings` reads.
 */
export function countProblems(bodyText: string, rawSettings?: unknown): { errors: number; warnings: number } {
  const { settings } = normalizeSettings(rawSettings);
  const { findings } = analyzeJson({ text: bodyText, allowComments: false, isPayloadFile: true }, settings);
  return {
    errors: findings.filter((f) => f.severity === 'error').length,
    warnings: findings.filter((f) => f.severity === 'warning').length,
  };
}
