import { arnParts, elbId, isAccountId, own, regionOfZone } from '../_kit/aws/index.js';
import type { Reader } from '../_kit/index.js';
import { Assembly } from './assembly.js';
import type { ConfigIndex } from './config.js';
import { Resolver } from './resolve.js';
import { isUnknownAt, type TfResource } from './walk.js';

/** Facts converters record for the cross-resource steps run once every resource is read. */
export interface Facts {
  /** VPC id -> its main route table, from `aws_vpc.main_route_table_id`. */
  readonly vpcMainTable: Map<string, string>;
  /** VPC id -> route table made main by `aws_main_route_table_association`. */
  readonly mainAssociation: Map<string, string>;
  /** Route tables adopted by `aws_default_route_table`. */
  readonly defaultTables: Set<string>;
  /** `aws_db_subnet_group` name -> subnets and VPC. */
  readonly dbSubnetGroups: Map<string, { subnetIds: string[]; networkId?: string; unknown: boolean }>;
  /** Database id -> its subnet group name. */
  readonly dbGroupOf: Map<string, string>;
  /** Transit gateway attachments asking for the gateway's default association / propagation tables. */
  readonly tgwDefaults: { attachmentId: string; gatewayId: string; associate: boolean; propagate: boolean }[];
  /**
   * Inline rule blocks unknown at plan time and absent from the configuration, read as none
   * (`<address> <attribute>` with the resource pointer). Dynamic blocks are not in plan JSON either.
   */
  readonly assumedNoInline: { what: string; pointer: string }[];
}

const ELB_TYPES = new Set([
  'aws_lb',
  'aws_alb',
  'aws_lb_target_group',
  'aws_alb_target_group',
  'aws_lb_listener',
  'aws_alb_listener',
]);

/** Attribute holding the AWS id when it is not `id`. */
const ID_ATTRIBUTE: Readonly<Record<string, string>> = {
  aws_db_instance: 'identifier',
  aws_vpc_peering_connection_accepter: 'vpc_peering_connection_id',
  aws_ec2_transit_gateway_vpc_attachment_accepter: 'transit_gateway_attachment_id',
  aws_eip: 'allocation_id',
  aws_db_subnet_group: 'name',
};

/** Everything the converters of one file share. */
export class TfContext {
  readonly out = new Assembly();
  readonly facts: Facts = {
    vpcMainTable: new Map(),
    mainAssociation: new Map(),
    defaultTables: new Set(),
    dbSubnetGroups: new Map(),
    dbGroupOf: new Map(),
    tgwDefaults: [],
    assumedNoInline: [],
  };
  readonly resolver: Resolver;
  readonly #ids = new Map<TfResource, string | undefined>();
  readonly #defaults = new Map<string, { account?: string; region?: string }>();
  #byId: Map<string, TfResource> | undefined;
  readonly #providerKeys = new Map<TfResource, string>();

  constructor(
    readonly r: Reader,
    readonly config: ConfigIndex,
    readonly resources: readonly TfResource[],
  ) {
    this.resolver = new Resolver(resources, config, (res) => this.idOf(res));
  }

  /**
   * The model id of a resource: its AWS id (ELBv2: the ARN suffix; RDS: the identifier), or its address
   * while the id is unknown until apply. Undefined when a state lacks it.
   */
  idOf(res: TfResource): string | undefined {
    if (this.#ids.has(res)) return this.#ids.get(res);
    const v = res.values;
    const attr = ELB_TYPES.has(res.type) ? 'arn' : (own(ID_ATTRIBUTE, res.type) ?? 'id');
    let id: string | undefined;
    const text = (a: string): string | undefined =>
      typeof v[a] === 'string' && v[a] !== '' ? (v[a] as string) : undefined;
    if (isUnknownAt(res.afterUnknown, [attr])) id = res.address;
    else if (attr === 'arn') id = text('arn') ?? text('id');
    else id = text(attr) ?? text('id');
    if (id !== undefined && attr === 'arn' && id !== res.address) id = elbId(id);
    this.#ids.set(res, id);
    return id;
  }

  /** The resource of one of `types` whose model id is `id`, if this file has it. */
  find(types: readonly string[], id: string): TfResource | undefined {
    if (!this.#byId) {
      this.#byId = new Map();
      for (const r of this.resources) {
        const rid = this.idOf(r);
        if (rid !== undefined && !this.#byId.has(`${r.type}|${rid}`)) this.#byId.set(`${r.type}|${rid}`, r);
      }
    }
    for (const t of types) {
      const r = this.#byId.get(`${t}|${id}`);
      if (r) return r;
    }
    return undefined;
  }

  /** Report that a resource adds to an object this file does not have; the addition is lost. */
  notInInput(res: TfResource, what: string, id: string): void {
    this.r.report(
      'warning',
      'IMPORT_TF_NOT_IN_INPUT',
      res.pointer,
      `${res.address} changes ${what} ${id}, which is not in this file; the change is not modelled`,
      'Import the Terraform state or plan that manages it in the same file.',
    );
  }

  providerKey(res: TfResource): string {
    let key = this.#providerKeys.get(res);
    if (key === undefined) {
      const cfg = this.config.resource(
        res.modules.map((m) => m.name),
        res.type,
        res.name,
      );
      key = cfg?.providerKey ?? res.providerName ?? '';
      this.#providerKeys.set(res, key);
    }
    return key;
  }

  /**
   * Account and region for resources whose own values do not say: the provider configuration's literal
   * region / pinned account, else the one account (region) every resource of that provider agrees on.
   */
  defaults(res: TfResource): { account?: string; region?: string } {
    const key = this.providerKey(res);
    const cached = this.#defaults.get(key);
    if (cached) return cached;
    const accounts = new Set<string>();
    const regions = new Set<string>();
    for (const other of this.resources) {
      if (this.providerKey(other) !== key) continue;
      const own = ownPlace(other);
      if (own.account) accounts.add(own.account);
      if (own.region) regions.add(own.region);
    }
    const account = this.config.providerAccount(key) ?? (accounts.size === 1 ? [...accounts][0] : undefined);
    const region = this.config.providerRegion(key) ?? (regions.size === 1 ? [...regions][0] : undefined);
    const out = { ...(account ? { account } : {}), ...(region ? { region } : {}) };
    this.#defaults.set(key, out);
    return out;
  }
}

/** Account and region a resource's own values give: ARN, `owner_id`, availability zone. */
export function ownPlace(res: TfResource): { account?: string; region?: string } {
  const v = res.values;
  const arn = typeof v.arn === 'string' ? arnParts(v.arn) : undefined;
  const owner = typeof v.owner_id === 'string' ? v.owner_id : undefined;
  const account = isAccountId(owner) ? owner : isAccountId(arn?.account) ? arn?.account : undefined;
  const zone = typeof v.availability_zone === 'string' ? v.availability_zone : undefined;
  const region = arn?.region ?? regionOfZone(zone);
  return { ...(account ? { account } : {}), ...(region ? { region } : {}) };
}
