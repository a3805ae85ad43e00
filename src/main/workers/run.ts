/**
 * Work that takes seconds on a large register runs on a worker thread, so that the window
 * keeps answering and the second core works too. Each worker is a module of this folder:
 * run from the sources (tests, the CLI) it is the .ts file beside this one; in the bundled
 * app it is a .js entry beside the main bundle, whose folder the shell names once.
 */
import { Worker } from 'node:worker_threads'

let base: URL | null = null

/** The shell calls this with its own folder: the bundle's worker entries are there. */
export function setWorkerBase(folder: URL): void {
  base = folder
}

function workerUrl(name: string): URL {
  if (base) return new URL(`./${name}.js`, base)
  return new URL(`./${name}${import.meta.url.endsWith('.ts') ? '.ts' : '.js'}`, import.meta.url)
}

/** Runs worker `name` on `data`; its one message is the answer. `inline` computes it here if no worker can start. */
export function runWorker<T>(name: string, data: unknown, inline: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    let worker: Worker
    try {
      worker = new Worker(workerUrl(name), { workerData: data })
    } catch {
      resolve(inline())
      return
    }
    let answered = false
    worker.once('message', (m: T) => {
      answered = true
      resolve(m)
    })
    worker.once('error', (e) => {
      if (answered) return
      answered = true
      // A worker that cannot load its module (a packaging fault) still gets the work done.
      if ((e as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND' || (e as NodeJS.ErrnoException).code === 'ERR_WORKER_PATH') {
        try {
          resolve(inline())
        } catch (inlineError) {
          reject(inlineError)
        }
      } else reject(e)
    })
    worker.once('exit', (code) => {
      if (!answered) reject(new Error(`worker ${name} stopped (${code})`))
    })
  })
}
