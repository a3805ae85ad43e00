/**
 * An item as the other side's programme words it, in English and Japanese: what, where, who
 * from our side, what we ask. Left empty, the programme keeps the Vietnamese and says so.
 */
import { Accordion, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core'
import type { UseFormReturnType } from '@mantine/form'
import { useTranslation } from 'react-i18next'
import type { ItemTranslations } from '../../../shared/domain/trips.ts'

const LANGS = ['en', 'ja'] as const
const FIELDS = ['title', 'place', 'attendees', 'asks'] as const
type Words = Record<(typeof FIELDS)[number], string>
export type TranslationValues = Record<(typeof LANGS)[number], Words>

export function translationValues(tr: ItemTranslations | undefined): TranslationValues {
  const of = (l: (typeof LANGS)[number]): Words => ({ title: tr?.[l]?.title ?? '', place: tr?.[l]?.place ?? '', attendees: tr?.[l]?.attendees ?? '', asks: tr?.[l]?.asks ?? '' })
  return { en: of('en'), ja: of('ja') }
}

/** Only what was typed: a language with nothing in it is left out. */
export function translationInput(v: TranslationValues): ItemTranslations {
  const out: ItemTranslations = {}
  for (const l of LANGS) {
    const words = Object.fromEntries(FIELDS.map((f) => [f, v[l][f].trim() || null])) as NonNullable<ItemTranslations['en']>
    if (Object.values(words).some(Boolean)) out[l] = words
  }
  return out
}

export function ItemTranslationsFields<V extends { tr: TranslationValues }>({ form }: { form: UseFormReturnType<V> }) {
  const { t } = useTranslation()
  const filled = LANGS.some((l) => FIELDS.some((f) => form.values.tr[l][f]))
  const name = (l: (typeof LANGS)[number]) => (l === 'en' ? t('incoming.langEn') : t('incoming.langJa'))
  const props = (l: (typeof LANGS)[number], f: (typeof FIELDS)[number]) => ({ ...form.getInputProps(`tr.${l}.${f}` as never), lang: l })
  return (
    <Accordion variant="contained" defaultValue={filled ? 'tr' : null}>
      <Accordion.Item value="tr">
        <Accordion.Control data-testid="item-translations">{t('incoming.translations')}</Accordion.Control>
        <Accordion.Panel>
          <Text size="sm" c="dimmed" mb="xs">
            {t('incoming.translationsHint')}
          </Text>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {LANGS.map((l) => (
              <Stack key={l} gap="xs">
                <TextInput label={t('incoming.trTitle', { lang: name(l) })} {...props(l, 'title')} />
                <TextInput label={t('incoming.trPlace', { lang: name(l) })} {...props(l, 'place')} />
                <Textarea label={t('incoming.trAttendees', { lang: name(l) })} autosize minRows={1} {...props(l, 'attendees')} />
                <Textarea label={t('incoming.trAsks', { lang: name(l) })} autosize minRows={1} {...props(l, 'asks')} />
              </Stack>
            ))}
          </SimpleGrid>
        </Accordion.Panel>
      </Accordion.Item>
    </Accordion>
  )
}
