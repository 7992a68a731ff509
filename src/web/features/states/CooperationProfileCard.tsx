import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { formatLanguageName } from '../../format.ts'
import classes from './StatePage.module.css'
import type { CooperationProfile } from './states.api.ts'

export function CooperationProfileCard({ profile }: { profile: CooperationProfile | null }) {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder radius="md" p="md" data-testid="profile-card">
      <Group justify="space-between" align="flex-start" mb="sm">
        <Title order={2} size="h4" id={headingId}>
          {t('state.profileHeading')}
        </Title>
        {profile?.isDemo && (
          <Badge color="#f0b429" variant="filled" tt="none" radius="sm" data-testid="badge-demo">
            {t('state.demoBadge')}
          </Badge>
        )}
      </Group>
      {!profile ? (
        <Text c="dimmed">{t('state.profileNone')}</Text>
      ) : (
        <Stack gap="sm">
          {profile.isDemo && (
            <Text size="sm" c="dimmed">
              {t('state.demoHelp')}
            </Text>
          )}
          <dl className={classes.definitionList}>
            <Text component="dt" size="sm" fw={600}>
              {t('state.channel')}
            </Text>
            <Text component="dd">{t(`state.channels.${profile.channel}`, { defaultValue: profile.channel })}</Text>
            <Text component="dt" size="sm" fw={600}>
              {t('state.languages')}
            </Text>
            <Text component="dd">
              {profile.languages.map((code) => formatLanguageName(code, i18n.language)).join(', ') || '—'}
            </Text>
            <Text component="dt" size="sm" fw={600}>
              {t('state.focalPoint')}
            </Text>
            <Text component="dd">{profile.focalPointName ?? '—'}</Text>
            <Text component="dt" size="sm" fw={600}>
              {t('state.focalPointEmail')}
            </Text>
            <Text component="dd">
              {profile.focalPointEmail ? (
                <Anchor href={`mailto:${profile.focalPointEmail}`}>{profile.focalPointEmail}</Anchor>
              ) : (
                '—'
              )}
            </Text>
          </dl>
        </Stack>
      )}
    </Paper>
  )
}
