import { Button, Group, Modal, type ModalProps, Stack } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'

/**
 * The dialog every record of this feature is created or changed in: its fields, the server's
 * refusal if any (the dialog stays open, nothing was written), cancel and submit.
 */
export function RecordModal({
  title,
  testId,
  size = 'lg',
  onClose,
  onSubmit,
  error,
  isPending,
  submitLabel,
  submitDisabled = false,
  children,
}: {
  title: string
  testId: string
  size?: ModalProps['size']
  onClose: () => void
  onSubmit: () => void
  error: Error | null
  isPending: boolean
  submitLabel: string
  submitDisabled?: boolean
  children: ReactNode
}) {
  const { t } = useTranslation()
  return (
    <Modal closeButtonProps={{ 'aria-label': t('app.close') }} opened onClose={onClose} title={title} size={size}>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          onSubmit()
        }}
        data-testid={testId}
      >
        <Stack gap="sm">
          {children}
          <ApiErrorAlert error={error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('situations.cancel')}
            </Button>
            <Button type="submit" loading={isPending} disabled={submitDisabled}>
              {submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  )
}
