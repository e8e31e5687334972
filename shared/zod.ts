/**
 * The schema library: zod's functional build (`zod/mini`), with the English messages zod's chained build loads
 * by itself. The same zod (one core, one JSON Schema output), a fraction of the code a function carries and
 * evaluates at start; `parse`/`safeParse`, `z.infer` and `z.toJSONSchema` work as with the chained build, and
 * schemas of both builds nest in one another.
 *
 * Zod builds a schema, and each of its checks, the moment the expression runs, and a cold Lambda pays for every
 * schema its modules declare before its first event. So the schemas of stored records, settings, requests and
 * events are declared inside `z.lazy(() => …)`: each function builds only the schemas its requests and events
 * actually parse, at first use, once. A lazy parses, infers and converts to JSON Schema as its inner schema does;
 * where code reads a schema's parts (an enum's values, an object's fields), the module exports those as plain
 * values or a builder instead. The canonical report model stays eager: the functions that read it parse with it
 * at once, on their hot path.
 */
import { config } from 'zod/mini';
import en from 'zod/v4/locales/en.js';

config(en());

export * from 'zod/mini';
