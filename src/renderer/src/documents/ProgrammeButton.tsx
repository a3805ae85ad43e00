import { Button } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'

/** The trip page's way to the programme for the other side (preview, then export). */
export function ProgrammeButton({ tripId }: { tripId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  return (
    <Button variant="light" onClick={() => navigate(`/trips/${tripId}/programme`)} data-testid="open-programme">
      {t('incoming.programmeButton')}
    </Button>
  )
}
