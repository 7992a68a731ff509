// Writes the OpenAPI document to openapi.json (committed, so API changes show in review).
// `npm run openapi`; src/server/openapi.test.ts fails when the committed file is stale.
import { writeFileSync } from 'node:fs'
import path from 'node:path'
import { generateOpenApiDocument } from '../src/server/openapi-document.ts'

const file = path.resolve(import.meta.dirname, '../openapi.json')
writeFileSync(file, `${JSON.stringify(await generateOpenApiDocument(), null, 2)}\n`)
process.stdout.write(`wrote ${file}\n`)
