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

// Created on first use: building it loads ICU's language data, about 7 ms of every server start otherwise.
let languageNames: Intl.DisplayNames | undefined;
export function localeName(code: string): string {
  try {
    languageNames ??= new Intl.DisplayNames(['en'], { type: 'language' });
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}
