import { own } from '../_kit/aws/index.js';
import {
  convertInstance,
  convertInterfaceAttachment,
  convertInterfaceSgAttachment,
  convertNetworkInterface,
} from './convert-compute.js';
import {
  convertListener,
  convertListenerCertificate,
  convertLoadBalancer,
  convertTargetAttachment,
  convertTargetGroup,
} from './convert-elb.js';
import {
  convertEndpointLink,
  convertPrefixList,
  convertPrefixListEntry,
  convertVpcEndpoint,
} from './convert-endpoint.js';
import {
  convertEip,
  convertEipAssociation,
  convertGatewayAttachment,
  convertNatGateway,
  convertSimpleGateway,
} from './convert-gateway.js';
import { convertCidrAssociation, convertSubnet, convertVpc } from './convert-network.js';
import {
  convertNetworkAcl,
  convertNetworkAclAssociation,
  convertNetworkAclRule,
} from './convert-network-acl.js';
import { convertPeering } from './convert-peering.js';
import {
  convertMainAssociation,
  convertRoute,
  convertRouteTable,
  convertTableAssociation,
} from './convert-routing.js';
import { convertSecurityGroup } from './convert-security-group.js';
import { convertDbInstance, convertDbSubnetGroup, convertFlowLog } from './convert-service.js';
import { convertSecurityGroupRule, convertVpcSecurityGroupRule } from './convert-sg-rules.js';
import {
  convertTableLink,
  convertTransitGateway,
  convertTransitRoute,
  convertTransitRouteTable,
  convertVpcAttachment,
} from './convert-transit.js';
import type { ResourceView } from './view.js';

type Convert = (v: ResourceView) => void;

/** AWS provider (v5) resource types this importer models. */
export const converters: Readonly<Record<string, Convert>> = {
  aws_vpc: (v) => convertVpc(v, false),
  aws_default_vpc: (v) => convertVpc(v, true),
  aws_vpc_ipv4_cidr_block_association: (v) => convertCidrAssociation(v, 4),
  aws_vpc_ipv6_cidr_block_association: (v) => convertCidrAssociation(v, 6),
  aws_subnet: (v) => convertSubnet(v, false),
  aws_default_subnet: (v) => convertSubnet(v, true),
  aws_internet_gateway: (v) => convertSimpleGateway(v, 'internet'),
  aws_internet_gateway_attachment: convertGatewayAttachment,
  aws_egress_only_internet_gateway: (v) => convertSimpleGateway(v, 'egress-only-internet'),
  aws_nat_gateway: convertNatGateway,
  aws_eip: convertEip,
  aws_eip_association: convertEipAssociation,
  aws_route_table: (v) => convertRouteTable(v, false),
  aws_default_route_table: (v) => convertRouteTable(v, true),
  aws_route: convertRoute,
  aws_route_table_association: convertTableAssociation,
  aws_main_route_table_association: convertMainAssociation,
  aws_security_group: (v) => convertSecurityGroup(v, false),
  aws_default_security_group: (v) => convertSecurityGroup(v, true),
  aws_security_group_rule: convertSecurityGroupRule,
  aws_vpc_security_group_ingress_rule: (v) => convertVpcSecurityGroupRule(v, 'ingress'),
  aws_vpc_security_group_egress_rule: (v) => convertVpcSecurityGroupRule(v, 'egress'),
  aws_network_acl: (v) => convertNetworkAcl(v, false),
  aws_default_network_acl: (v) => convertNetworkAcl(v, true),
  aws_network_acl_rule: convertNetworkAclRule,
  aws_network_acl_association: convertNetworkAclAssociation,
  aws_instance: convertInstance,
  aws_network_interface: convertNetworkInterface,
  aws_network_interface_attachment: convertInterfaceAttachment,
  aws_network_interface_sg_attachment: convertInterfaceSgAttachment,
  aws_vpc_peering_connection: (v) => convertPeering(v, false),
  aws_vpc_peering_connection_accepter: (v) => convertPeering(v, true),
  aws_ec2_transit_gateway: convertTransitGateway,
  aws_ec2_transit_gateway_vpc_attachment: (v) => convertVpcAttachment(v, false),
  aws_ec2_transit_gateway_vpc_attachment_accepter: (v) => convertVpcAttachment(v, true),
  aws_ec2_transit_gateway_route_table: convertTransitRouteTable,
  aws_ec2_transit_gateway_route_table_association: (v) => convertTableLink(v, 'associations'),
  aws_ec2_transit_gateway_route_table_propagation: (v) => convertTableLink(v, 'propagations'),
  aws_ec2_transit_gateway_route: (v) => convertTransitRoute(v, false),
  aws_ec2_transit_gateway_prefix_list_reference: (v) => convertTransitRoute(v, true),
  aws_ec2_managed_prefix_list: convertPrefixList,
  aws_ec2_managed_prefix_list_entry: convertPrefixListEntry,
  aws_vpc_endpoint: convertVpcEndpoint,
  aws_vpc_endpoint_route_table_association: (v) => convertEndpointLink(v, 'route_table_id'),
  aws_vpc_endpoint_subnet_association: (v) => convertEndpointLink(v, 'subnet_id'),
  aws_vpc_endpoint_security_group_association: (v) => convertEndpointLink(v, 'security_group_id'),
  aws_lb: convertLoadBalancer,
  aws_alb: convertLoadBalancer,
  aws_lb_listener: convertListener,
  aws_alb_listener: convertListener,
  aws_lb_listener_certificate: convertListenerCertificate,
  aws_alb_listener_certificate: convertListenerCertificate,
  aws_lb_target_group: convertTargetGroup,
  aws_alb_target_group: convertTargetGroup,
  aws_lb_target_group_attachment: convertTargetAttachment,
  aws_alb_target_group_attachment: convertTargetAttachment,
  aws_flow_log: convertFlowLog,
  aws_db_instance: convertDbInstance,
  aws_db_subnet_group: convertDbSubnetGroup,
};

