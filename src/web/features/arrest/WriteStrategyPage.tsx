import {
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core'
import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate } from 'react-router'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { DateField } from '../../components/DateField.tsx'
import { useDocumentTitle } from '../../components/useDocumentTitle.ts'
import { useActiveUser } from '../auth/auth.api.ts'
import { useSoughtPersons, useWriteStrategy } from './arrest.api.ts'

/**
 * Write an arrest strategy for a person sought, known to one of the author's cells only. A strategy
 * already held by the cell for that person is superseded (and kept).
 */
export function WriteStrategyPage() {
  const { t } = useTranslation()
  const user = useActiveUser()
  const navigate = useNavigate()
  const persons = useSoughtPersons(user?.id ?? null)
  const write = useWriteStrategy()
  const [personId, setPersonId] = useState<string | null>(null)
  const [cell, setCell] = useState<string | null>(null)
  const [title, setTitle] = useState('')
  const [body, setBody] = useState('')
  const [reviewDate, setReviewDate] = useState('')
  useDocumentTitle(t('arrest.write.title'))
  const isReady = !!personId && !!cell && title.trim() !== '' && body.trim() !== ''
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!isReady) return
    write.mutate(
      { personId, cell, title: title.trim(), body: body.trim(), reviewDate: reviewDate || null },
      { onSuccess: () => navigate(`/persons-sought/${encodeURIComponent(personId)}`) },
    )
  }
  return (
    <Stack gap="lg" maw={900}>
      <Anchor component={Link} to="/arrest-opportunities" size="sm">
        ← {t('arrest.board.title')}
      </Anchor>
      <div>
        <Title order={1}>{t('arrest.write.title')}</Title>
        <Text c="dimmed" mt={4}>
          {t('arrest.write.intro')}
        </Text>
      </div>
      <Paper withBorder radius="md" p="md" component="form" onSubmit={submit} aria-label={t('arrest.write.title')}>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Select
              label={t('arrest.field.person')}
              data={(persons.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              value={personId}
              onChange={setPersonId}
              searchable
              required
              data-testid="strategy-person"
            />
            <Select
              label={t('arrest.write.cell')}
              description={t('arrest.write.cellHelp')}
              data={[...(user?.compartments ?? [])]}
              value={cell}
              onChange={setCell}
              required
              data-testid="strategy-cell"
            />
          </SimpleGrid>
          <TextInput
            label={t('arrest.strategy.fieldTitle')}
            value={title}
            onChange={(e) => setTitle(e.currentTarget.value)}
            required
            data-testid="strategy-title"
          />
          <Textarea
            label={t('arrest.strategy.fieldBody')}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
            autosize
            minRows={6}
            required
            data-testid="strategy-body"
          />
          <DateField
            label={t('arrest.strategy.fieldReview')}
            value={reviewDate}
            onChange={(value) => setReviewDate(value)}
          />
          <ApiErrorAlert error={write.error} />
          <Group justify="flex-end">
            <Button type="submit" disabled={!isReady} loading={write.isPending} data-testid="strategy-write">
              {t('arrest.write.submit')}
            </Button>
          </Group>
        </Stack>
      </Paper>
    </Stack>
  )
}
