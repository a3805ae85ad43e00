/** Worker thread: checks every row of a pack's database file (pack/validate.ts) while the main thread plans the merge. */
import { parentPort, workerData } from 'node:worker_threads'
import { checkPackRows } from '../exchange/pack/validate.ts'

const { file, max, register } = workerData as { file: string; max: number; register?: string }
parentPort!.postMessage(checkPackRows(file, { max, ...(register && { register }) }))
