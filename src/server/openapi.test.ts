import { readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { generateOpenApiDocument } from './openapi-document.ts'

describe('openapi.json', () => {
  it('is committed up to date with the routes (run `npm run openapi` after an API change)', async () => {
    const committed = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../openapi.json'), 'utf8'))
    expect(JSON.parse(JSON.stringify(await generateOpenApiDocument()))).toEqual(committed)
  })
})
