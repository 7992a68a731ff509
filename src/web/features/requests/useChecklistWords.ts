import { useTranslation } from 'react-i18next'
import type { ChecklistItem } from './requests.api.ts'

/** Checklist elements and the reasons they are missing, in the UI language (the server gives codes). */
export function useChecklistWords() {
  const { t } = useTranslation()
  return {
    label: (item: { ref: string; label: string }) =>
      t(`requestChecklist.element.${item.ref}`, { defaultValue: item.label }),
    missing: (item: Pick<ChecklistItem, 'reasons' | 'missing'>) =>
      item.reasons.length === 0
        ? item.missing
        : item.reasons
            .map((r) => t(`requestChecklist.reason.${r.code}`, { ref: r.params.ref, defaultValue: r.code }))
            .join('; '),
  }
}
