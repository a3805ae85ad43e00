/** What a follow-up action is on a date: done (or dropped), open, due soon, or overdue by N days. */
import type { CommitmentStatus } from '../domain/labels.ts'
import { daysBetween } from './days.ts'

/** "Due soon": within this many days. */
export const DUE_SOON_DAYS = 30

export type CommitmentState =
  | { state: 'done' }
  | { state: 'cancelled' }
  | { state: 'open'; due: string | null }
  | { state: 'due_soon'; due: string; daysLeft: number }
  | { state: 'overdue'; due: string; daysLate: number }

export function commitmentState(c: { status: CommitmentStatus; dueDate: string | null }, date: string): CommitmentState {
  if (c.status === 'done') return { state: 'done' }
  if (c.status === 'cancelled') return { state: 'cancelled' }
  if (!c.dueDate) return { state: 'open', due: null }
  const left = daysBetween(date, c.dueDate)
  if (left < 0) return { state: 'overdue', due: c.dueDate, daysLate: -left }
  if (left <= DUE_SOON_DAYS) return { state: 'due_soon', due: c.dueDate, daysLeft: left }
  return { state: 'open', due: c.dueDate }
}

export const isOpen = (s: CommitmentState) => s.state === 'open' || s.state === 'due_soon' || s.state === 'overdue'
