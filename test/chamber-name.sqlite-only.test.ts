import { describe, expect, it } from 'vitest'
import { formatChamber } from '../src/web/format.ts'

// The web shows a Chamber recorded in English under its French name when the UI is in French.
// A pure function: run once, not per database.

describe('a Chamber in the UI language', () => {
  it('names the Court’s Chambers in French, numbered or not, fictional ones said so', () => {
    expect(formatChamber('Pre-Trial Chamber II', 'fr')).toBe('Chambre préliminaire II')
    expect(formatChamber('Trial Chamber VII', 'fr')).toBe('Chambre de première instance VII')
    expect(formatChamber('Appeals Chamber', 'fr')).toBe('Chambre d’appel')
    expect(formatChamber('Pre-Trial Chamber IX (fictional)', 'fr')).toBe('Chambre préliminaire IX (fictive)')
  })

  it('leaves English, other names and no name as they are', () => {
    expect(formatChamber('Pre-Trial Chamber II', 'en')).toBe('Pre-Trial Chamber II')
    expect(formatChamber('Chambre préliminaire I', 'fr')).toBe('Chambre préliminaire I')
    expect(formatChamber('Pre-Trial Chamber II, single judge', 'fr')).toBe('Pre-Trial Chamber II, single judge')
    expect(formatChamber(null, 'fr')).toBe('—')
  })
})
