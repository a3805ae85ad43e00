import { Stack } from '@mantine/core'
import { useTranslation } from 'react-i18next'
import { PageHeader } from '../components/ui.tsx'
import { ApprovalSection } from './ApprovalSection.tsx'
import { AuditSection } from './AuditSection.tsx'
import { BackupsSection } from './BackupsSection.tsx'
import { DisplaySection } from './DisplaySection.tsx'
import { GeneralSection } from './GeneralSection.tsx'
import { HealthSection } from './HealthSection.tsx'
import { OfficeSection } from './OfficeSection.tsx'
import { PacksSection } from './PacksSection.tsx'
import { ReportRuleSection } from './ReportRuleSection.tsx'
import { ServerSection } from './ServerSection.tsx'

/** Settings: one section per concern, each in its own file. */
export function SettingsPage() {
  const { t } = useTranslation()
  return (
    <Stack maw={900}>
      <PageHeader title={t('settings.title')} />
      <OfficeSection />
      <ApprovalSection />
      <ServerSection />
      <DisplaySection />
      <GeneralSection />
      <ReportRuleSection />
      <PacksSection />
      <BackupsSection />
      <HealthSection />
      <AuditSection />
    </Stack>
  )
}
