/**
 * zod, set up once for the whole app. The "mini" build: the same checks and issues as the classic
 * API, written as functions (`z.optional(x)`, `.check(z.minLength(1))`) instead of methods, so that
 * a bundler keeps only what the schemas use: about 10 KB gzip on the first load instead of about 27.
 * Its issues have no messages until a locale is set, so English is set here (`problems.ts` shows
 * them). Jitless: zod would otherwise probe for `new Function` to compile faster parsers, and under
 * the app's Content-Security-Policy (no 'unsafe-eval', see index.html) that probe is reported as a
 * violation even though zod catches it.
 */
import { z } from 'zod/mini';

z.config({ ...z.locales.en(), jitless: true });

export { z };
