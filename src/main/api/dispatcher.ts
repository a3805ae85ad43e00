/**
 * The transport-free core of the API: `(method, input) -> Result`. The Electron IPC
 * handler and the e2e test host both call it; neither adds logic of its own. A refusal
 * crosses without words: its code, reason and parameters, each field's problem.
 */
import type { z } from 'zod'
import { contract, type Method, type Output, type ParsedInput } from '../../shared/contract.ts'
import { issuesOf, type Issue } from '../../shared/messages/index.ts'
import type { Result } from '../../shared/result.ts'
import type { Ctx } from '../context.ts'
import { AppError, unexpected } from '../errors.ts'

export type Handler<M extends Method> = (ctx: Ctx, input: ParsedInput<M>) => Promise<Output<M>>
export type Handlers = { [M in Method]: Handler<M> }
export type Dispatch = (method: string, input: unknown) => Promise<Result<unknown>>

/** A refused input's problems, field by field. */
export function toDetails(error: z.ZodError): Issue[] {
  return issuesOf(error)
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
      return { ok: false, error: new AppError('unknown_method', { method: String(method).slice(0, 100) }).toApiError() }
    }
    const spec = contract[method as Method]
    const parsed = spec.input.safeParse(rawInput ?? undefined)
    if (!parsed.success) {
      return { ok: false, error: new AppError('invalid_input', {}, { details: toDetails(parsed.error) }).toApiError() }
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
        return { ok: false, error: known.toApiError() }
      }
      options.log?.(e)
      return { ok: false, error: unexpected() }
    }
  }
}
