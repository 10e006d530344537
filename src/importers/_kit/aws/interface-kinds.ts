import type { EndpointKind } from '../../../model/index.js';

/** ENI `InterfaceType` (AWS CLI) / `interface_type` (Terraform) -> model endpoint kind. */
const BY_TYPE: Readonly<Record<string, EndpointKind>> = {
  nat_gateway: 'nat-gateway',
  transit_gateway: 'transit-attachment',
  vpc_endpoint: 'interface-endpoint',
  gateway_load_balancer_endpoint: 'gateway-lb-endpoint',
  gateway_load_balancer: 'load-balancer-node',
  network_load_balancer: 'load-balancer-node',
  lambda: 'lambda',
};

export function endpointKindOfType(type: string | undefined): EndpointKind | undefined {
  return type !== undefined && Object.hasOwn(BY_TYPE, type) ? BY_TYPE[type] : undefined;
}
