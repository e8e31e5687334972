/**
 * A stable construct id from a declared name (`records` → `Records`, `aws.s3` → `AwsS3`). Ids are part of each
 * resource's logical id: renaming a table or bucket in `infra/app.ts` replaces it, so declared names are for keeps.
 */
export function constructId(name: string): string {
  return name
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}
