import { Badge, type CSSVariablesResolver, createTheme } from '@mantine/core'

// A sober palette for registry officers and diplomats; every text/background pair used here is
// at least 4.5:1 (WCAG AA), and autoContrast picks dark text on the light badge colours.
/**
 * Colours that say how something stands, dark enough for text on white and on their own light
 * tint (Mantine's "light" variant of a hex colour: a 10 % tint behind the colour itself), both
 * above 4.5:1. A theme colour with a shade ("green.9") is no use there: Mantine 9 paints the light
 * variant's ground in that shade, under text of the same hue.
 */
export const TONE = { success: '#1e6b30', danger: '#c92a2a', neutral: '#495057' } as const

export const theme = createTheme({
  primaryColor: 'court',
  primaryShade: 8,
  autoContrast: true,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  headings: { fontFamily: 'Georgia, "Times New Roman", serif', fontWeight: '600' },
  defaultRadius: 'sm',
  components: {
    // A badge says a status, a classification or an article: never cut to "ACKNOW…" in a narrow
    // table column (Mantine lets it shrink and ellipsize); the table scrolls instead.
    Badge: Badge.extend({ styles: { root: { minWidth: 'max-content' } } }),
  },
  colors: {
    court: [
      '#eaf1f8',
      '#d2e0ef',
      '#a6c1df',
      '#77a0cf',
      '#5085c2',
      '#3873b9',
      '#2a67b2',
      '#1f5799',
      '#1d4e89',
      '#113f73',
    ],
  },
})

// Mantine's default "dimmed" grey is about 3.3:1 on the page background; gray.7 is above 7:1.
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-dimmed': 'var(--mantine-color-gray-7)' },
  dark: {},
})
