/**
 * Light or dark, as the officer chose in Settings: the window's own preference, kept in
 * its local storage (like the language), and applied by Mantine before the first paint
 * of the register.
 */
import { localStorageColorSchemeManager } from '@mantine/core'

export const colorSchemeManager = localStorageColorSchemeManager({ key: 'hanh-trang-color-scheme' })
