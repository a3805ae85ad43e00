/**
 * What the core asks of the desktop: where to save, which folder, show a file. The
 * Electron shell provides dialogs (shell/platform.ts); the test host and the CLI use a
 * folder given to them, so every path is exercised without a window.
 */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

export interface Platform {
  /** A path to save to, or null when the officer cancels. */
  chooseSavePath(defaultName: string): Promise<string | null>
  /** A Word file to open (a letterhead template), or null when cancelled. */
  chooseDocx(): Promise<string | null>
  /** A spreadsheet to import (.xlsx, .xls or .csv), or null when cancelled. */
  chooseSpreadsheet(): Promise<string | null>
  /** A data pack (.htpack) to import, or null when cancelled. */
  choosePack(): Promise<string | null>
  /** A scanned document or picture to attach, or null when cancelled. */
  chooseAttachment(): Promise<string | null>
  /** Opens a file with the system's viewer. */
  openFile(path: string): Promise<void>
  /** A folder to write several files into, or null when cancelled. */
  chooseFolder(): Promise<string | null>
  showInFolder(path: string): Promise<void>
  /** The office server's certificate authority (a .pem or .crt file), or null when cancelled. */
  chooseCertificate?(): Promise<string | null>
}

/** Saves into a fixed folder under the default names (tests, the e2e host). */
export function folderPlatform(
  folder: string,
  options: { docxToOpen?: string; spreadsheetToOpen?: string; packToOpen?: string; attachmentToOpen?: string; certificateToOpen?: string; opened?: string[] } = {},
): Platform {
  return {
    chooseCertificate: async () => options.certificateToOpen ?? null,
    chooseAttachment: async () => options.attachmentToOpen ?? null,
    openFile: async (path) => void options.opened?.push(path),
    choosePack: async () => options.packToOpen ?? null,
    chooseDocx: async () => options.docxToOpen ?? null,
    chooseSpreadsheet: async () => options.spreadsheetToOpen ?? null,
    chooseSavePath: async (defaultName) => (mkdirSync(folder, { recursive: true }), join(folder, defaultName)),
    chooseFolder: async () => (mkdirSync(folder, { recursive: true }), folder),
    showInFolder: async () => {},
  }
}
