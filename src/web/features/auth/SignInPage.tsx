import { Anchor, Grid, Loader, Paper, Stack, Text, Title } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Navigate, useNavigate, useSearchParams } from 'react-router'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useConfirmEnrolment, useLogout, useSession } from './auth.api.ts'
import { DemoAccountsPanel } from './DemoAccountsPanel.tsx'
import { EnrolmentStep } from './EnrolmentStep.tsx'
import { MfaStep } from './MfaStep.tsx'
import { PasswordStep } from './PasswordStep.tsx'
import { RecoveryCodes } from './RecoveryCodes.tsx'
import { SsoButtons } from './SsoButtons.tsx'
import { safeNext } from './safe-next.ts'

export function SignInPage() {
  const { t } = useTranslation()
  const session = useSession()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const next = safeNext(params.get('next'))
  const confirm = useConfirmEnrolment()
  const logout = useLogout()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const state = session.data?.state
  const recoveryCodes = confirm.data?.recoveryCodes

  const heading =
    recoveryCodes !== undefined
      ? t('recovery.heading')
      : state === 'mfa_pending'
        ? t('signIn.mfaTitle')
        : state === 'mfa_enrolment'
          ? t('enrol.title')
          : t('signIn.title')
  useDocumentTitle(heading)

  if (state === 'active' && recoveryCodes === undefined) return <Navigate to={next} replace />

  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, md: 5 }}>
        <Paper withBorder radius="md" p="lg">
          <Stack gap="md">
            <Title order={1} size="h2">
              {heading}
            </Title>
            {session.isPending ? (
              <Loader aria-label={t('app.loading')} />
            ) : recoveryCodes !== undefined ? (
              <RecoveryCodes codes={recoveryCodes} onDone={() => navigate(next, { replace: true })} />
            ) : state === 'mfa_pending' ? (
              <MfaStep />
            ) : state === 'mfa_enrolment' ? (
              <EnrolmentStep confirm={confirm} />
            ) : (
              <>
                <PasswordStep
                  email={email}
                  onEmailChange={setEmail}
                  password={password}
                  onPasswordChange={setPassword}
                />
                <SsoButtons />
              </>
            )}
            {(state === 'mfa_pending' || state === 'mfa_enrolment') && recoveryCodes === undefined && (
              <Text size="sm">
                {session.data?.user && t('signIn.signingInAs', { email: session.data.user.email })}{' '}
                <Anchor component="button" type="button" size="sm" onClick={() => logout.mutate()}>
                  {t('signIn.startOver')}
                </Anchor>
              </Text>
            )}
          </Stack>
        </Paper>
      </Grid.Col>
      {state !== 'mfa_enrolment' && recoveryCodes === undefined && (
        <Grid.Col span={{ base: 12, md: 7 }}>
          <DemoAccountsPanel
            onPick={(pickedEmail, demoPassword) => {
              setEmail(pickedEmail)
              setPassword(demoPassword)
              if (state === 'mfa_pending') logout.mutate()
            }}
          />
        </Grid.Col>
      )}
    </Grid>
  )
}
