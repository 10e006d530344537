import type { PrefixList } from '../../model/index.js';
import { type Json, opt } from '../_kit/index.js';
import { type AwsContext, base } from './context.js';

/**
 * `PrefixLists[]` of describe-managed-prefix-lists (no entries: cloud-semantics §1.8-9) or of the
 * legacy describe-prefix-lists (AWS service lists with `Cidrs`).
 */
export function convertPrefixList(ctx: AwsContext, o: Json, p: string): PrefixList | undefined {
  const { r } = ctx;
  const id = r.string(o, 'PrefixListId', p, true);
  if (id === undefined) return undefined;
  const name = r.string(o, 'PrefixListName', p);
  const legacy = Array.isArray(o.Cidrs);
  const cidrs: string[] = [];
  if (legacy)
    r.strings(o, 'Cidrs', p).forEach((c, i) => {
      const x = r.cidr(c, `${p}/Cidrs/${i}`);
      if (x) cidrs.push(x);
    });
  const owner = r.string(o, 'OwnerId', p);
  const family = r.string(o, 'AddressFamily', p);
  return {
    ...base(ctx, id, p, o, { account: owner === 'AWS' ? undefined : owner, name }),
    kind: 'prefix-list',
    managedBy: legacy || owner === 'AWS' || name?.startsWith('com.amazonaws.') ? 'provider' : 'customer',
    ...opt<'addressFamily', 'IPv4' | 'IPv6'>(
      'addressFamily',
      family === 'IPv4' || family === 'IPv6' ? family : undefined,
    ),
    cidrs,
    entriesKnown: legacy,
    ...opt('maxEntries', r.number(o, 'MaxEntries', p)),
  };
}

/** get-managed-prefix-list-entries `Entries[]`, for the list named by the file (`…-<pl-id>.json`). */
export function convertPrefixListEntries(ctx: AwsContext, root: Json): PrefixList | undefined {
  const { r } = ctx;
  const id = ctx.hints.parent;
  if (id === undefined) {
    r.report(
      'error',
      'IMPORT_AWS_NO_PARENT',
      '',
      'prefix list entries do not say which list they belong to',
      'Name the file get-managed-prefix-list-entries-<pl-id>.json.',
    );
    return undefined;
  }
  const cidrs: string[] = [];
  for (const [e, ep] of r.objects(root, 'Entries', '')) {
    const c = r.cidrField(e, 'Cidr', ep);
    if (c) cidrs.push(c);
  }
  return {
    ...base(ctx, id, '', root, { tags: {} }),
    kind: 'prefix-list',
    partial: true,
    managedBy: 'customer',
    cidrs,
    entriesKnown: true,
  };
}
