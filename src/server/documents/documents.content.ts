import path from 'node:path'
import { AppError } from '../errors.ts'

// What a document is, decided from its bytes (magic numbers), never from the name or the header
// the client sends; and a file name that is safe to store and to put in Content-Disposition.

export const MEDIA_TYPES = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  text: 'text/plain; charset=utf-8',
} as const
type Kind = keyof typeof MEDIA_TYPES

/** File name extensions each kind may carry: a PNG named .pdf is refused as well as an .exe. */
const EXTENSIONS: Record<Kind, readonly string[]> = {
  pdf: ['.pdf'],
  png: ['.png'],
  jpeg: ['.jpg', '.jpeg'],
  docx: ['.docx'],
  xlsx: ['.xlsx'],
  text: ['.txt', '.text', '.csv', '.md'],
}

const startsWith = (bytes: Buffer, magic: number[]) => magic.every((b, i) => bytes[i] === b)

function detectKind(bytes: Buffer): Kind | null {
  if (bytes.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf'
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png'
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg'
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // Office Open XML is a zip whose entry names are stored in clear in its headers. Macros
    // (vbaProject.bin: .docm/.xlsm renamed) are not documents we pass on to the other side.
    if (!bytes.includes('[Content_Types].xml') || bytes.includes('vbaProject.bin')) return null
    if (bytes.includes('word/document.xml')) return 'docx'
    if (bytes.includes('xl/workbook.xml')) return 'xlsx'
    return null
  }
  return isPlainText(bytes) ? 'text' : null
}

/** UTF-8 without control characters other than tab, line feed, form feed and carriage return. */
function isPlainText(bytes: Buffer): boolean {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    return false
  }
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we refuse
  return !/[\u0000-\u0008\u000b\u000e-\u001f\u007f]/.test(text)
}

/** Strips any path, control and reserved characters; keeps letters of every script. */
export function sanitiseFilename(name: string): string {
  const base = name.normalize('NFC').split(/[/\\]/).pop() ?? ''
  const cleaned = base
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what we remove
    .replace(/[\u0000-\u001f\u007f-\u009f<>:"|?*\u202a-\u202e\u2066-\u2069]/g, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.]+|[\s.]+$/g, '')
  const ext = path.extname(cleaned).slice(0, 10)
  const stem = cleaned.slice(0, cleaned.length - path.extname(cleaned).length).slice(0, 180)
  const result = `${stem}${ext}`
  if (!stem)
    throw new AppError('VALIDATION_FAILED', 'The file name is empty once path and control characters are removed')
  return result
}

/** The media type of `bytes`, or DOCUMENT_TYPE_NOT_ALLOWED. */
export function detectMediaType(bytes: Buffer, filename: string): string {
  const kind = detectKind(bytes)
  const ext = path.extname(filename).toLowerCase()
  if (!kind) {
    throw new AppError(
      'DOCUMENT_TYPE_NOT_ALLOWED',
      'Accepted documents are PDF, PNG, JPEG, DOCX, XLSX and plain UTF-8 text (checked on the content)',
      { filename },
    )
  }
  if (!EXTENSIONS[kind].includes(ext)) {
    throw new AppError(
      'DOCUMENT_TYPE_NOT_ALLOWED',
      `The content is ${kind.toUpperCase()} but the file name ends in "${ext || '(nothing)'}"; expected ${EXTENSIONS[kind].join(', ')}`,
      { filename, detected: MEDIA_TYPES[kind] },
    )
  }
  return MEDIA_TYPES[kind]
}

/** Content-Disposition for a download: an ASCII fallback and the exact name (RFC 6266 / 8187). */
export function contentDisposition(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\;]/g, '_')
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`
}

/**
 * The bytes of an upload sent as base64 (documents, photos): refused when empty, over `maxBytes`
 * or not strictly base64. `what` names it in the messages ("document", "photo").
 */
export function decodeUpload(text: string, maxBytes: number, what: 'document' | 'photo'): Buffer {
  const tooLarge = () =>
    new AppError(
      'DOCUMENT_TOO_LARGE',
      `${what === 'photo' ? 'Photos' : 'Documents'} are limited to ${maxBytes} bytes`,
      {
        maxBytes,
      },
    )
  // A base64 string decodes to 3/4 of its length: refuse before allocating a huge buffer.
  if (Math.floor((text.length * 3) / 4) - 2 > maxBytes) throw tooLarge()
  const bytes = Buffer.from(text, 'base64')
  // Buffer.from ignores what is not base64: the round trip proves nothing was dropped.
  if (bytes.toString('base64') !== text) throw new AppError('VALIDATION_FAILED', 'contentBase64 is not valid base64')
  if (bytes.length === 0) throw new AppError('VALIDATION_FAILED', `The ${what} is empty`)
  if (bytes.length > maxBytes) throw tooLarge()
  return bytes
}
