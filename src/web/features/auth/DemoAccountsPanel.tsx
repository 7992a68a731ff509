import { Badge, Button, Code, Group, Paper, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useDemoAccounts } from './auth.api.ts'

/** Demo mode only: the fictional accounts, their shared password and the current two-step code. */
export function DemoAccountsPanel({ onPick }: { onPick: (email: string, password: string) => void }) {
  const { t } = useTranslation()
  const demo = useDemoAccounts()
  const headingId = useId()
  if (!demo.data) return null
  const { password, currentCode, accounts } = demo.data
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="demo-accounts">
      <Stack gap="sm">
        <Group gap="xs">
          <Title order={2} size="h4" id={headingId}>
            {t('demo.title')}
          </Title>
          <Badge color="yellow.3" variant="filled">
            {t('demo.fictional')}
          </Badge>
        </Group>
        <Text size="sm">{t('demo.notice')}</Text>
        <Group gap="lg" wrap="wrap">
          <Text size="sm">
            {t('demo.password')} <Code data-testid="demo-password">{password}</Code>
          </Text>
          <Text size="sm">
            {t('demo.currentCode')} <Code data-testid="demo-code">{currentCode}</Code>
          </Text>
        </Group>
        <Table.ScrollContainer minWidth={480}>
          <Table striped verticalSpacing={4} fz="sm">
            <Table.Caption>{t('demo.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('demo.account')}</Table.Th>
                <Table.Th scope="col">{t('demo.organisation')}</Table.Th>
                <Table.Th scope="col">{t('demo.role')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('demo.action')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {accounts.map((account) => (
                <Table.Tr key={account.email}>
                  <Table.Td>
                    <Text size="sm" fw={500}>
                      {account.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {account.email}
                    </Text>
                  </Table.Td>
                  <Table.Td>{account.orgCode}</Table.Td>
                  <Table.Td>{t(`roles.${account.role}`, { defaultValue: account.role })}</Table.Td>
                  <Table.Td>
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => onPick(account.email, password)}
                      aria-label={t('demo.useAccount', { name: account.name })}
                    >
                      {t('demo.use')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      </Stack>
    </Paper>
  )
}
