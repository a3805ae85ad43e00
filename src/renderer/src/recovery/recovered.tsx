import { Text } from '@mantine/core'
import { notifications } from '@mantine/notifications'
import { queryClient } from '../api.ts'

/**
 * After a way out of the damaged state: every query is refreshed, so app.status reads
 * "ready" and the register replaces the recovery screen; then the officer is told where
 * the damaged file went.
 */
export async function recovered(message: string): Promise<void> {
  await queryClient.invalidateQueries()
  notifications.show({
    message: (
      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
        {message}
      </Text>
    ),
    color: 'teal',
    autoClose: 20_000,
  })
}
