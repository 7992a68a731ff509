import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadConfig } from '../config.ts'
import { AppError } from '../errors.ts'
import { safeReturnTo } from './oidc.flow.ts'

const env = (extra: Record<string, string>) => ({
  PARTNINE_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'partnine-oidc-config-')),
  ...extra,
})
const provider = {
  id: 'registry',
  name: 'Registry',
  issuer: 'https://login.example.org/realms/icc',
  clientId: 'partnine',
  orgCode: 'ICC-REGISTRY',
}

function problemsOf(extra: Record<string, string>): string {
  try {
    loadConfig(env(extra))
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return ((error as AppError).details as string[]).join('\n')
  }
  throw new Error('expected the configuration to be refused')
}

describe('single sign-on configuration', () => {
  it('has no providers by default and a public URL built from host and port', () => {
    const config = loadConfig(env({ PARTNINE_PORT: '9000' }))
    expect(config.oidcProviders).toEqual([])
    expect(config.publicUrl).toBe('http://127.0.0.1:9000')
  })

  it('reads providers from PARTNINE_OIDC_PROVIDERS and trusts no IdP for MFA unless told', () => {
    const config = loadConfig(
      env({
        PARTNINE_PUBLIC_URL: 'https://partnine.example.org/',
        PARTNINE_OIDC_PROVIDERS: JSON.stringify([provider, { ...provider, id: 'otp', trustIdpMfa: true }]),
      }),
    )
    expect(config.publicUrl).toBe('https://partnine.example.org')
    expect(config.oidcProviders).toEqual([
      { ...provider, trustIdpMfa: false },
      { ...provider, id: 'otp', trustIdpMfa: true },
    ])
    expect(Object.isFrozen(config.oidcProviders[0])).toBe(true)
  })

  it('lists every provider problem at once, with the other settings’ problems', () => {
    const problems = problemsOf({
      PARTNINE_PORT: 'eighty',
      PARTNINE_OIDC_PROVIDERS: JSON.stringify([
        { ...provider, id: 'Bad Id', issuer: 'http://login.example.org' },
        { ...provider, clientId: '', extra: 1 },
      ]),
    })
    expect(problems).toContain('PARTNINE_PORT')
    expect(problems).toMatch(/PARTNINE_OIDC_PROVIDERS\.0\.id/)
    expect(problems).toMatch(/PARTNINE_OIDC_PROVIDERS\.0\.issuer: must be https/)
    expect(problems).toMatch(/PARTNINE_OIDC_PROVIDERS\.1\.clientId/)
    expect(problems).toMatch(/PARTNINE_OIDC_PROVIDERS\.1.*extra/)
  })

  it('refuses text that is not JSON, and duplicate ids', () => {
    expect(problemsOf({ PARTNINE_OIDC_PROVIDERS: '[{' })).toMatch(/PARTNINE_OIDC_PROVIDERS: must be a JSON array/)
    expect(problemsOf({ PARTNINE_OIDC_PROVIDERS: JSON.stringify([provider, provider]) })).toMatch(/unique/)
  })

  it('accepts a plain-http issuer on loopback only', () => {
    for (const issuer of ['http://127.0.0.1:4190', 'http://localhost:4190', 'http://[::1]:4190']) {
      expect(
        loadConfig(env({ PARTNINE_OIDC_PROVIDERS: JSON.stringify([{ ...provider, issuer }]) })).oidcProviders,
      ).toHaveLength(1)
    }
    expect(
      problemsOf({ PARTNINE_OIDC_PROVIDERS: JSON.stringify([{ ...provider, issuer: 'http://10.0.0.1' }]) }),
    ).toMatch(/must be https/)
  })
})

describe('safeReturnTo', () => {
  it('keeps paths on this site and turns anything else into /', () => {
    expect(safeReturnTo('/cases?x=1#y')).toBe('/cases?x=1#y')
    for (const bad of [undefined, '', 'https://evil.example', '//evil.example', '/\\evil.example', 'cases', '/a\nb']) {
      expect(safeReturnTo(bad)).toBe('/')
    }
  })
})
