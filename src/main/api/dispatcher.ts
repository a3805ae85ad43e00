/**
 * The transport-free core of the API: `(method, input) -> Result`. The Electron IPC
 * handler and the e2e test host both call it; neither adds logic of its own.
 */
import type { z } from 'zod'
import { contract, type Method, type Output, type ParsedInput } from '../../shared/contract.ts'
import { fieldLabel } from '../../shared/domain/fields.ts'
import type { IssueDetail, Result } from '../../shared/result.ts'
import type { Ctx } from '../context.ts'
import { AppError } from '../errors.ts'

export type Handler<M extends Method> = (ctx: Ctx, input: ParsedInput<M>) => Promise<Output<M>>
export type Handlers = { [M in Method]: Handler<M> }
export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>

/** Zod's own messages are English; the ones this project writes are already bilingual. */
function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.message.includes(' / ')) return issue.message
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'Không được để trống / required' : 'Sai kiểu dữ liệu / wrong type'
    case 'invalid_value':
      return 'Giá trị không nằm trong danh mục cho phép / not an allowed value'
    case 'too_big':
      return 'Vượt quá giới hạn cho phép / too large'
    case 'too_small':
      return 'Chưa đủ giá trị tối thiểu / too small'
    case 'unrecognized_keys':
      return `Trường không được hỗ trợ: ${issue.keys.join(', ')} / unknown fields`
    default:
      return `Giá trị không hợp lệ / ${issue.message}`
  }
}

export function toDetails(error: z.ZodError): IssueDetail[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issueMessage(issue) }))
}

export interface DispatchOptions {
  checkOutput?: boolean
  log?: (e: unknown) => void
  /** Names what a failure of the database or the disk means (db/errors.ts); anything else is "internal". */
  classify?: (e: unknown) => AppError | null
}

export function createDispatcher(ctx: Ctx, handlers: Handlers, options: DispatchOptions = {}): Dispatch {
  return async (method, rawInput) => {
    if (typeof method !== 'string' || !Object.hasOwn(contract, method)) {
      return { ok: false, error: { code: 'unknown_method', message: `Chức năng không tồn tại: ${String(method).slice(0, 100)} / unknown method` } }
    }
    const spec = contract[method as Method]
    const parsed = spec.input.safeParse(rawInput ?? undefined)
    if (!parsed.success) {
      const details = toDetails(parsed.error)
      const first = details[0]
      const message = first
        ? `Dữ liệu chưa hợp lệ – ${first.path ? `${fieldLabel(first.path)}: ` : ''}${first.message}`
        : 'Dữ liệu chưa hợp lệ / invalid input'
      return { ok: false, error: { code: 'invalid_input', message, details } }
    }
    try {
      const handler = handlers[method as Method] as (ctx: Ctx, input: unknown) => Promise<unknown>
      const value = await handler(ctx, parsed.data)
      if (options.checkOutput) spec.output.parse(value)
      return { ok: true, value }
    } catch (e) {
      const known = e instanceof AppError ? e : (options.classify?.(e) ?? null)
      if (known) {
        if (!(e instanceof AppError)) options.log?.(e)
        return { ok: false, error: { code: known.code, message: known.message, ...(known.details && { details: known.details }) } }
      }
      options.log?.(e)
      return {
        ok: false,
        error: { code: 'internal', message: 'Có lỗi ngoài dự kiến; dữ liệu không bị thay đổi. / Unexpected error; nothing was changed.' },
      }
    }
  }
}
