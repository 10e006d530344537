import type { ElementBase, Endpoint, OsHint, Tags } from '../../model/index.js';
import { arnParts, regionOfZone } from '../_kit/aws/index.js';
import { type Json, NO_TAGS, type Reader } from '../_kit/index.js';
import type { PathHints } from './path-hints.js';

export interface InterfaceOptions {
  /** The interface is seen inside another object (an instance): merge with the full record later. */
  readonly partial?: boolean;
  readonly osHint?: OsHint;
  readonly instanceId?: string;
}

/** The run's record of interfaces (see session.ts), so converters need not import the session. */
export interface InterfaceLedger {
  /** Hold a describe-network-interfaces record until the run ends; true when held. */
  keep(e: Endpoint): boolean;
  /** An interface seen inside an instance: its owner and OS, and the record to convert if none is kept. */
  defer(ctx: AwsContext, id: string, o: Json, p: string, opts: InterfaceOptions): void;
}

/** What every converter gets: the located reader, what the path says, and the run's ledger if any. */
export interface AwsContext {
  readonly r: Reader;
  readonly hints: PathHints;
  readonly ledger?: InterfaceLedger;
}

/** AWS `Tags: [{Key, Value}]` as a record. Malformed entries are reported and skipped. */
export function readTags(ctx: AwsContext, o: Json, pointer: string, key = 'Tags'): Tags {
  const list = o[key];
  if (list === undefined || (Array.isArray(list) && list.length === 0)) return NO_TAGS;
  const out: Record<string, string> = {};
  for (const [t, p] of ctx.r.objects(o, key, pointer)) {
    const k = ctx.r.string(t, 'Key', p, true);
    const v = ctx.r.string(t, 'Value', p) ?? '';
    if (k !== undefined) out[k] = v;
  }
  return out;
}

export interface BaseOptions {
  readonly account?: string | undefined;
  readonly zone?: string | undefined;
  readonly arn?: string | undefined;
  readonly name?: string | undefined;
  readonly tags?: Tags | undefined;
}

export interface BaseOptions {
  readonly account?: string | undefined;
  readonly zone?: string | undefined;
  readonly arn?: string | undefined;
  readonly name?: string | undefined;
  readonly tags?: Tags | undefined;
}

/** Common fields: account from the object, else the ARN, else the path; region likewise. */
export function base(
  ctx: AwsContext,
  id: string,
  pointer: string,
  o: Json,
  opts: BaseOptions = {},
): ElementBase {
  const tags = opts.tags ?? readTags(ctx, o, pointer);
  const arn = opts.arn ? arnParts(opts.arn) : undefined;
  const owner = typeof o.OwnerId === 'string' ? o.OwnerId : undefined;
  const account = opts.account ?? owner ?? arn?.account ?? ctx.hints.account;
  const region = ctx.hints.region ?? arn?.region ?? regionOfZone(opts.zone);
  const name = opts.name ?? tags.Name;
  // All keys present (absent ones undefined): keeps element objects in V8's fast mode.
  return {
    id,
    provider: 'aws',
    account,
    region,
    name: name === '' ? undefined : name,
    tags,
    source: ctx.r.src(pointer),
  } as ElementBase;
}

export interface BaseOptions {
  readonly account?: string | undefined;
  readonly zone?: string | undefined;
  readonly arn?: string | undefined;
  readonly name?: string | undefined;
  readonly tags?: Tags | undefined;
}
