import { Button, Group, Select, TextInput } from '@mantine/core'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiErrorAlert } from '../../components/ApiErrorAlert.tsx'
import { useActiveUser } from '../auth/auth.api.ts'
import type { RequestFilters } from './requests.api.ts'
import { useDeleteView, useSavedViews, useSaveView } from './views.api.ts'

type Props = {
  filters: RequestFilters
  /** Puts a view's filters in the address, in place of the current ones. */
  onApply: (filters: Record<string, string | string[]>) => void
}

/** The user's own saved views: apply one, save the current filters under a name, delete one. */
export function SavedViews({ filters, onApply }: Props) {
  const { t } = useTranslation()
  const user = useActiveUser()
  const views = useSavedViews(user?.id ?? null)
  const save = useSaveView()
  const remove = useDeleteView()
  const [naming, setNaming] = useState(false)
  const [name, setName] = useState('')
  const items = views.data?.items ?? []
  // A view keeps the filters as the list's query has them: no empty values.
  const saved = Object.fromEntries(
    Object.entries(filters).filter(([, v]) => v !== undefined && v.length > 0),
  ) as Record<string, string | string[]>
  // The view shown is the one whose filters the list has now, if any.
  const current = items.find((v) => sameFilters(v.filters, saved)) ?? null

  return (
    <>
      <Group align="flex-end" gap="sm" data-testid="saved-views">
        <Select
          label={t('views.label')}
          placeholder={items.length ? t('views.choose') : t('views.none')}
          data={items.map((v) => ({ value: v.id, label: v.name }))}
          value={current?.id ?? null}
          onOptionSubmit={(id) => {
            const view = items.find((v) => v.id === id)
            if (view) onApply(view.filters)
          }}
          allowDeselect={false}
          disabled={items.length === 0}
          w={260}
        />
        {current && (
          <Button variant="outline" color="red.9" onClick={() => remove.mutate(current.id)} loading={remove.isPending}>
            {t('views.delete', { name: current.name })}
          </Button>
        )}
        {naming ? (
          <form
            onSubmit={(event) => {
              event.preventDefault()
              save.mutate(
                { name: name.trim(), filters: saved },
                {
                  onSuccess: () => {
                    setNaming(false)
                    setName('')
                  },
                },
              )
            }}
          >
            <Group align="flex-end" gap="xs">
              <TextInput
                label={t('views.name')}
                value={name}
                onChange={(event) => setName(event.currentTarget.value)}
                required
                maxLength={120}
                data-autofocus
                w={240}
              />
              <Button type="submit" loading={save.isPending} disabled={name.trim() === ''}>
                {t('views.save')}
              </Button>
              <Button variant="default" onClick={() => setNaming(false)}>
                {t('request.cancel')}
              </Button>
            </Group>
          </form>
        ) : (
          <Button variant="default" onClick={() => setNaming(true)}>
            {t('views.saveCurrent')}
          </Button>
        )}
      </Group>
      <ApiErrorAlert error={save.error ?? remove.error ?? views.error} />
    </>
  )
}

/** Whether two sets of list filters are the same, whatever their order (a status alone or in a list). */
function sameFilters(a: Record<string, string | string[]>, b: Record<string, string | string[]>) {
  const normal = (f: Record<string, string | string[]>) =>
    JSON.stringify(
      Object.entries(f)
        .map(([k, v]) => [k, [v].flat().sort()] as const)
        .sort(([x], [y]) => x.localeCompare(y)),
    )
  return normal(a) === normal(b)
}
