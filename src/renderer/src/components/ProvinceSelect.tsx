/**
 * A choice among Viet Nam's 34 provincial units in force (never a Japanese prefecture, nor
 * a unit merged away in 2025): the home province in Settings and on first start, a trip's
 * sending province. A record that already names another unit (a trip sent before the 2025
 * merger) keeps it on offer as `current`, so that editing the record does not lose it.
 */
import { Select, type SelectProps } from '@mantine/core'
import { sortByVi } from '../../../shared/text/collate.ts'
import { useApi } from '../api.ts'
import { useLabels } from '../i18n/index.ts'
import { foldFilter } from './ui.tsx'

export function ProvinceSelect({ current, ...props }: Omit<SelectProps, 'data' | 'searchable' | 'filter'> & { current?: { id: string; name: string } | null }) {
  const { lang } = useLabels()
  const { data = [] } = useApi('localities.list', { country: 'VN', level: 'province' })
  const options = sortByVi(data, (l) => l.nameVi).map((l) => ({ value: l.id, label: lang === 'en' ? (l.nameEn ?? l.nameVi) : l.nameVi }))
  if (current && !options.some((o) => o.value === current.id)) options.push({ value: current.id, label: current.name })
  return <Select {...props} data={options} searchable filter={foldFilter} />
}
