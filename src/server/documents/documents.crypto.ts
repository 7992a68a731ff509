import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto'
import { AppError } from '../errors.ts'

// Envelope encryption of documents at rest. Each document gets a fresh random AES-256 key; its
// content is sealed with AES-256-GCM under that key, with the document id as associated data (a
// blob moved to another document's row fails to open). The document key is itself sealed with
// AES-256-GCM under a master key derived (HKDF-SHA256) from PARTNINE_ENCRYPTION_KEY for this
// purpose only, so the configured key never encrypts two kinds of data. Rotating the master key
// rewraps 32-byte keys, not documents (`key_id` says which master key wrapped each one).

export const DOCUMENT_KEY_ID = 'hkdf-sha256:documents:v1'

export type SealedDocument = { keyId: string; wrappedKey: string; iv: string; tag: string; ciphertext: Buffer }

function masterKey(encryptionKey: string): Buffer {
  return Buffer.from(hkdfSync('sha256', encryptionKey, 'partnine', 'documents:key-wrap:v1', 32))
}

function refuse(documentId: string): AppError {
  return new AppError(
    'DOCUMENT_INTEGRITY_FAILED',
    `Document ${documentId} failed its integrity check (altered ciphertext, tag or key): it is not served`,
  )
}

export function sha256Hex(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex')
}

export function sealDocument(encryptionKey: string, documentId: string, plaintext: Buffer): SealedDocument {
  const key = randomBytes(32)
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', key, iv)
  cipher.setAAD(Buffer.from(`document:${documentId}`))
  const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()])
  const tag = cipher.getAuthTag()

  const wrapIv = randomBytes(12)
  const wrap = createCipheriv('aes-256-gcm', masterKey(encryptionKey), wrapIv)
  wrap.setAAD(Buffer.from(`document-key:${documentId}`))
  const wrapped = Buffer.concat([wrap.update(key), wrap.final()])
  key.fill(0)
  return {
    keyId: DOCUMENT_KEY_ID,
    wrappedKey: [wrapIv, wrapped, wrap.getAuthTag()].map((b) => b.toString('base64url')).join('.'),
    iv: iv.toString('base64url'),
    tag: tag.toString('base64url'),
    ciphertext,
  }
}

/** The plaintext, or DOCUMENT_INTEGRITY_FAILED when anything was altered (including its SHA-256). */
export function openDocument(
  encryptionKey: string,
  documentId: string,
  sealed: SealedDocument,
  expectedSha256: string,
): Buffer {
  if (sealed.keyId !== DOCUMENT_KEY_ID) throw refuse(documentId)
  let plaintext: Buffer
  try {
    const [wrapIv, wrapped, wrapTag] = sealed.wrappedKey.split('.').map((p) => Buffer.from(p, 'base64url'))
    if (!wrapIv || !wrapped || !wrapTag) throw refuse(documentId)
    const unwrap = createDecipheriv('aes-256-gcm', masterKey(encryptionKey), wrapIv)
    unwrap.setAAD(Buffer.from(`document-key:${documentId}`))
    unwrap.setAuthTag(wrapTag)
    const key = Buffer.concat([unwrap.update(wrapped), unwrap.final()])
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64url'))
    decipher.setAAD(Buffer.from(`document:${documentId}`))
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64url'))
    plaintext = Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()])
    key.fill(0)
  } catch {
    // node:crypto says only "Unsupported state or unable to authenticate data": ours says what it means.
    throw refuse(documentId)
  }
  if (sha256Hex(plaintext) !== expectedSha256) throw refuse(documentId)
  return plaintext
}
