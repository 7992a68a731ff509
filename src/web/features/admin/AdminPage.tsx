import { Stack, Text, Title } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { CompartmentsCard } from './CompartmentsCard.tsx'
import { InviteUserForm } from './InviteUserForm.tsx'
import { UsersCard } from './UsersCard.tsx'

export function AdminPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('admin.title'))
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('admin.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('admin.intro')}
        </Text>
      </div>
      <InviteUserForm />
      <UsersCard />
      <CompartmentsCard />
    </Stack>
  )
}
