import { Anchor, Badge, Group, Image, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { NotFoundPage } from '../../components/NotFoundPage.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { ApiError } from '../../http.ts'
import { ClassificationBadge } from '../agreements/ClassificationBadge.tsx'
import { ArrestStrategyCard } from '../arrest/ArrestStrategyCard.tsx'
import { PersonOpportunitiesCard } from '../arrest/PersonOpportunitiesCard.tsx'
import { PersonAssetsCard } from '../assets/PersonAssetsCard.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import { VerificationBadge } from '../states/VerificationBadge.tsx'
import { PersonEditCard } from './PersonEditCard.tsx'
import { PersonRequestsCard } from './PersonRequestsCard.tsx'
import { photoUrl, usePersonSought } from './persons-sought.api.ts'
import { WarrantCard } from './WarrantCard.tsx'
import { WarrantStatusBadge } from './WarrantStatusBadge.tsx'
import { YearsAtLargeText } from './YearsAtLargeText.tsx'

/** A person sought: details, photos, warrants, requests, and the cards other features contribute. */
export function PersonSoughtPage() {
  const { t } = useTranslation()
  const { personId = '' } = useParams()
  const user = useActiveUser()
  const person = usePersonSought(personId, user?.id ?? null)
  const p = person.data
  useDocumentTitle(p?.name ?? t('personsSought.title'))

  if (person.error instanceof ApiError && person.error.status === 404) {
    return <NotFoundPage title={t('personsSought.notFoundTitle')} text={t('personsSought.notFoundText')} />
  }
  if (person.isError) return <ApiErrorAlert error={person.error} />
  if (!p) return <Skeleton height={240} />

  const rows: [string, ReactNode][] = [
    [t('personsSought.aliases'), p.aliases.length > 0 ? p.aliases.join(', ') : '—'],
    [t('personsSought.nationalities'), p.nationalities.length > 0 ? p.nationalities.join(', ') : '—'],
    [t('personsSought.situation'), p.situation?.name ?? '—'],
    [t('personsSought.statusLabel'), <WarrantStatusBadge key="s" status={p.status} />],
    [t('personsSought.yearsAtLarge'), <YearsAtLargeText key="y" value={p.yearsAtLarge} detailed />],
    [t('personsSought.description'), p.physicalDescription ?? '—'],
    [t('personsSought.classification'), <ClassificationBadge key="c" value={p.classification} />],
  ]
  if (p.origin !== 'court') {
    rows.push([t('personsSought.provenance'), <VerificationBadge key="v" isVerified={p.verified} />])
  }

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/persons-sought" size="sm">
          ← {t('personsSought.back')}
        </Anchor>
        <Group gap="sm" mt="xs">
          <Title order={1}>{p.name}</Title>
          {p.isDemo && (
            <Badge color="yellow.3" variant="filled">
              {t('demo.fictional')}
            </Badge>
          )}
          {p.isSealed && (
            <Badge color="red.9" variant="filled" data-testid="sealed">
              {t('classification.under_seal')}
            </Badge>
          )}
        </Group>
      </div>
      <Paper withBorder radius="md" p="md">
        <Table data-testid="person-sought-detail">
          <Table.Tbody>
            {rows.map(([label, value]) => (
              <Table.Tr key={label}>
                <Table.Th scope="row" w={220}>
                  {label}
                </Table.Th>
                <Table.Td>{value}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {p.sources.length > 0 && (
          <Stack gap={2} mt="sm">
            <Text size="sm" fw={700}>
              {t('personsSought.sources')}
            </Text>
            {p.sources.map((s) =>
              s.url ? (
                <Anchor key={s.key} href={s.url} size="sm" target="_blank" rel="noreferrer">
                  {s.title}
                </Anchor>
              ) : (
                <Text key={s.key} size="sm">
                  {s.title}
                </Text>
              ),
            )}
          </Stack>
        )}
      </Paper>
      {p.photos.length > 0 && (
        <Paper component="section" withBorder radius="md" p="md" aria-label={t('personsSought.photos')}>
          <Title order={2} size="h4" mb="sm">
            {t('personsSought.photos')}
          </Title>
          <SimpleGrid cols={{ base: 2, sm: 4 }}>
            {p.photos.map((photo) => (
              <Image
                key={photo.id}
                src={photoUrl(p.id, photo.id)}
                alt={photo.caption ?? t('personsSought.photoOf', { name: p.name })}
                radius="sm"
              />
            ))}
          </SimpleGrid>
        </Paper>
      )}
      <Stack gap="md">
        <Title order={2} size="h4">
          {t('personsSought.warrants')}
        </Title>
        {p.warrants.map((w) => (
          <WarrantCard key={w.id} warrant={w} canUnseal={p.canUnseal} />
        ))}
      </Stack>
      {p.canEdit && <PersonEditCard person={p} />}
      <PersonRequestsCard personId={p.id} />
      {/* Cards of other features go below, each asking the server what this user may see: */}
      <ArrestStrategyCard personId={p.id} />
      <PersonOpportunitiesCard personId={p.id} />
      <PersonAssetsCard personId={p.id} />
    </Stack>
  )
}
