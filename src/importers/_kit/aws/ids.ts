/** AWS identifiers shared by the AWS importers: ARNs, availability zones, account ids, ELBv2 ids. */

export interface ArnParts {
  readonly account?: string;
  readonly region?: string;
  readonly resource: string;
}

/** Account, region and resource part of an ARN, or undefined when the text is not an ARN. */
export function arnParts(arn: string): ArnParts | undefined {
  const m = /^arn:[^:]+:[^:]*:([^:]*):([^:]*):(.+)$/.exec(arn);
  if (!m) return undefined;
  const out: { account?: string; region?: string; resource: string } = { resource: m[3]! };
  if (m[1]) out.region = m[1];
  if (m[2]) out.account = m[2];
  return out;
}

/** Region of an availability zone name (`us-east-1a` -> `us-east-1`). */
export function regionOfZone(zone: string | undefined): string | undefined {
  if (zone === undefined) return undefined;
  const m = /^([a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2})[a-z]$/.exec(zone);
  return m?.[1];
}

/** A 12-digit AWS account id (`owner_id` of AWS-managed objects is `AWS`, not an account). */
export function isAccountId(text: string | undefined): text is string {
  return text !== undefined && /^\d{12}$/.test(text);
}

/**
 * Ids of ELBv2 objects are their ARN suffix, as in the AWS CLI importer: `app/<name>/<id>` for a load
 * balancer, `targetgroup/<name>/<id>` for a target group, `listener/app/<name>/<lb-id>/<id>` for a listener.
 */
export function elbId(arn: string): string {
  const res = arnParts(arn)?.resource ?? arn;
  return res.startsWith('loadbalancer/') ? res.slice('loadbalancer/'.length) : res;
}

/** `table[key]` for the table's own keys only (input text never reaches `constructor`, `toString`...). */
export function own<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
