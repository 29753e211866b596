// i18next set-up: the locales/<lang>/*.json files of a language merge into its one set of keys; Arabic is the default.
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Lang } from '../../electron/contract/schemas';

type Tree = { [key: string]: string | Tree };

const files = import.meta.glob<Tree>('../../locales/*/*.json', { eager: true, import: 'default' });

function buildResources(): Record<Lang, { translation: Tree }> {
  const resources: Record<Lang, { translation: Tree }> = { ar: { translation: {} }, en: { translation: {} } };
  for (const [path, tree] of Object.entries(files)) {
    const match = /locales\/(ar|en)\/[\w-]+\.json$/.exec(path);
    if (!match) continue;
    const lang = match[1] === 'en' ? 'en' : 'ar';
    // Each file holds whole top-level sections (common, errors, …); scripts/check-i18n.ts rejects overlaps.
    Object.assign(resources[lang].translation, tree);
  }
  return resources;
}

const LANG_KEY = 'tahseel.lang';

/** The language this device last used (before anyone signs in), Arabic by default. */
export function storedLang(): Lang {
  return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'ar';
}

export function directionOf(lang: Lang): 'rtl' | 'ltr' {
  return lang === 'ar' ? 'rtl' : 'ltr';
}

/** Switch the UI language: translations, `<html lang dir>`, and the device's remembered choice. */
export async function applyLang(lang: Lang): Promise<void> {
  localStorage.setItem(LANG_KEY, lang);
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
  if (i18n.language !== lang) await i18n.changeLanguage(lang);
}

export function currentLang(): Lang {
  return i18n.language === 'en' ? 'en' : 'ar';
}

/** Initialise once at start-up, before the first render. */
export function initI18n(): void {
  const lang = storedLang();
  document.documentElement.lang = lang;
  document.documentElement.dir = directionOf(lang);
  void i18n.use(initReactI18next).init({
    resources: buildResources(),
    lng: lang,
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
}

export { i18n };
