import { Anchor, Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { useDocumentTitle } from './useDocumentTitle.ts'

type NotFoundPageProps = { title?: string; text?: string }

export function NotFoundPage({ title, text }: NotFoundPageProps) {
  const { t } = useTranslation()
  const heading = title ?? t('app.notFoundTitle')
  useDocumentTitle(heading)
  return (
    <Stack gap="sm" py="xl" data-testid="not-found">
      <Title order={1}>{heading}</Title>
      <Text>{text ?? t('app.notFoundText')}</Text>
      <Anchor component={Link} to="/states">
        ← {t('app.backToStates')}
      </Anchor>
    </Stack>
  )
}
