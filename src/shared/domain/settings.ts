/**
 * The installation's own settings (Settings > General, asked once on first start): who
 * works here, for which province, and the agency names a brief's cover carries. They live
 * in the database (app_meta), so a backup or a restore carries them; the window's language
 * and light/dark theme are the window's own and live in its local storage.
 */
import { z } from 'zod'
import { id, requiredText, text } from './common.ts'

const line = (max: number) => text().pipe(z.string().max(max, { error: `Quá dài (tối đa ${max} ký tự) / too long` }))

export const appSettings = z.object({
  /** The officer's name, recorded in the audit log and in every record's `updated_by`; the OS user until set. */
  userName: z.string(),
  /**
   * The home province: the Vietnamese provincial unit (one of the 34 in force) the office
   * belongs to. Trips default their sending province to it; briefs derive their governing
   * body ("ỦY BAN NHÂN DÂN TỈNH …") and place from it. Null until the first start sets it.
   */
  homeLocalityId: z.string().nullable(),
  homeLocalityName: z.string().nullable(),
  /** The cover's agency block as set here, or null for the default (see `defaults`). */
  parentAgency: z.string().nullable(),
  agency: z.string().nullable(),
  /** What a brief's cover says when the agency names are not set: from the home province. */
  defaults: z.object({ parentAgency: z.string(), agency: z.string() }),
  /** The first start's welcome step has been answered (it is asked once, never again). */
  firstStartDone: z.boolean(),
})
export type AppSettings = z.infer<typeof appSettings>

const userName = () => requiredText().pipe(z.string().max(100, { error: 'Quá dài (tối đa 100 ký tự) / too long' }))

/** A change to some of the settings; an agency name left empty goes back to its default. */
export const settingsPatch = z.object({
  userName: userName().optional(),
  homeLocalityId: id().optional(),
  parentAgency: line(300).optional(),
  agency: line(300).optional(),
})

/** The first start's two questions, both answered. */
export const firstStartInput = z.object({ userName: userName(), homeLocalityId: id() })
