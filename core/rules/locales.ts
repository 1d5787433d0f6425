/** Locales known from iDenfy's docs and SDKs; another code falls back to English. */
export const KNOWN_LOCALES: readonly string[] = [
  'en',
  'lt',
  'ru',
  'pl',
  'lv',
  'ro',
  'it',
  'de',
  'fr',
  'sv',
  'es',
  'hu',
  'ja',
  'bg',
  'et',
  'cs',
  'nl',
  'pt',
  'uk',
  'vi',
  'sk',
  'id',
  'hi',
  'th',
  'da',
  'el',
  'hr',
  'no',
  'sr',
  'fi',
  'tr',
  'zh',
  'ko',
  'sl',
];
export const KNOWN_LOCALE_SET: ReadonlySet<string> = new Set(KNOWN_LOCALES);

const languageNames = new Intl.DisplayNames(['en'], { type: 'language' });
export function localeName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
