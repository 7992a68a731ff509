import { randomBytes } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { AppError } from './errors.ts'

export type Dialect = 'sqlite' | 'postgres'

export type Config = Readonly<{
  host: string
  port: number
  dataDir: string
  databaseUrl: string
  dialect: Dialect
  /** Path of the SQLite file, when dialect is sqlite. */
  sqlitePath: string | null
  demo: boolean
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'
  /** Largest accepted request body, in bytes. */
  bodyLimit: number
  /** Largest document accepted by an upload, in bytes (its route alone allows a larger body). */
  documentMaxBytes: number
  trustProxy: boolean
  /** Directory holding the built web app (index.html and assets). */
  webDir: string
  secrets: Readonly<{ sessionKey: string; encryptionKey: string; auditSigningKey: string }>
  /** The address browsers use to reach us (no trailing slash); single sign-on redirect URIs hang off it. */
  publicUrl: string
  /** OpenID Connect identity providers for single sign-on (docs/sso.md); empty when there are none. */
  oidcProviders: readonly OidcProviderConfig[]
  /** Where notification e-mails go out (docs/notifications.md); null: none are sent or queued. */
  mail: MailConfig | null
  /** Lines worth telling the operator at start (e.g. that secrets were generated). */
  notices: readonly string[]
}>

export type MailConfig = Readonly<{
  /** smtp://[user:password@]host[:port] (STARTTLS required off loopback) or smtps://… */
  smtpUrl: string
  /** The From of every notification, e.g. "Part IX <no-reply@example.org>". */
  from: string
}>

const LOOPBACK_HOST = /^(127(\.\d{1,3}){3}|\[::1\]|localhost)$/i

/** A plain-http issuer is allowed only on loopback (tests, a local IdP); anything else is TLS. */
export function isLoopbackUrl(url: string): boolean {
  return LOOPBACK_HOST.test(new URL(url).hostname)
}

const OidcProviderSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'lower-case letters, digits and dashes (it goes in URLs)'),
  name: z.string().min(1).max(80),
  issuer: z
    .url({ protocol: /^https?$/ })
    .refine((u) => u.startsWith('https:') || isLoopbackUrl(u), 'must be https (plain http only on loopback)'),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1).optional(),
  // The organisation whose users this IdP vouches for: it can never sign in anyone else.
  orgCode: z.string().min(1),
  // Whether a second factor done at the IdP (ID token `amr`) replaces our TOTP step.
  trustIdpMfa: z.boolean().default(false),
})
export type OidcProviderConfig = Readonly<z.infer<typeof OidcProviderSchema>>

const OidcProvidersSchema = z
  .string()
  .transform((text, ctx) => {
    try {
      return JSON.parse(text) as unknown
    } catch {
      ctx.addIssue({ code: 'custom', message: 'must be a JSON array of providers' })
      return z.NEVER
    }
  })
  .pipe(
    z
      .array(OidcProviderSchema)
      .refine((list) => new Set(list.map((p) => p.id)).size === list.length, 'provider ids must be unique'),
  )

const projectRoot = path.resolve(import.meta.dirname, '../..')

const EnvSchema = z.object({
  PARTNINE_HOST: z.string().min(1).default('127.0.0.1'),
  PARTNINE_PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  PARTNINE_DATA_DIR: z.string().min(1).default('./data'),
  PARTNINE_DATABASE_URL: z
    .string()
    .regex(/^(sqlite:.+|postgres(ql)?:\/\/.+)$/, 'must be sqlite:<path> or postgres://…')
    .optional(),
  PARTNINE_DEMO: z.enum(['0', '1']).default('1'),
  PARTNINE_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PARTNINE_BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .max(64 * 1024 * 1024)
    .default(1024 * 1024),
  PARTNINE_DOCUMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(100 * 1024 * 1024)
    .default(10 * 1024 * 1024),
  PARTNINE_WEB_DIR: z.string().min(1).optional(),
  // 1 behind a TLS-terminating reverse proxy: X-Forwarded-* are then believed (Secure cookies).
  PARTNINE_TRUST_PROXY: z.enum(['0', '1']).default('0'),
  // 32 random bytes, base64 or hex. No defaults: see resolveSecrets.
  PARTNINE_SESSION_KEY: z.string().min(32).optional(),
  PARTNINE_ENCRYPTION_KEY: z.string().min(32).optional(),
  // Ed25519 seed (32 bytes, base64) that signs audit checkpoints.
  PARTNINE_AUDIT_SIGNING_KEY: z.string().min(40).optional(),
  // Default http://<host>:<port>; set it when users reach the server through another address.
  PARTNINE_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  PARTNINE_OIDC_PROVIDERS: OidcProvidersSchema.optional(),
  // Notifications by e-mail (docs/notifications.md): both, or neither.
  PARTNINE_SMTP_URL: z
    .url({ protocol: /^smtps?$/, error: 'must be smtp://host[:port] or smtps://host[:port]' })
    .optional(),
  PARTNINE_MAIL_FROM: z
    .string()
    .regex(/^([^<>\r\n]{1,100} )?<?[^\s<>@]+@[^\s<>@]+>?$/, 'must be an address, e.g. Part IX <no-reply@example.org>')
    .optional(),
})

