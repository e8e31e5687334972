/**
 * What makes a JSON Schema change breaking for consumers that parse the old shape: a property removed,
 * a property newly required, an enum value or a type removed, a constant changed. Everything else
 * (new optional properties, new enum values, looser bounds) is additive.
 */
type Schema = Record<string, unknown>;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

export function compatibilityBreaks(before: unknown, after: unknown, at = '$'): string[] {
  if (!isSchema(before) || !isSchema(after)) return [];
  const breaks: string[] = [];
  const afterTypes = asList(after.type);
  for (const type of asList(before.type)) {
    if (afterTypes.length > 0 && !afterTypes.includes(type)) breaks.push(`${at}: type ${String(type)} removed`);
  }
  const afterEnum = asList(after.enum);
  for (const value of asList(before.enum)) {
    if (after.enum !== undefined && !afterEnum.includes(value))
      breaks.push(`${at}: enum value ${String(value)} removed`);
  }
  if ('const' in before && 'const' in after && before.const !== after.const) breaks.push(`${at}: const changed`);
  const required = new Set(asList(before.required));
  for (const name of asList(after.required)) {
    if (!required.has(name)) breaks.push(`${at}.${String(name)}: newly required`);
  }
  const beforeProps = isSchema(before.properties) ? before.properties : {};
  const afterProps = isSchema(after.properties) ? after.properties : {};
  for (const [name, schema] of Object.entries(beforeProps)) {
    if (!(name in afterProps)) breaks.push(`${at}.${name}: removed`);
    else breaks.push(...compatibilityBreaks(schema, afterProps[name], `${at}.${name}`));
  }
  if (isSchema(before.items)) breaks.push(...compatibilityBreaks(before.items, after.items, `${at}[]`));
  return breaks;
}
