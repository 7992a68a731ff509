import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { TONE } from '../../theme.ts'
import { useVerify } from './audit.api.ts'

/** Re-computes the hash chain and checks the signed checkpoints, on request. */
export function VerifyCard() {
  const { t } = useTranslation()
  const verify = useVerify()
  const headingId = useId()
  const report = verify.data
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" h="100%">
      <Stack gap="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('audit.verifyHeading')}
        </Title>
        <Text size="sm">{t('audit.verifyIntro')}</Text>
        <Button onClick={() => verify.mutate()} loading={verify.isPending} w="fit-content">
          {t('audit.verify')}
        </Button>
        <ApiErrorAlert error={verify.error} />
        {report && (
          <Alert
            color={report.ok ? TONE.success : TONE.danger}
            variant="light"
            title={report.ok ? t('audit.verifyOk') : t('audit.verifyProblem')}
            data-testid="verify-report"
            role="status"
          >
            <Stack gap={2}>
              <Text size="sm">{t('audit.verifyChecked', { count: report.checked })}</Text>
              <Text size="sm">{t('audit.verifyCheckpoints', { count: report.checkpointsVerified })}</Text>
              <Text size="sm">{report.keyTrusted ? t('audit.keyTrusted') : t('audit.keyUntrusted')}</Text>
              {report.problem && (
                <Text size="sm">
                  {t('audit.problemAt', { id: report.firstBadEventId ?? '?', problem: report.problem })}
                </Text>
              )}
              <Text size="xs" ff="monospace">
                {t('audit.lastHash', { id: report.lastEventId, hash: report.lastHash })}
              </Text>
            </Stack>
          </Alert>
        )}
      </Stack>
    </Paper>
  )
}
