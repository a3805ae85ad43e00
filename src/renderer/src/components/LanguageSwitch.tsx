import { SegmentedControl, type SegmentedControlProps } from '@mantine/core'
import { setLanguage, useLabels } from '../i18n/index.ts'

/** Tiếng Việt / English, remembered for the next start. */
export function LanguageSwitch(props: Omit<SegmentedControlProps, 'data' | 'value' | 'onChange'>) {
  const { lang } = useLabels()
  return (
    <SegmentedControl
      {...props}
      value={lang}
      onChange={(v) => setLanguage(v === 'en' ? 'en' : 'vi')}
      data={[
        { value: 'vi', label: <span lang="vi">Tiếng Việt</span> },
        { value: 'en', label: <span lang="en">English</span> },
      ]}
    />
  )
}
