import { Badge } from '@mantine/core'
/** "Đoàn ra" / "Đoàn vào": a trip's direction, marked the same in lists and on the calendar. */
export function DirectionBadge({ direction, label }: { direction: 'out' | 'in'; label: string }) {
  return (
    <Badge size="sm" variant={direction === 'in' ? 'filled' : 'light'} color={direction === 'in' ? 'teal.9' : 'grape'} style={{ flexShrink: 0 }} data-testid="trip-direction-badge">
      {label}
    </Badge>
  )
}
