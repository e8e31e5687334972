/**
 * The schema library: zod's functional build (`zod/mini`), with the English messages zod's chained build loads
 * by itself. The same zod (one core, one JSON Schema output), a fraction of the code a function carries and
 * evaluates at start; `parse`/`safeParse`, `z.infer` and `z.toJSONSchema` work as with the chained build, and
 * schemas of both builds nest in one another.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
