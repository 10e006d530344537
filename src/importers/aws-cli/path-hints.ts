/** What a file's path says about its contents: account, region, and the parent object of calls
 * whose output does not name it (DESIGN §6: `<call>-<parent>.json`). */
export interface PathHints {
  readonly account?: string;
  readonly region?: string;
  readonly call?: string;
  readonly parent?: string;
}

const REGION = /^(?:[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\d{1,2})$/;
const ACCOUNT = /^\d{12}$/;

/** Calls whose output lacks the parent id; longest first so prefixes do not shadow each other. */
export const parentCalls = [
  'get-transit-gateway-route-table-associations',
  'get-transit-gateway-route-table-propagations',
  'search-transit-gateway-routes',
  'get-managed-prefix-list-entries',
  'describe-target-health',
] as const;

export function pathHints(file: string): PathHints {
  const parts = file.split(/[\\/]/).filter((p) => p !== '');
  let account: string | undefined;
  let region: string | undefined;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i]!;
    // Batfish layout: aws_configs/accounts/<account>/<region>/ (accounts may be short test ids).
    if (p === 'accounts' && parts[i + 1] !== undefined && i + 1 < parts.length - 1) account = parts[i + 1];
    else if (ACCOUNT.test(p)) account = p;
    if (REGION.test(p)) region = p;
  }
  const base = (parts[parts.length - 1] ?? '').replace(/\.json$/i, '');
  for (const call of parentCalls) {
    if (base.startsWith(`${call}-`) && base.length > call.length + 1) {
      return withDefined({ account, region, call, parent: base.slice(call.length + 1) });
    }
  }
  return withDefined({ account, region });
}

function withDefined(h: Record<string, string | undefined>): PathHints {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k] = v;
  return out;
}
