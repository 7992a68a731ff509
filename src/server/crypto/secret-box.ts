import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto'
import { AppError } from '../errors.ts'

// AES-256-GCM for small secrets at rest (TOTP seeds). The key is derived from the configured
// encryption key with a purpose label, so one master key never encrypts two kinds of data.
function keyFor(masterKey: string, purpose: string): Buffer {
  return createHash('sha256').update(`partnine:${purpose}:`).update(masterKey).digest()
}

export function sealSecret(masterKey: string, purpose: string, plaintext: string): string {
  const iv = randomBytes(12)
  const cipher = createCipheriv('aes-256-gcm', keyFor(masterKey, purpose), iv)
  cipher.setAAD(Buffer.from(purpose))
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
  return ['v1', iv.toString('base64url'), body.toString('base64url'), cipher.getAuthTag().toString('base64url')].join(
    '.',
  )
}

export function openSecret(masterKey: string, purpose: string, sealed: string): string {
  const [version, iv, body, tag] = sealed.split('.')
  if (version !== 'v1' || !iv || !body || !tag) throw new AppError('INTERNAL', 'Unreadable sealed secret')
  const decipher = createDecipheriv('aes-256-gcm', keyFor(masterKey, purpose), Buffer.from(iv, 'base64url'))
  decipher.setAAD(Buffer.from(purpose))
  decipher.setAuthTag(Buffer.from(tag, 'base64url'))
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8')
}
