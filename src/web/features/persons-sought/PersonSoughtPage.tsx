import { Stack } from '@mantine/core'
import { useParams } from 'react-router'

// A person sought: warrants, requests, and the cards other features contribute.
export function PersonSoughtPage() {
  const { personId = '' } = useParams()
  return (
    <Stack gap="lg" data-person-id={personId}>
      {/* Extension slots: cards of other features go here, each fetching what it may see. */}
      {/* <ArrestStrategyCard personId={personId} /> — arrest feature */}
      {/* <PersonOpportunitiesCard personId={personId} /> — arrest feature */}
      {/* <PersonAssetsCard personId={personId} /> — assets feature */}
    </Stack>
  )
}
