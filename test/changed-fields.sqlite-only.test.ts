import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { changedFields } from '../src/web/features/situations/changed-fields.ts'

// The web's change dialogs (src/web/features/situations/Edit*Modal.tsx) send only the fields that
// differ from the record: what they send, applied to the record, gives what the person typed.
// Pure functions: run once, not per database.

const text = fc.oneof(fc.constant(''), fc.constant('  '), fc.string({ maxLength: 12 }))
const normalised = (v: string) => v.trim() || null

describe('the fields a change sends', () => {
  it('are exactly those that differ, trimmed, an empty text as null', () => {
    fc.assert(
      fc.property(
        fc.record({
          name: fc.string({ minLength: 1, maxLength: 12 }),
          description: fc.option(fc.string({ maxLength: 12 })),
        }),
        fc.record({ name: text, description: text }),
        (record, typed) => {
          const changes = changedFields(record, typed)
          const after = { ...record, ...changes }
          expect(after).toEqual({ name: normalised(typed.name), description: normalised(typed.description) })
          for (const key of Object.keys(changes) as (keyof typeof changes)[]) expect(changes[key]).not.toBe(record[key])
        },
      ),
    )
  })

  it('sends nothing for what is typed as it already is, nor for a value that is not text', () => {
    expect(
      changedFields({ name: 'A', description: null as string | null }, { name: ' A ', description: '  ' }),
    ).toEqual({})
    expect(changedFields({ caseId: 'c1' as string | null }, { caseId: null })).toEqual({ caseId: null })
    expect(changedFields({ caseId: 'c1' as string | null }, { caseId: 'c1' })).toEqual({})
  })
})
