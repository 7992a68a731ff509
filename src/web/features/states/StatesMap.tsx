import { Box, Group, Skeleton, Text } from '@mantine/core'
import { geoNaturalEarth1, geoPath } from 'd3-geo'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { feature } from 'topojson-client'
import type { GeometryCollection, Topology } from 'topojson-specification'
import atlas from 'world-atlas/countries-110m.json' with { type: 'json' }
import classes from './StatesMap.module.css'
import { ROME_STATUSES, type RomeStatus, useAllStateNames, useStateStatuses } from './states.api.ts'
import { NO_DATA_COLOR, ROME_STATUS_COLORS } from './status-colors.ts'

const WIDTH = 960
const HEIGHT = 470

type CountryShape = { id: string; name: string; d: string }

// Computed once per page load: projecting 177 shapes takes a few milliseconds.
function projectCountries(): CountryShape[] {
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
  const countries = feature(topology, topology.objects.countries)
  const projection = geoNaturalEarth1().fitExtent(
    [
      [4, 4],
      [WIDTH - 4, HEIGHT - 4],
    ],
    countries,
  )
  const path = geoPath(projection)
  return countries.features
    .filter((country) => country.properties.name !== 'Antarctica')
    .map((country) => ({ id: String(country.id ?? ''), name: country.properties.name, d: path(country) ?? '' }))
}

/** World map coloured by Rome Statute status; the table below the map carries the same data as text. */
export function StatesMap() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const statuses = useStateStatuses()
  const names = useAllStateNames()
  const shapes = useMemo(projectCountries, [])

  const byNumeric = useMemo(() => {
    const map = new Map<string, { iso3: string; romeStatus: RomeStatus }>()
    for (const item of statuses.data?.items ?? []) {
      if (item.isoNumeric) map.set(item.isoNumeric, { iso3: item.iso3, romeStatus: item.romeStatus })
    }
    return map
  }, [statuses.data])

  const handleClick = (event: React.MouseEvent<SVGSVGElement>) => {
    const iso3 = (event.target as Element).getAttribute('data-iso3')
    if (iso3) void navigate(`/states/${iso3}`)
  }

  if (statuses.isPending) return <Skeleton height={360} radius="md" />

  return (
    <Box>
      {/* Clicking a country opens its page; keyboard and screen-reader users reach every State
          through the table below, which holds the same data, so the shapes are not tab stops. */}
      {/* biome-ignore lint/a11y/useKeyWithClickEvents: see above */}
      <svg
        onClick={handleClick}
        className={classes.map}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={t('states.map.label')}
        data-testid="states-map"
      >
        {shapes.map((shape) => {
          const state = byNumeric.get(shape.id)
          const stateNames = state ? names.data?.get(state.iso3) : undefined
          const name = stateNames ? (i18n.language === 'fr' ? stateNames.nameFr : stateNames.nameEn) : shape.name
          const statusLabel = state ? t(`status.${state.romeStatus}`) : t('status.noData')
          return (
            <path
              key={`${shape.id}-${shape.name}`}
              d={shape.d}
              fill={state ? ROME_STATUS_COLORS[state.romeStatus] : NO_DATA_COLOR}
              className={state ? classes.country : classes.unknown}
              data-iso3={state?.iso3}
              data-status={state?.romeStatus ?? 'no_data'}
            >
              <title>{`${name} — ${statusLabel}`}</title>
            </path>
          )
        })}
      </svg>
      <Group gap="lg" mt="sm" aria-label={t('states.map.legend')} role="list" data-testid="map-legend">
        {ROME_STATUSES.map((status) => (
          <LegendItem key={status} color={ROME_STATUS_COLORS[status]} label={t(`status.${status}`)} />
        ))}
        <LegendItem color={NO_DATA_COLOR} label={t('status.noData')} />
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {t('states.map.hint')}
      </Text>
    </Box>
  )
}

function LegendItem({ color, label }: { color: string; label: string }) {
  return (
    <Group gap={6} role="listitem" wrap="nowrap">
      <svg width="14" height="14" aria-hidden="true" className={classes.swatch}>
        <rect width="14" height="14" rx="2" fill={color} />
      </svg>
      <Text size="sm">{label}</Text>
    </Group>
  )
}
