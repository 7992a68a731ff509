import { TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** The reason every change of a record carries into the audit trail. */
export function ReasonInput({
  value,
  onChange,
  help,
}: {
  value: string
  onChange: (value: string) => void
  help: string
}) {
  const { t } = useTranslation()
  return (
    <TextInput
      label={t('situations.editPerson.reason')}
      description={help}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      minLength={3}
      maxLength={1000}
      required
    />
  )
}
