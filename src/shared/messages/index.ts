/**
 * The one wording table of the app's messages, in Vietnamese and English: why a call
 * failed (reasons.ts), what is wrong with a field or a spreadsheet's row (issues.ts).
 * The core sends codes and parameters; the window words them in its language, the CLI
 * and the logs in Vietnamese with the English after it.
 */
import { fieldLabel } from '../domain/fields.ts'
import type { Lang } from '../domain/labels.ts'
import type { ApiError } from '../result.ts'
import { ISSUES, isIssueCode, type Issue } from './issues.ts'
import { REASONS, isReason } from './reasons.ts'
import { wordsFor, type Params } from './words.ts'

export { ISSUES, isIssueCode, issuesOf, type Issue, type IssueCode } from './issues.ts'
export { REASONS, isReason, type ReasonCode } from './reasons.ts'
export { ENTITIES, wordsFor, type Params, type Words } from './words.ts'

const LANGS: readonly Lang[] = ['vi', 'en']

/** A field's problem in a language: "Bắt buộc" / "Required". */
export function wordIssue(issue: Pick<Issue, 'code' | 'params'>, lang: Lang): string {
  const entry = isIssueCode(issue.code) ? ISSUES[issue.code] : ISSUES.invalid
  return entry[lang](issue.params ?? {}, wordsFor(lang))
}

/** "Tên văn kiện (tiếng Việt): Bắt buộc" / "Title (Vietnamese): Required". */
export function wordIssueWithField(issue: Issue, lang: Lang): string {
  const text = wordIssue(issue, lang)
  return issue.field ? `${fieldLabel(issue.field, lang)}: ${text}` : text
}

/** A spreadsheet row's problem: its field named first when it has one (the record's own checks refused it). */
export function wordProblem(p: { code: string; field?: string | undefined; params?: Params | undefined }, lang: Lang): string {
  const issue = { code: p.code as Issue['code'], ...(p.params && { params: p.params }) }
  return p.field ? wordIssueWithField({ ...issue, field: p.field }, lang) : wordIssue(issue, lang)
}

/** Why a call failed, in a language (the fields' problems are worded one by one: `errorLines`). */
export function wordReason(reason: string, params: Params | undefined, lang: Lang): string {
  const entry = isReason(reason) ? REASONS[reason] : REASONS.internal
  return entry[lang](params ?? {}, wordsFor(lang))
}

/** An error as lines in a language: the reason, then each field's problem. */
export function errorLines(error: Pick<ApiError, 'reason' | 'params' | 'details'>, lang: Lang): { title: string; lines: string[] } {
  return { title: wordReason(error.reason, error.params, lang), lines: (error.details ?? []).map((d) => wordIssueWithField(d, lang)) }
}

/** Vietnamese, then English: how the CLI and the logs say it. */
export function bilingual(say: (lang: Lang) => string): string {
  const [vi, en] = LANGS.map(say)
  return vi === en ? vi! : `${vi} / ${en}`
}

/** An error as the CLI prints it: the reason and each field's problem, Vietnamese then English. */
export function wordErrorBoth(error: Pick<ApiError, 'reason' | 'params' | 'details'>): string {
  const reason = bilingual((lang) => wordReason(error.reason, error.params, lang))
  const details = (error.details ?? []).map((d) => `  ${bilingual((lang) => wordIssueWithField(d, lang))}`)
  return [reason, ...details].join('\n')
}
