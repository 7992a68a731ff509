import { createHash, createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto'
import { canonicalJson } from './audit.hash.ts'

/** What a checkpoint signs: exactly these four fields, as canonical JSON (UTF-8, no newline). */
export type CheckpointStatement = {
  lastEventId: number
  lastHash: string
  eventCount: number
  createdAt: string
}

export type AuditSigner = {
  privateKey: KeyObject
  publicKey: KeyObject
  /** Raw 32-byte public key, base64. */
  publicKeyBase64: string
  keyId: string
}

// A PKCS#8 DER wrapping of a raw Ed25519 seed is this fixed 16-byte prefix followed by the seed
// (RFC 8410): node:crypto has no "import raw private key" for Ed25519, so we build the DER.
const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex')
// Likewise an SPKI DER public key is a 12-byte prefix followed by the raw 32-byte key.
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex')

const signers = new Map<string, AuditSigner>()

/** The signer for config.secrets.auditSigningKey (a base64 32-byte Ed25519 seed). */
export function auditSignerFromSeed(seedBase64: string): AuditSigner {
  const cached = signers.get(seedBase64)
  if (cached) return cached
  const seed = Buffer.from(seedBase64, 'base64')
  if (seed.length !== 32) throw new Error(`The audit signing key must be 32 bytes (base64); got ${seed.length}`)
  const privateKey = createPrivateKey({
    key: Buffer.concat([PKCS8_ED25519_PREFIX, seed]),
    format: 'der',
    type: 'pkcs8',
  })
  const publicKey = createPublicKey(privateKey)
  const raw = rawPublicKey(publicKey)
  const signer = { privateKey, publicKey, publicKeyBase64: raw.toString('base64'), keyId: keyIdOf(raw) }
  signers.set(seedBase64, signer)
  return signer
}

export function rawPublicKey(publicKey: KeyObject): Buffer {
  return publicKey.export({ type: 'spki', format: 'der' }).subarray(SPKI_ED25519_PREFIX.length)
}

export function publicKeyFromRaw(base64: string): KeyObject {
  return createPublicKey({
    key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(base64, 'base64')]),
    format: 'der',
    type: 'spki',
  })
}

/** Accepts a PEM public key, a raw base64 key or a KeyObject (what --public-key and tests pass). */
export function toPublicKey(key: KeyObject | string): KeyObject {
  if (typeof key !== 'string') return key
  return key.includes('-----BEGIN') ? createPublicKey(key) : publicKeyFromRaw(key.trim())
}

export function keyIdOf(raw: Buffer): string {
  return createHash('sha256').update(raw).digest('hex').slice(0, 16)
}

export function statementBytes(statement: CheckpointStatement): Buffer {
  return Buffer.from(
    canonicalJson({
      createdAt: statement.createdAt,
      eventCount: statement.eventCount,
      lastEventId: statement.lastEventId,
      lastHash: statement.lastHash,
    }),
    'utf8',
  )
}

/** Ed25519 signature (64 bytes) of the statement; Ed25519 hashes internally, hence `null`. */
export function signStatement(signer: AuditSigner, statement: CheckpointStatement): Buffer {
  return sign(null, statementBytes(statement), signer.privateKey)
}

export function isStatementSignedBy(statement: CheckpointStatement, signature: Buffer, key: KeyObject): boolean {
  try {
    return verify(null, statementBytes(statement), key, signature)
  } catch {
    return false // a malformed signature or a key of another type is simply not a valid signature
  }
}
