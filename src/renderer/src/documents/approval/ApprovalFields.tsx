/** The builder's cost inputs: each member's rank for the rate table, and the days and nights in each country. */
import { Group, NumberInput, Select, Table, Text } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { memberKey, type Stay } from '../../../../shared/domain/approval.ts'
import { COUNTRIES, MEMBER_ROLES } from '../../../../shared/domain/labels.ts'
import type { Trip } from '../../../../shared/domain/trips.ts'
import { useLabels } from '../../i18n/index.ts'

const NO_RANK = '-'

export function MemberRanks({ members, ranks, value, onChange }: { members: Trip['members']; ranks: string[]; value: Record<string, string>; onChange: (v: Record<string, string>) => void }) {
  const { t } = useTranslation()
  const { label } = useLabels()
  return (
    <Table verticalSpacing={4} data-testid="approval-ranks">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('approval.member')}</Table.Th>
          <Table.Th w="45%">{t('approval.rank')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {members.map((m, i) => {
          const key = memberKey(m)
          const current = value[key] || null
          return (
            <Table.Tr key={i}>
              <Table.Td>
                <Text size="sm" fw={600} lang="vi">
                  {m.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {label(MEMBER_ROLES, m.role)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Select
                  size="xs"
                  // "No rank" is an option of its own: reachable by keyboard, unlike a clear button.
                  data={[{ value: NO_RANK, label: t('approval.noRank') }, ...(current && !ranks.includes(current) ? [...ranks, current] : ranks)]}
                  value={current ?? NO_RANK}
                  onChange={(v) => onChange({ ...value, [key]: !v || v === NO_RANK ? '' : v })}
                  allowDeselect={false}
                  // Ranks are the office's own words, in Vietnamese.
                  lang="vi"
                  aria-label={`${t('approval.rank')}: ${m.name}`}
                  error={!current}
                />
              </Table.Td>
            </Table.Tr>
          )
        })}
      </Table.Tbody>
    </Table>
  )
}

export function Stays({ value, onChange }: { value: Stay[]; onChange: (v: Stay[]) => void }) {
  const { t } = useTranslation()
  const { label } = useLabels()
  const set = (i: number, patch: Partial<Stay>) => onChange(value.map((s, k) => (k === i ? { ...s, ...patch } : s)))
  const count = (v: string | number) => Math.max(0, Math.min(366, Math.round(Number(v) || 0)))
  return (
    <>
      {value.map((s, i) => (
        <Group key={s.country} gap="xs" mt="xs" wrap="nowrap" data-testid="approval-stay">
          <Text size="sm" fw={600} style={{ flex: 1 }}>
            {label(COUNTRIES, s.country)}
          </Text>
          <NumberInput size="xs" w={110} min={0} max={366} label={t('approval.days')} value={s.days} onChange={(v) => set(i, { days: count(v) })} />
          <NumberInput size="xs" w={110} min={0} max={366} label={t('approval.nights')} value={s.nights} onChange={(v) => set(i, { nights: count(v) })} />
        </Group>
      ))}
    </>
  )
}
