import { z } from 'zod'
import { id } from './common.ts'

/** The largest scan or picture kept (and carried in a data pack). */
export const MAX_ATTACHMENT_BYTES = 100 * 1024 * 1024

/** What may be attached, and opened with the system's viewer: PDF and pictures, nothing that runs. */
export const ATTACHMENT_TYPES = {
  'application/pdf': ['.pdf'],
  'image/png': ['.png'],
  'image/jpeg': ['.jpg', '.jpeg'],
  'image/tiff': ['.tif', '.tiff'],
} as const
export type AttachmentMime = keyof typeof ATTACHMENT_TYPES
export const attachmentMimes = Object.keys(ATTACHMENT_TYPES) as [AttachmentMime, ...AttachmentMime[]]

/** A file's name as shown and saved: no folders, no control characters. */
export const attachmentFileName = () =>
  z
    .string({ error: (issue) => (issue.input === undefined || issue.input === null ? 'required' : 'must_be_text') })
    .min(1)
    .max(255, { error: 'file_name_too_long' })
    .refine((s) => !/[\\/\u0000-\u001f\u007f]/.test(s) && s !== '.' && s !== '..', { error: 'invalid' })

/** An attachment as a record holds it: the file lives once in the store under its sha256. */
export const attachmentRecord = z.object({
  entity: z.enum(['agreement', 'person']),
  entityId: id(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, { error: 'not_sha256' }),
  fileName: attachmentFileName(),
  mime: z.enum(attachmentMimes, { error: 'attachment_mime' }),
  bytes: z.number().int().nonnegative().max(MAX_ATTACHMENT_BYTES),
})
