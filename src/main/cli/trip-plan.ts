/**
 * `trip plan --trip ID --out FILE.docx [--kind to-trinh|ke-hoach]`: the approval request of
 * a trip as the builder has it (its saved choices), the kind as asked. What the officer
 * should fix first (missing rates, no signer...) is printed before the file is written.
 */
import { resolve } from 'node:path'
import { approvalKinds, type ApprovalKind, type ApprovalModel, type ApprovalSettings } from '../../shared/domain/approval.ts'
import type { Core } from '../core.ts'
import { AppError } from '../errors.ts'

interface Env {
  withCore<T>(fn: (core: Core) => Promise<T>): Promise<T>
  usage(message: string): Error
  out(s: string): void
}

export async function tripPlan(values: { trip?: string; out?: string; kind?: string }, { withCore, usage, out }: Env): Promise<number> {
  if (!values.trip || !values.out) throw usage('Cần --trip MÃ và --out TỆP.docx / --trip and --out are required')
  if (values.kind && !approvalKinds.includes(values.kind as ApprovalKind)) throw usage('--kind là to-trinh hoặc ke-hoach / --kind is to-trinh or ke-hoach')
  const outPath = resolve(values.out)
  const { writeApproval } = await import('../documents/approval/export.ts')
  const result = await withCore(async (core) => {
    const call = async <T>(method: string, input: unknown): Promise<T> => {
      const r = await core.dispatch(method, input)
      if (!r.ok) throw AppError.from(r.error)
      return r.value as T
    }
    const { settings } = await call<{ settings: ApprovalSettings }>('approval.get', { tripId: values.trip })
    const { model } = await call<{ model: ApprovalModel }>('approval.get', { tripId: values.trip, settings: { ...settings, ...(values.kind && { kind: values.kind }) } })
    for (const w of model.warnings) out(`! ${w}`)
    return writeApproval(core.ctx, model, outPath)
  })
  out(`Đã xuất ${result.path} (${Math.round(result.bytes / 1024)} KB, sha256 ${result.sha256.slice(0, 12)}…). / Approval request exported.`)
  return 0
}
