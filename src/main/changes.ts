/**
 * The register's change counter, for the windows: it goes up when a write commits here or
 * when the database says someone else's has (db/dialect/*\/changes.ts). A window asks
 * `changes.wait` with the number it last saw and gets an answer as soon as the counter
 * moves (or after a while, unchanged); it then refreshes what it shows.
 */
export class ChangeFeed {
  #seq = 0
  #waiting = new Set<() => void>()

  get seq(): number {
    return this.#seq
  }

  bump(): void {
    this.#seq++
    for (const wake of this.#waiting) wake()
    this.#waiting.clear()
  }

  /** The counter, as soon as it differs from `since` (at once when it does already), or after `timeoutMs`. */
  wait(since: number, timeoutMs: number): Promise<number> {
    if (since !== this.#seq) return Promise.resolve(this.#seq)
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer)
        this.#waiting.delete(done)
        resolve(this.#seq)
      }
      const timer = setTimeout(done, timeoutMs)
      timer.unref?.()
      this.#waiting.add(done)
    })
  }

  /** Answers every waiting window (the core is closing). */
  close(): void {
    for (const wake of [...this.#waiting]) wake()
  }
}