/**
 * Reads the environment once, lists every problem at once, and returns a frozen Config.
 * With the embedded SQLite database and no secrets in the environment, the secrets are generated
 * once into `<data dir>/secrets.json` (mode 0600) and reused; PostgreSQL deployments must supply
 * them, because several processes must share them and a generated file would not be shared.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)
    throw new AppError('CONFIG_INVALID', `Invalid configuration:\n  ${problems.join('\n  ')}`, problems)
  }
  const e = parsed.data
  if ((e.PARTNINE_SMTP_URL === undefined) !== (e.PARTNINE_MAIL_FROM === undefined)) {
    const problem = 'PARTNINE_SMTP_URL and PARTNINE_MAIL_FROM: set both to send notifications, or neither'
    throw new AppError('CONFIG_INVALID', `Invalid configuration:\n  ${problem}`, [problem])
  }
  const dataDir = path.resolve(e.PARTNINE_DATA_DIR)
  const databaseUrl = e.PARTNINE_DATABASE_URL ?? `sqlite:${path.join(dataDir, 'partnine.db')}`
  const dialect: Dialect = databaseUrl.startsWith('sqlite:') ? 'sqlite' : 'postgres'
  const sqlitePath = dialect === 'sqlite' ? path.resolve(databaseUrl.slice('sqlite:'.length)) : null
  const notices: string[] = []
  const secrets = resolveSecrets({
    dialect,
    dataDir,
    sessionKey: e.PARTNINE_SESSION_KEY,
    encryptionKey: e.PARTNINE_ENCRYPTION_KEY,
    auditSigningKey: e.PARTNINE_AUDIT_SIGNING_KEY,
    notices,
  })
  return deepFreeze({
    host: e.PARTNINE_HOST,
    port: e.PARTNINE_PORT,
    dataDir,
    databaseUrl,
    dialect,
    sqlitePath,
    demo: e.PARTNINE_DEMO === '1',
    logLevel: e.PARTNINE_LOG_LEVEL,
    bodyLimit: e.PARTNINE_BODY_LIMIT,
    documentMaxBytes: e.PARTNINE_DOCUMENT_MAX_BYTES,
    trustProxy: e.PARTNINE_TRUST_PROXY === '1',
    webDir: path.resolve(e.PARTNINE_WEB_DIR ?? path.join(projectRoot, 'dist/web')),
    secrets,
    publicUrl: (e.PARTNINE_PUBLIC_URL ?? defaultPublicUrl(e.PARTNINE_HOST, e.PARTNINE_PORT)).replace(/\/+$/, ''),
    oidcProviders: e.PARTNINE_OIDC_PROVIDERS ?? [],
    mail:
      e.PARTNINE_SMTP_URL && e.PARTNINE_MAIL_FROM ? { smtpUrl: e.PARTNINE_SMTP_URL, from: e.PARTNINE_MAIL_FROM } : null,
    notices,
  })
}

function defaultPublicUrl(host: string, port: number): string {
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`
}

type SecretInput = {
  dialect: Dialect
  dataDir: string
  sessionKey: string | undefined
  encryptionKey: string | undefined
  auditSigningKey: string | undefined
  notices: string[]
}

const SecretsFile = z.strictObject({
  sessionKey: z.string().min(32),
  encryptionKey: z.string().min(32),
  // Added after the first release: a secrets file without it gets it appended.
  auditSigningKey: z.string().min(40).optional(),
})
const SECRET_NAMES = {
  sessionKey: 'PARTNINE_SESSION_KEY',
  encryptionKey: 'PARTNINE_ENCRYPTION_KEY',
  auditSigningKey: 'PARTNINE_AUDIT_SIGNING_KEY',
} as const
type Secrets = { sessionKey: string; encryptionKey: string; auditSigningKey: string }

function resolveSecrets(input: SecretInput): Config['secrets'] {
  const supplied = {
    sessionKey: input.sessionKey,
    encryptionKey: input.encryptionKey,
    auditSigningKey: input.auditSigningKey,
  }
  const missing = (Object.keys(SECRET_NAMES) as (keyof Secrets)[]).filter((k) => !supplied[k])
  if (missing.length === 0) return supplied as Secrets
  if (input.dialect === 'postgres') {
    const names = missing.map((k) => SECRET_NAMES[k])
    throw new AppError(
      'SECRET_MISSING',
      `With PostgreSQL, ${names.join(' and ')} must be set (32 random bytes, e.g. \`openssl rand -base64 32\`).`,
      names,
    )
  }
  const file = path.join(input.dataDir, 'secrets.json')
  let stored: Partial<Secrets> = {}
  if (existsSync(file)) {
    const mode = statSync(file).mode & 0o777
    if (mode & 0o077) {
      throw new AppError(
        'SECRET_MISSING',
        `${file} is readable by other users (mode ${mode.toString(8)}); chmod 600 it.`,
      )
    }
    stored = SecretsFile.parse(JSON.parse(readFileSync(file, 'utf8')))
  }
  const generated: Secrets = {
    sessionKey: stored.sessionKey ?? randomBytes(32).toString('base64'),
    encryptionKey: stored.encryptionKey ?? randomBytes(32).toString('base64'),
    auditSigningKey: stored.auditSigningKey ?? randomBytes(32).toString('base64'),
  }
  const added = (Object.keys(SECRET_NAMES) as (keyof Secrets)[]).filter((k) => !stored[k])
  if (added.length > 0) {
    mkdirSync(input.dataDir, { recursive: true })
    const existed = existsSync(file)
    writeFileSync(file, `${JSON.stringify(generated, null, 2)}\n`, { mode: 0o600, flag: existed ? 'w' : 'wx' })
    chmodSync(file, 0o600)
    input.notices.push(
      `Generated new secrets (${added.join(', ')}) into ${file} (mode 0600). Back this file up with the database.`,
    )
  }
  return {
    sessionKey: supplied.sessionKey ?? generated.sessionKey,
    encryptionKey: supplied.encryptionKey ?? generated.encryptionKey,
    auditSigningKey: supplied.auditSigningKey ?? generated.auditSigningKey,
  }
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v)
    Object.freeze(value)
  }
  return value
}
