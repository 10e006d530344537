import { describe, expect, it } from 'vitest';
import type { Fragment } from '../../model/index.js';
import { DiagnosticSink, parseJsonDocument } from '../_kit/index.js';
import { terraformImporter } from './index.js';

function importPlan(plan: unknown): Fragment {
  const doc = parseJsonDocument('plan.json', JSON.stringify(plan, null, 2), new DiagnosticSink());
  if (!doc) throw new Error('document does not parse');
  return terraformImporter.import(doc);
}

/** A new security group whose computed inline rule lists are unknown in the plan. */
function plan(inlineConfig: boolean) {
  const values = { name: 'web', vpc_id: 'vpc-1', description: 'web', tags: {} };
  return {
    format_version: '1.2',
    terraform_version: '1.9.8',
    planned_values: {
      root_module: {
        resources: [
          {
            address: 'aws_security_group.web',
            mode: 'managed',
            type: 'aws_security_group',
            name: 'web',
            provider_name: 'registry.terraform.io/hashicorp/aws',
            values,
          },
        ],
      },
    },
    resource_changes: [
      {
        address: 'aws_security_group.web',
        mode: 'managed',
        type: 'aws_security_group',
        name: 'web',
        provider_name: 'registry.terraform.io/hashicorp/aws',
        change: {
          actions: ['create'],
          before: null,
          after: values,
          after_unknown: { id: true, arn: true, ingress: true, egress: true, owner_id: true },
        },
      },
    ],
    configuration: {
      root_module: {
        resources: [
          {
            address: 'aws_security_group.web',
            mode: 'managed',
            type: 'aws_security_group',
            name: 'web',
            expressions: {
              name: { constant_value: 'web' },
              ...(inlineConfig ? { ingress: [{ from_port: { constant_value: 443 } }] } : {}),
            },
          },
        ],
      },
    },
  };
}

describe('inline rules unknown at plan time (dynamic blocks leave no trace in plan JSON)', () => {
  it('reads unconfigured unknown inline rules as none, and says so once per file', () => {
    const f = importPlan(plan(false));
    const sg = f.elements.find((e) => e.kind === 'filter');
    expect(sg?.kind === 'filter' ? sg.rules : undefined).toEqual([]);
    expect(f.diagnostics.map((d) => `${d.severity} ${d.code} ${d.source.pointer} ${d.message}`)).toEqual([
      'warning IMPORT_TF_INLINE_RULES_ASSUMED /planned_values/root_module/resources/0 inline rules unknown until apply and not in the configuration, read as none: aws_security_group.web ingress, aws_security_group.web egress',
    ]);
  });

  it('marks the rules unknown when the configuration has inline blocks', () => {
    const f = importPlan(plan(true));
    const sg = f.elements.find((e) => e.kind === 'filter');
    expect(sg?.unknown).toEqual(['rules']);
    expect(f.diagnostics.map((d) => d.code)).toEqual([
      'IMPORT_TF_UNKNOWN_VALUE',
      'IMPORT_TF_INLINE_RULES_ASSUMED',
    ]);
  });
});
