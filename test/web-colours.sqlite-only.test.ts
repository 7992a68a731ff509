import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'
import { describe, expect, it } from 'vitest'

// Mantine 9 paints the "light" variant of a theme colour given with a shade ("green.9") in that
// full shade, under text of the same hue: the text disappears, and axe-core did not report it
// (an audit verification and the users' status were unreadable that way). Such components take a
// hex colour (theme.ts TONE) or a theme colour without a shade. Runs once: it touches no database.

const root = join(import.meta.dirname, '..', 'src', 'web')

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sources(path)
    return entry.name.endsWith('.tsx') ? [path] : []
  })
}

/** The opening JSX tags of `text`, from `<Name` to its `>` (an arrow's `=>` does not end one). */
function openingTags(text: string): string[] {
  const tags: string[] = []
  for (const match of text.matchAll(/<[A-Z][\w.]*/g)) {
    let end = match.index + match[0].length
    let depth = 0
    for (; end < text.length; end++) {
      const c = text[end]
      if (c === '{') depth++
      else if (c === '}') depth--
      else if (c === '>' && depth === 0 && text[end - 1] !== '=') break
    }
    tags.push(text.slice(match.index, end + 1))
  }
  return tags
}

const LIGHT = /variant=(?:"light"|\{'light'\})/
const SHADED_THEME_COLOUR = /['"][a-z]+\.\d['"]/

describe('the web app’s colours', () => {
  it('finds the tags it checks, attributes over several lines included', () => {
    const tags = openingTags(`<Alert\n  color="red.9"\n  onClose={() => x > 1}\n  variant="light"\n>text</Alert>`)
    expect(tags).toHaveLength(1)
    expect(LIGHT.test(tags[0] ?? '') && SHADED_THEME_COLOUR.test(tags[0] ?? '')).toBe(true)
  })

  it('never asks for the light variant of a theme colour with a shade', () => {
    const offending = sources(root).flatMap((file) =>
      openingTags(readFileSync(file, 'utf8'))
        .filter((tag) => LIGHT.test(tag) && SHADED_THEME_COLOUR.test(tag))
        .map((tag) => `${relative(root, file)}: ${tag.replace(/\s+/g, ' ').slice(0, 120)}`),
    )
    expect(offending).toEqual([])
  })
})