/** AWS types that change what can reach what but are not modelled yet: reported once per type. */
const UNSUPPORTED_TYPES = new Set([
  'aws_vpn_gateway',
  'aws_vpn_gateway_attachment',
  'aws_vpn_gateway_route_propagation',
  'aws_vpn_connection',
  'aws_vpn_connection_route',
  'aws_customer_gateway',
  'aws_lb_listener_rule',
  'aws_alb_listener_rule',
  'aws_elb',
  'aws_elb_attachment',
  'aws_ec2_transit_gateway_peering_attachment',
  'aws_ec2_transit_gateway_peering_attachment_accepter',
  'aws_ec2_transit_gateway_connect',
  'aws_ec2_transit_gateway_connect_peer',
  'aws_ec2_carrier_gateway',
  'aws_vpc_endpoint_service',
  'aws_autoscaling_group',
  'aws_autoscaling_attachment',
  'aws_ecs_service',
  'aws_lambda_function',
  'aws_eks_cluster',
  'aws_eks_node_group',
  'aws_rds_cluster',
  'aws_rds_cluster_instance',
  'aws_elasticache_cluster',
  'aws_elasticache_replication_group',
  'aws_redshift_cluster',
  'aws_opensearch_domain',
  'aws_elasticsearch_domain',
  'aws_mq_broker',
  'aws_msk_cluster',
  'aws_efs_mount_target',
  'aws_route53_resolver_endpoint',
  'aws_ec2_client_vpn_endpoint',
  'aws_ec2_client_vpn_network_association',
  'aws_ec2_client_vpn_authorization_rule',
  'aws_ec2_client_vpn_route',
  'aws_vpc_peering_connection_options',
]);

const UNSUPPORTED_PREFIXES = [
  'aws_dx_',
  'aws_networkfirewall_',
  'aws_route53_resolver_firewall_',
  'aws_globalaccelerator_',
  'aws_networkmanager_',
  'aws_ec2_local_gateway',
  'aws_ec2_transit_gateway_multicast_',
  'aws_verifiedaccess_',
  'aws_vpclattice_',
];

/** Providers with nothing network-shaped in them (random ids, sleeps, local files...): not worth a word. */
const UTILITY_PROVIDERS = [
  'random_',
  'null_',
  'time_',
  'tls_',
  'local_',
  'archive_',
  'external',
  'terraform_data',
  'http',
];

export type Disposition = { readonly convert: Convert } | 'unsupported' | 'ignored';

export function dispositionOf(type: string): Disposition {
  const convert = own(converters, type);
  if (convert) return { convert };
  if (type.startsWith('aws_'))
    return UNSUPPORTED_TYPES.has(type) || UNSUPPORTED_PREFIXES.some((p) => type.startsWith(p))
      ? 'unsupported'
      : 'ignored';
  return UTILITY_PROVIDERS.some((p) => type === p || type.startsWith(p)) ? 'ignored' : 'unsupported';
}
