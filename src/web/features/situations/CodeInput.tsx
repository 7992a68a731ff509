import { TextInput } from '@mantine/core'
import { useTranslation } from 'react-i18next'

/** A record's code as the server takes it: upper-case letters, digits and hyphens (typed in any case). */
export function CodeInput({
  label,
  example,
  value,
  onChange,
}: {
  label: string
  example: string
  value: string
  onChange: (value: string) => void
}) {
  const { t } = useTranslation()
  return (
    <TextInput
      label={label}
      description={t('situations.codeHelp', { example })}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value.toUpperCase().replace(/\s+/g, '-'))}
      pattern="[A-Z0-9][A-Z0-9\-]{1,59}"
      maxLength={60}
      required
      data-testid="code-input"
    />
  )
}
