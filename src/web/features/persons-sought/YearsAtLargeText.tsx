import { Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useFormatDate } from '../../format.ts'
import type { YearsAtLarge } from './persons-sought.api.ts'

/** What the server computed (warrants.years-at-large.ts), in words; "about" when a date was a year only. */
export function YearsAtLargeText({ value, detailed = false }: { value: YearsAtLarge; detailed?: boolean }) {
  const { t, i18n } = useTranslation()
  const formatDate = useFormatDate()
  if (!value.isApplicable) return <Text span>—</Text>
  if (value.years === null)
    return (
      <Text span c="dimmed">
        {t('personsSought.yearsUnknown')}
      </Text>
    )
  const years = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 }).format(value.years)
  const text = value.isApproximate ? t('personsSought.yearsApprox', { years }) : t('personsSought.years', { years })
  if (!detailed)
    return (
      <Text span data-testid="years-at-large">
        {text}
      </Text>
    )
  return (
    <Text span data-testid="years-at-large">
      {text}{' '}
      <Text span c="dimmed" size="sm">
        {value.until
          ? t('personsSought.sinceUntil', { since: formatDate(value.since), until: formatDate(value.until) })
          : t('personsSought.since', { since: formatDate(value.since) })}
        {value.isApproximate && ` — ${t('personsSought.approximateNote')}`}
      </Text>
    </Text>
  )
}
