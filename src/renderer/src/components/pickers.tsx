/**
 * Choosing a partner: one searchable list of localities (including units that no longer
 * exist, with their lineage), organizations and, where asked, people. Values are
 * "locality:<id>", "organization:<id>", "person:<id>".
 */
import { Select, type SelectProps } from '@mantine/core'
import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../api.ts'
import { foldFilter } from './ui.tsx'

export type PartnerKind = 'locality' | 'organization' | 'person'
export interface PartnerRef {
  kind: PartnerKind
  id: string
}

export const encodePartner = (ref: PartnerRef | null) => (ref ? `${ref.kind}:${ref.id}` : null)
export function decodePartner(value: string | null): PartnerRef | null {
  if (!value) return null
  const [kind, id] = value.split(':') as [PartnerKind, string]
  return { kind, id }
}

export function usePartnerOptions(kinds: PartnerKind[]) {
  const { t } = useTranslation()
  const localities = useApi('localities.list', { includeHistorical: true }, { enabled: kinds.includes('locality') })
  const organizations = useApi('organizations.list', undefined, { enabled: kinds.includes('organization') })
  const people = useApi('people.list', undefined, { enabled: kinds.includes('person') })
  return useMemo(() => {
    const groups = []
    if (kinds.includes('locality') && localities.data) {
      groups.push({
        group: t('nav.localities'),
        items: localities.data.map((l) => ({ value: `locality:${l.id}`, label: l.nameNative ? `${l.displayName} · ${l.nameNative}` : l.displayName })),
      })
    }
    if (kinds.includes('organization') && organizations.data) {
      groups.push({
        group: t('nav.organizations'),
        items: organizations.data.map((o) => ({ value: `organization:${o.id}`, label: o.abbreviation ? `${o.abbreviation} – ${o.nameVi}` : o.nameVi })),
      })
    }
    if (kinds.includes('person') && people.data) {
      groups.push({
        group: t('nav.people'),
        items: people.data.map((p) => ({ value: `person:${p.id}`, label: [p.displayName, p.nativeName && `(${p.nativeName})`, p.title && `– ${p.title}`].filter(Boolean).join(' ') })),
      })
    }
    return groups
  }, [kinds, localities.data, organizations.data, people.data, t])
}

export function PartnerSelect({ kinds, ...props }: { kinds: PartnerKind[] } & Omit<SelectProps, 'data'>) {
  const data = usePartnerOptions(kinds)
  return <Select searchable clearable filter={foldFilter} limit={80} nothingFoundMessage="—" data={data} {...props} />
}
