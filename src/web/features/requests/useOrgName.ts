import { useTranslation } from 'react-i18next'
import { useAllStates } from './requests.api.ts'

/**
 * The name of an organisation code as readers know it, in the app's language: a State's name, a
 * Court organ's, an international organisation's, "Defence (code)" for a Defence team; the code
 * itself for anything else (or while the States are loading).
 */
export function useOrgName(): (code: string) => string {
  const { t, i18n } = useTranslation()
  const states = useAllStates(i18n.language)
  const stateNames = new Map((states.data ?? []).map((s) => [s.iso3, i18n.language === 'fr' ? s.nameFr : s.nameEn]))
  return (code) => {
    const state = stateNames.get(code)
    if (state) return state
    if (i18n.exists(`organ.${code}`)) return t(`organ.${code}`)
    if (i18n.exists(`orgName.${code}`)) return t(`orgName.${code}`)
    if (code.startsWith('ICC-DEFENCE')) return t('workload.defenceTeam', { code })
    return code
  }
}
