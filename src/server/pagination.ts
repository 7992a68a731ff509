import { AppError } from './errors.ts'

// Keyset cursors are opaque to clients: base64url of the last row's sort key.
export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url')
}

export function decodeCursor<T>(cursor: string, isValid: (value: unknown) => value is T): T {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
    if (isValid(value)) return value
  } catch {
    // fall through: any undecodable cursor is the same client error
  }
  throw new AppError('INVALID_CURSOR', 'The cursor is not one this server issued')
}
