import countries from 'i18n-iso-countries'
import en from 'i18n-iso-countries/langs/en.json' with { type: 'json' }
import fr from 'i18n-iso-countries/langs/fr.json' with { type: 'json' }

countries.registerLocale(en)
countries.registerLocale(fr)

// ISO 3166-1 also codes territories that are not States (dependencies, Antarctica…). A request
// for cooperation goes to a State (article 87(1) and 87(5)), so the directory keeps the UN
// members and observer States, Cook Islands and Niue (Cook Islands is a State Party), and Kosovo;
// and leaves out the territories below, following the UN Secretary-General's depositary practice.
const NOT_STATES = new Set(
  (
    'AS AI AQ AW BM BV IO KY CX CC FK FO GF PF TF GI GL GP GU HM HK MO MQ YT MS NC NF MP PN PR RE SH PM GS ' +
    'SJ TW TK TC UM VG VI WF EH AX BQ CW GG IM JE BL MF SX'
  ).split(' '),
)

export type IsoState = {
  iso2: string
  iso3: string
  isoNumeric: string | null
  nameEn: string
  nameFr: string
  aliases: string[]
}

function allNames(iso2: string, lang: 'en' | 'fr'): string[] {
  const names = countries.getName(iso2, lang, { select: 'all' })
  return Array.isArray(names) ? names : []
}

/** Every State the platform can address, with ISO 3166 names in English and French. */
export function listIsoStates(): IsoState[] {
  return Object.keys(countries.getAlpha2Codes())
    .filter((iso2) => !NOT_STATES.has(iso2))
    .map((iso2) => {
      const english = allNames(iso2, 'en')
      const french = allNames(iso2, 'fr')
      return {
        iso2,
        iso3: countries.alpha2ToAlpha3(iso2) ?? iso2,
        isoNumeric: countries.alpha2ToNumeric(iso2) ?? null,
        nameEn: english[0] ?? iso2,
        nameFr: french[0] ?? english[0] ?? iso2,
        aliases: [...english.slice(1), ...french.slice(1)],
      }
    })
}

/** Alternative names (both languages) used by the directory's text search. */
export function isoAliases(iso2: string): string[] {
  return [...allNames(iso2, 'en').slice(1), ...allNames(iso2, 'fr').slice(1)]
}
