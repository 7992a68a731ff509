import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { type ErrorCode, errorStatus } from '../src/server/errors.ts'

// The web app's strings: the shared files (src/web/i18n) and each feature's own
// (src/web/features/<feature>/locales). English and French are both first-class, so every key
// exists in both, and a namespace lives in one file only (i18n.ts merges them flat).
// Runs once (the file name keeps it out of the PostgreSQL project: it touches no database).

type Messages = { [key: string]: string | Messages }
const root = join(import.meta.dirname, '..', 'src', 'web')

function localeFiles(): { source: string; en: Messages; fr: Messages }[] {
  const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Messages
  const files = [{ source: 'i18n', en: read(join(root, 'i18n/en.json')), fr: read(join(root, 'i18n/fr.json')) }]
  for (const feature of readdirSync(join(root, 'features'))) {
    const dir = join(root, 'features', feature, 'locales')
    let names: string[]
    try {
      names = readdirSync(dir)
    } catch {
      continue
    }
    if (names.length > 0)
      files.push({ source: `features/${feature}`, en: read(join(dir, 'en.json')), fr: read(join(dir, 'fr.json')) })
  }
  return files
}

function keys(messages: Messages, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  )
}

function values(messages: Messages, prefix = ''): [string, string][] {
  return Object.entries(messages).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : values(v, `${prefix}${k}.`),
  )
}

describe('web app strings', () => {
  const files = localeFiles()

  it.each(files.map((f) => [f.source, f] as const))('%s: every English key has a French string and back', (_, f) => {
    const en = keys(f.en)
    const fr = keys(f.fr)
    expect(en.filter((k) => !fr.includes(k))).toEqual([])
    expect(fr.filter((k) => !en.includes(k))).toEqual([])
    expect(values(f.fr).filter(([, v]) => v.trim() === '')).toEqual([])
  })

  it('no namespace is defined in two files', () => {
    const owner = new Map<string, string>()
    const clashes: string[] = []
    for (const f of files) {
      for (const ns of Object.keys(f.en)) {
        const before = owner.get(ns)
        if (before) clashes.push(`${ns}: ${before} and ${f.source}`)
        owner.set(ns, f.source)
      }
    }
    expect(clashes).toEqual([])
  })

  // The web shows an API error by its code (components/ApiErrorAlert.tsx) and falls back to the
  // server's English message: a French user would read English. Every code a browser can
  // receive has its text in both languages; only start-up refusals, raised before the server
  // listens, need none.
  it('every error code a browser can receive has its message in English and French', () => {
    const startUp: ErrorCode[] = [
      'CONFIG_INVALID',
      'DATABASE_PRAGMAS_REJECTED',
      'DEMO_ACCOUNTS_IN_PRODUCTION',
      'SECRET_MISSING',
    ]
    const codes = (Object.keys(errorStatus) as ErrorCode[]).filter((c) => !startUp.includes(c))
    const shared = files.find((f) => f.source === 'i18n')
    for (const language of ['en', 'fr'] as const) {
      const errors = shared?.[language].errors as Messages
      expect(
        codes.filter((c) => typeof errors[c] !== 'string'),
        language,
      ).toEqual([])
    }
  })
})
