import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json' with { type: 'json' }
import fr from './fr.json' with { type: 'json' }

export const LANGUAGES = ['en', 'fr'] as const
export type UiLanguage = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'partnine.language'

type Messages = { [key: string]: string | Messages }

// A feature may keep its own strings next to its screens (features/<feature>/locales/en.json and
// fr.json); they join the shared files under the same namespace, so `t('warrants.title')` works
// wherever the key lives. A key defined twice is a mistake: the shared file wins, and the
// i18n parity test names it.
const featureMessages = import.meta.glob<Messages>('../features/*/locales/*.json', { eager: true, import: 'default' })

function messagesFor(language: UiLanguage, shared: Messages): Messages {
  const merged: Messages = {}
  for (const [path, messages] of Object.entries(featureMessages)) {
    if (path.endsWith(`/${language}.json`)) Object.assign(merged, messages)
  }
  return { ...merged, ...shared }
}

function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value)
}

/** The language chosen last time on this browser, else the browser's preference, else English. */
function initialLanguage(): UiLanguage {
  const stored = window.localStorage.getItem(STORAGE_KEY)
  if (isUiLanguage(stored)) return stored
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en'
}

export function currentLanguage(): UiLanguage {
  return isUiLanguage(i18next.language) ? i18next.language : 'en'
}

export async function changeLanguage(language: UiLanguage) {
  window.localStorage.setItem(STORAGE_KEY, language)
  await i18next.changeLanguage(language)
}

// Screen readers pick their voice from <html lang>, so it follows the UI language.
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language
})

export async function initI18n() {
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: messagesFor('en', en) }, fr: { translation: messagesFor('fr', fr) } },
    lng: initialLanguage(),
    fallbackLng: 'en',
    supportedLngs: LANGUAGES,
    interpolation: { escapeValue: false }, // React escapes already
    returnNull: false,
  })
  document.documentElement.lang = currentLanguage()
  return i18next
}
