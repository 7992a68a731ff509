import { describe, expect, it } from 'vitest'
import { contentDisposition, detectMediaType, MEDIA_TYPES, sanitiseFilename } from './documents.content.ts'
import { openDocument, sealDocument, sha256Hex } from './documents.crypto.ts'

const zip = (...names: string[]) =>
  Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(names.join('\0'))])

describe('detectMediaType', () => {
  it('recognises each allowed type from its bytes, with a matching extension', () => {
    expect(detectMediaType(Buffer.from('%PDF-1.4 …'), 'a.pdf')).toBe(MEDIA_TYPES.pdf)
    expect(detectMediaType(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]), 'a.PNG')).toBe(
      MEDIA_TYPES.png,
    )
    expect(detectMediaType(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 'a.jpeg')).toBe(MEDIA_TYPES.jpeg)
    expect(detectMediaType(zip('[Content_Types].xml', 'word/document.xml'), 'a.docx')).toBe(MEDIA_TYPES.docx)
    expect(detectMediaType(zip('[Content_Types].xml', 'xl/workbook.xml'), 'a.xlsx')).toBe(MEDIA_TYPES.xlsx)
    expect(detectMediaType(Buffer.from('Réponse de l’État requis\n'), 'a.txt')).toBe(MEDIA_TYPES.text)
  })

  it('refuses other content, macros, binary text and a mismatched extension', () => {
    for (const [bytes, name] of [
      [Buffer.from('MZ\x90\x00'), 'a.pdf'],
      [zip('[Content_Types].xml', 'word/document.xml', 'word/vbaProject.bin'), 'a.docx'],
      [zip('word/document.xml'), 'a.docx'],
      [Buffer.from([0x41, 0x00, 0x42]), 'a.txt'],
      [Buffer.from([0xc3, 0x28]), 'a.txt'],
      [Buffer.from('%PDF-1.4'), 'a.txt'],
      [Buffer.from('plain'), 'a'],
    ] as const) {
      expect(() => detectMediaType(bytes, name), name).toThrow(
        expect.objectContaining({ code: 'DOCUMENT_TYPE_NOT_ALLOWED' }),
      )
    }
  })
})

describe('sanitiseFilename and contentDisposition', () => {
  it('keeps the name, drops paths, controls and bidirectional overrides', () => {
    expect(sanitiseFilename('C:\\Users\\x\\Réponse\u202e.txt')).toBe('Réponse.txt')
    expect(sanitiseFilename('../../etc/pass<wd>.txt')).toBe('passwd.txt')
    expect(() => sanitiseFilename('../..')).toThrow()
    expect(contentDisposition('État "1".pdf')).toBe(
      `attachment; filename="_tat _1_.pdf"; filename*=UTF-8''%C3%89tat%20%221%22.pdf`,
    )
  })
})

describe('sealDocument / openDocument', () => {
  const key = 'test-encryption-key-0123456789abcdef'
  const plain = Buffer.from('sealed content')

  it('opens what it sealed, and refuses another key, another document id or altered bytes', () => {
    const sealed = sealDocument(key, 'doc-1', plain)
    expect(sealed.ciphertext.includes(plain)).toBe(false)
    expect(openDocument(key, 'doc-1', sealed, sha256Hex(plain)).equals(plain)).toBe(true)
    const refused = expect.objectContaining({ code: 'DOCUMENT_INTEGRITY_FAILED' })
    expect(() => openDocument(`${key}x`, 'doc-1', sealed, sha256Hex(plain))).toThrow(refused)
    expect(() => openDocument(key, 'doc-2', sealed, sha256Hex(plain))).toThrow(refused)
    const flipped = Buffer.from(sealed.ciphertext)
    flipped[0] = (flipped[0] ?? 0) ^ 1
    expect(() => openDocument(key, 'doc-1', { ...sealed, ciphertext: flipped }, sha256Hex(plain))).toThrow(refused)
    expect(() => openDocument(key, 'doc-1', sealed, sha256Hex(Buffer.from('other')))).toThrow(refused)
  })

  it('uses a fresh key and IV per document', () => {
    const a = sealDocument(key, 'doc-1', plain)
    const b = sealDocument(key, 'doc-1', plain)
    expect(a.wrappedKey).not.toBe(b.wrappedKey)
    expect(a.ciphertext.equals(b.ciphertext)).toBe(false)
  })
})
