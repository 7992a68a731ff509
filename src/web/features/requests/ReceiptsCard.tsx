import { Code, Paper, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormatDateTime } from '../../format.ts'
import classes from './ReceiptsCard.module.css'
import type { ReceiptList } from './requests.api.ts'

/** Signed receipts (Ed25519) and how either side checks them offline. */
export function ReceiptsCard({ receipts }: { receipts: ReceiptList }) {
  const { t } = useTranslation()
  const headingId = useId()
  const formatDateTime = useFormatDateTime()
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={headingId} data-testid="receipts">
      <Title order={2} size="h4" id={headingId} mb="sm">
        {t('request.receipts')}
      </Title>
      {receipts.items.length === 0 ? (
        <Text size="sm">{t('request.noReceipts')}</Text>
      ) : (
        <Stack gap="sm">
          {receipts.items.map((r) => (
            <div key={r.id} data-testid="receipt">
              <Text size="sm" fw={600}>
                {t(`request.receiptKind.${r.kind}`)} ·{' '}
                {formatDateTime(typeof r.statement.issuedAt === 'string' ? r.statement.issuedAt : null)}
              </Text>
              <Text size="xs" c="dimmed">
                {r.algorithm} · {t('request.keyId')} <Code>{r.keyId}</Code>
              </Text>
              <Text size="xs" c="dimmed">
                {t('request.signature')}
              </Text>
              <Code block className={classes.wrap}>
                {r.signature}
              </Code>
            </div>
          ))}
        </Stack>
      )}
      <Text size="sm" mt="sm" data-testid="verify-offline">
        {t('request.verifyOffline')}
      </Text>
      <Code block mt="xs" className={classes.wrap}>
        {'openssl pkeyutl -verify -pubin -inkey public.pem -rawin -in receipt.json -sigfile receipt.sig'}
      </Code>
    </Paper>
  )
}
