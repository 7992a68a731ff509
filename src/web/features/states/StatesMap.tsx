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
const MARGIN = 4

type CountryShape = { id: string; name: string; d: string }
type ProjectedMap = { height: number; shapes: CountryShape[] }

// Computed once per page load: projecting 177 shapes takes a few milliseconds. Antarctica is left
// out (no State) and the height follows the remaining land, so the map has no empty band.
function projectCountries(): ProjectedMap {
  const topology = atlas as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>
  const all = feature(topology, topology.objects.countries)
  const countries = { ...all, features: all.features.filter((c) => c.properties.name !== 'Antarctica') }
  const projection = geoNaturalEarth1().fitWidth(WIDTH - 2 * MARGIN, countries)
  const path = geoPath(projection)
  const [[, top], [, bottom]] = path.bounds(countries)
  projection.translate([projection.translate()[0] + MARGIN, projection.translate()[1] - top + MARGIN])
  return {
    height: Math.ceil(bottom - top + 2 * MARGIN),
    shapes: countries.features.map((country) => ({
      id: String(country.id ?? ''),
      name: country.properties.name,
      d: path(country) ?? '',
    })),
  }
}

/** World map coloured by Rome Statute status; the table below the map carries the same data as text. */
export function StatesMap() {
  const { t, i18n } = useTranslation()
  const navigate = useNavigate()
  const statuses = useStateStatuses()
  const names = useAllStateNames()
  const { height, shapes } = useMemo(projectCountries, [])

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
        viewBox={`0 0 ${WIDTH} ${height}`}
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
