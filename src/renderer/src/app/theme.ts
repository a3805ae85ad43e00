import { createTheme } from '@mantine/core'

// Fonts that carry Vietnamese marks and Japanese kanji on Windows, macOS and Linux.
const sans = '"Segoe UI", "Noto Sans", "Liberation Sans", Arial, "Yu Gothic UI", "Meiryo", "Noto Sans CJK JP", "IPAGothic", "IPAPGothic", sans-serif'

export const theme = createTheme({
  primaryColor: 'indigo',
  fontFamily: sans,
  headings: { fontFamily: sans, fontWeight: '650' },
  defaultRadius: 'md',
})
