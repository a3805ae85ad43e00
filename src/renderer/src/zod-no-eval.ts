/**
 * zod compiles its object parsers with `new Function` unless told not to, and probes for
 * eval as each object schema is built. The renderer's policy has no 'unsafe-eval', so the
 * probe alone is a violation. Imported first by main.tsx, before any schema is built.
 */
import { config } from 'zod'

config({ jitless: true })
