/**
 * Which resource types an id-valued attribute can name. A reference of another type in the same
 * expression (`cidrsubnet(aws_vpc.main.cidr_block, ...)` next to `aws_subnet.x.id`) is not the value.
 */
const SG = ['aws_security_group', 'aws_default_security_group'];
const SUBNET = ['aws_subnet', 'aws_default_subnet'];
const VPC = ['aws_vpc', 'aws_default_vpc'];
const ENI = ['aws_network_interface', 'aws_instance', 'aws_nat_gateway'];
const TGW_ATTACHMENT = [
  'aws_ec2_transit_gateway_vpc_attachment',
  'aws_ec2_transit_gateway_vpc_attachment_accepter',
  'aws_ec2_transit_gateway_peering_attachment',
  'aws_ec2_transit_gateway_peering_attachment_accepter',
];
const TARGET_GROUP = ['aws_lb_target_group', 'aws_alb_target_group'];

const BY_ATTRIBUTE: Readonly<Record<string, readonly string[]>> = {
  vpc_id: VPC,
  peer_vpc_id: VPC,
  subnet_id: SUBNET,
  subnet_ids: SUBNET,
  subnets: SUBNET,
  security_group_id: SG,
  security_group_ids: SG,
  vpc_security_group_ids: SG,
  security_groups: SG,
  source_security_group_id: SG,
  referenced_security_group_id: SG,
  route_table_id: ['aws_route_table', 'aws_default_route_table'],
  route_table_ids: ['aws_route_table', 'aws_default_route_table'],
  network_acl_id: ['aws_network_acl', 'aws_default_network_acl'],
  gateway_id: ['aws_internet_gateway', 'aws_vpn_gateway', 'aws_vpc_endpoint'],
  internet_gateway_id: ['aws_internet_gateway'],
  nat_gateway_id: ['aws_nat_gateway'],
  egress_only_gateway_id: ['aws_egress_only_internet_gateway'],
  transit_gateway_id: ['aws_ec2_transit_gateway'],
  transit_gateway_attachment_id: TGW_ATTACHMENT,
  transit_gateway_route_table_id: ['aws_ec2_transit_gateway_route_table'],
  vpc_peering_connection_id: ['aws_vpc_peering_connection', 'aws_vpc_peering_connection_accepter'],
  network_interface_id: ENI,
  network_interface_ids: ENI,
  eni_id: ENI,
  instance_id: ['aws_instance'],
  allocation_id: ['aws_eip'],
  vpc_endpoint_id: ['aws_vpc_endpoint'],
  prefix_list_id: ['aws_ec2_managed_prefix_list', 'aws_vpc_endpoint'],
  prefix_list_ids: ['aws_ec2_managed_prefix_list', 'aws_vpc_endpoint'],
  destination_prefix_list_id: ['aws_ec2_managed_prefix_list', 'aws_vpc_endpoint'],
  target_group_arn: TARGET_GROUP,
  arn: TARGET_GROUP,
  load_balancer_arn: ['aws_lb', 'aws_alb'],
  target_id: ['aws_instance', 'aws_lb', 'aws_alb'],
  db_subnet_group_name: ['aws_db_subnet_group'],
};

const SETS = new Map(Object.entries(BY_ATTRIBUTE).map(([k, v]) => [k, new Set(v)]));

/** Types an attribute may refer to; undefined means any. */
export function expectedTypes(attribute: string): ReadonlySet<string> | undefined {
  return SETS.get(attribute);
}
