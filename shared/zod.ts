/**
 * The schema library: zod's functional build (`zod/mini`), with the English messages zod's chained build loads
 * by itself. The same zod (one core, one JSON Schema output), a fraction of the code a function carries and
 * evaluates at start; `parse`/`safeParse`, `z.infer` and `z.toJSONSchema` work as with the chained build, and
 * schemas of both builds nest in one another.
 *
 * Zod builds a schema, and each of its checks, the moment the expression runs, and a cold Lambda pays for every
 * schema its modules declare before its first event. So a module that functions bundle declares its schemas (stored
 * records, settings, requests, events, and the leaves they share) inside `z.lazy(() => …)`: each function builds only
 * the schemas it actually parses, at first use, once. `test/infra/schemas-at-import.test.ts` fails a function that
 * builds more than a few at import. The rules that keep it so:
 * - Every module-level schema is a lazy, leaves too; a common leaf comes from `zod-leaves.ts`. Lazies nest freely.
 * - A lazy parses, infers and converts to JSON Schema as its inner schema does, but hides its parts: no `.shape`,
 *   no enum `.options`, and a lazy enum as a `z.record` key no longer makes the record require every key
 *   (`z.partialRecord` is unaffected). Export the parts as plain values (`AGENCY_KINDS`) or a builder of the fields
 *   (`agencyFields()`), and call a builder only inside a lazy: each call builds its schemas anew.
 * - The canonical report model stays eager: the functions that read it parse with it at once, on their hot path.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
