import { useTranslation } from 'react-i18next'
import { useRequestTypes } from './requests.api.ts'

/** A request type in the UI language, with its article: "Arrest and surrender (art. 89(1))". */
export function useRequestTypeLabel() {
  const { t } = useTranslation()
  const types = useRequestTypes()
  return (code: string, withArticle = false) => {
    const type = types.data?.items.find((item) => item.code === code)
    const label = t(`requestType.${code}`, { defaultValue: type?.label ?? code })
    return withArticle && type ? `${label} (${t('requests.article', { ref: type.ref })})` : label
  }
}
