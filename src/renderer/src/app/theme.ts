import { createTheme, mergeThemeOverrides, type CSSVariablesResolver, type MantineThemeOverride } from '@mantine/core'

// Fonts that carry Vietnamese marks and Japanese kanji on Windows, macOS and Linux.
const sans = '"Segoe UI", "Noto Sans", "Liberation Sans", Arial, "Yu Gothic UI", "Meiryo", "Noto Sans CJK JP", "IPAGothic", "IPAPGothic", sans-serif'

/**
 * Contrast of at least 4.5:1 (WCAG AA) for text: the primary shade 8 (#3b5bdb) carries
 * white at 5.7:1 where shade 6 gave 4.3:1, and "dimmed" text is #5c636a (6.1:1 on white,
 * 5.4:1 on the light blue of a selected row) where Mantine's gray 6 gave 3.3:1.
 */
export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  fontFamily: sans,
  headings: { fontFamily: sans, fontWeight: '650' },
  defaultRadius: 'md',
  focusRing: 'auto',
})

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  // Field errors in red 9 (#c92a2a, 5.4:1 on white) where red 6 gave 3.3:1.
  light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-error': 'var(--mantine-color-red-9)' },
  dark: { '--mantine-color-dimmed': 'var(--mantine-color-dark-1)' },
})

/**
 * The theme with the words Mantine's own controls carry and cannot find out for themselves:
 * the dialogs' and drawers' close buttons are named in the UI's language.
 */
export function localizedTheme(close: string): MantineThemeOverride {
  const closeButtonProps = { 'aria-label': close }
  return mergeThemeOverrides(theme, {
    components: {
      Modal: { defaultProps: { closeButtonProps } },
      Drawer: { defaultProps: { closeButtonProps } },
      Notification: { defaultProps: { closeButtonProps } },
    },
  })
}
