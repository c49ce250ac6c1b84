/**
 * zod, set up once for the whole app. Jitless: zod would otherwise probe for `new Function` to
 * compile faster parsers, and under the app's Content-Security-Policy (no 'unsafe-eval', see
 * index.html) that probe is reported as a violation even though zod catches it.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
