import { Group, Modal, ScrollArea, Stack, Text, TextInput, UnstyledButton } from '@mantine/core'
import { useDebouncedValue } from '@mantine/hooks'
import { keepPreviousData } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import type { SearchHit } from '../../../shared/contract.ts'
import { SEARCH_KINDS } from '../../../shared/domain/labels.ts'
import { queryClient, useApi } from '../api.ts'
import { subtitleIn } from '../../../shared/domain/subtitles.ts'
import { useLabels } from '../i18n/index.ts'

/** Where a hit opens: a record's page; a programme item within its trip, a talking point in the library. */
const ROUTE: Record<SearchHit['kind'], (hit: SearchHit) => string> = {
  locality: (h) => `/localities/${h.id}`,
  organization: (h) => `/organizations/${h.id}`,
  person: (h) => `/people/${h.id}`,
  agreement: (h) => `/agreements/${h.id}`,
  engagement: (h) => `/engagements/${h.id}`,
  trip: (h) => `/trips/${h.id}`,
  itineraryItem: (h) => (h.tripId ? `/trips/${h.tripId}?item=${h.id}` : '/trips'),
  snippet: (h) => `/snippets?open=${h.id}`,
}
/** Hits in the whole answer, shared out between the kinds found. */
const LIMIT = 30

/** One box over everything (Ctrl+K). Arrow keys move, Enter opens. */
export function SearchPalette({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation()
  const { label, name, lang } = useLabels()
  const navigate = useNavigate()
  const [q, setQ] = useState('')
  const [debounced] = useDebouncedValue(q, 80)
  const [active, setActive] = useState(0)
  const { data: hits = [], isPlaceholderData } = useApi('search.query', { q: debounced, limit: LIMIT }, { enabled: opened && debounced.trim().length > 0, placeholderData: keepPreviousData })
  // The hits shown are the last answer until this query's comes: Enter typed meanwhile waits for it.
  const busy = q !== debounced || isPlaceholderData
  const [enterWaiting, setEnterWaiting] = useState(false)
  // After a large import the index catches up in the background: say so, and look again until it has.
  const { data: status } = useApi('search.status', undefined, { enabled: opened, refetchInterval: (query) => (query.state.data?.pending ? 1000 : false) })
  const pending = status?.pending ?? 0
  const shown = debounced.trim() ? hits : []
  useEffect(() => {
    if (!pending) void queryClient.invalidateQueries({ queryKey: ['search.query'] })
  }, [pending])
  useEffect(() => setActive(0), [debounced])
  useEffect(() => {
    if (!opened) setEnterWaiting(false)
  }, [opened])
  useEffect(() => {
    if (!enterWaiting || busy) return
    setEnterWaiting(false)
    if (shown[0]) open(shown[0])
  }, [enterWaiting, busy, shown])

  const open = (hit: SearchHit) => {
    navigate(ROUTE[hit.kind](hit))
    onClose()
    setQ('')
  }

  return (
    // The dialog is named by its content (Modal's own props go to a root div, where a name is not allowed).
    <Modal.Root opened={opened} onClose={onClose} size="xl" yOffset="8vh" padding="md">
      <Modal.Overlay />
      <Modal.Content aria-label={t('nav.search')}>
      <Modal.Body>
      <TextInput
        data-autofocus
        aria-label={t('nav.search')}
        size="md"
        placeholder={t('search.placeholder')}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        data-testid="search-input"
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault()
            setActive((a) => Math.min(a + 1, shown.length - 1))
          } else if (e.key === 'ArrowUp') {
            e.preventDefault()
            setActive((a) => Math.max(a - 1, 0))
          } else if (e.key === 'Enter' && busy) {
            setEnterWaiting(true)
          } else if (e.key === 'Enter' && shown[active]) {
            open(shown[active])
          }
        }}
      />
      {pending > 0 && (
        <Text size="sm" c="orange.8" mt="xs" data-testid="search-indexing">
          {t('search.indexing', { count: pending })}
        </Text>
      )}
      <ScrollArea.Autosize mah="60vh" mt="sm">
        {debounced.trim() === '' && (
          <Text c="dimmed" size="sm" p="sm">
            {t('search.hint')}
          </Text>
        )}
        {debounced.trim() !== '' && shown.length === 0 && (
          <Text c="dimmed" p="sm" data-testid="search-empty">
            {t('search.noResults', { q: debounced })}
          </Text>
        )}
        <Stack gap={2} data-testid="search-results" aria-busy={busy}>
          {shown.map((hit, i) => (
            <div key={hit.id}>
              {(i === 0 || shown[i - 1]!.kind !== hit.kind) && (
                <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt={i ? 'sm' : 0} mb={2} px="xs">
                  {label(SEARCH_KINDS, hit.kind)}
                </Text>
              )}
              <UnstyledButton
                w="100%"
                px="sm"
                py={6}
                onClick={() => open(hit)}
                onMouseEnter={() => setActive(i)}
                data-testid="search-hit"
                data-kind={hit.kind}
                style={{ borderRadius: 6, background: i === active ? 'var(--mantine-color-indigo-0)' : undefined }}
              >
                <Group gap="xs" wrap="nowrap">
                  <Stack gap={0} style={{ minWidth: 0, flex: 1 }}>
                    <Text fw={600} truncate>
                      {name(hit.title)}
                    </Text>
                    {hit.subtitle && (
                      // A talking point's subtitle is its own words (its partner, its text's first words): record text.
                      <Text size="sm" c="dimmed" truncate {...(hit.kind === 'snippet' && { 'data-record': '' })}>
                        {subtitleIn(hit.subtitle, lang)}
                      </Text>
                    )}
                  </Stack>
                </Group>
              </UnstyledButton>
            </div>
          ))}
        </Stack>
      </ScrollArea.Autosize>
      </Modal.Body>
      </Modal.Content>
    </Modal.Root>
  )
}
