import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { exampleEstatePath, toolVersion, UsageError } from '../app/index.js';
import {
  blastRadiusFormats,
  connlistFormats,
  egressFormats,
  exposureFormats,
  failOnLevels,
  type K8sFindingsCliOptions,
  k8sFindingsFormats,
  matrixFormats,
  matrixGroupings,
  reachFormats,
  reachProtocols,
  runBlastRadius,
  runEgress,
  runExposure,
  runK8sConnlist,
  runK8sFindings,
  runMatrix,
  runReach,
  runScan,
  scanFormats,
} from './commands/index.js';
import { type Output, processOutput } from './output.js';

function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function portNumber(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535)
    throw new InvalidArgumentError('expected a port number 0-65535');
  return n;
}

function formatOption(): Option {
  return new Option('-f, --format <format>', 'output format').choices(scanFormats).default('text');
}

/** Build the program; each action stores its exit code instead of exiting, so tests can run it. */
export function buildProgram(io: Output, setCode: (code: number) => void): Command {
  const program = new Command('rampart')
    .description('Cloud network security analyzer: what can actually talk to what, and why.')
    .version(toolVersion())
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  program
    .command('scan')
    .description('import everything under PATHs and report inventory and input diagnostics')
    .argument('[paths...]', 'files or folders with AWS CLI JSON or Terraform show -json output')
    .addOption(formatOption())
    .option('--max-diagnostics <n>', 'diagnostics listed in text output', positiveInt, 50)
    .option('--max-file-bytes <n>', 'largest input file read, in bytes (default 268435456)', positiveInt)
    .action(async (paths: string[], o: { format: string; maxDiagnostics: number; maxFileBytes?: number }) => {
      setCode(
        await runScan(
          paths,
          {
            format: o.format,
            maxDiagnostics: o.maxDiagnostics,
            ...(o.maxFileBytes ? { maxFileBytes: o.maxFileBytes } : {}),
          },
          io,
        ),
      );
    });
  program
    .command('reach')
    .description('can --from open a connection to --to, and exactly why (not): forward and return legs')
    .argument('[paths...]', 'files or folders with AWS CLI JSON or Terraform show -json output')
    .requiredOption('--from <from>', 'instance or ENI id, IP address, or internet')
    .requiredOption('--to <to>', 'instance or ENI id, IP address, or internet')
    .addOption(new Option('--protocol <protocol>', 'protocol').choices(reachProtocols).default('tcp'))
    .option('--port <port>', 'destination port (tcp, udp)', portNumber)
    .addOption(new Option('-f, --format <format>', 'output format').choices(reachFormats).default('text'))
    .action(
      async (
        paths: string[],
        o: {
          from: string;
          to: string;
          protocol: 'tcp' | 'udp' | 'icmp' | 'all';
          port?: number;
          format: string;
        },
      ) => {
        setCode(
          await runReach(
            paths,
            {
              from: o.from,
              to: o.to,
              protocol: o.protocol,
              ...(o.port === undefined ? {} : { port: o.port }),
            },
            o.format,
            io,
          ),
        );
      },
    );
  program
    .command('exposure')
    .description(
      'what the internet reaches: every endpoint and its ports, directly or through a load balancer, with paths',
    )
    .argument('[paths...]', 'files or folders with AWS CLI JSON or Terraform show -json output')
    .addOption(new Option('-f, --format <format>', 'output format').choices(exposureFormats).default('text'))
    .action(async (paths: string[], o: { format: string }) => {
      setCode(await runExposure(paths, o.format, io));
    });
  program
    .command('egress')
    .description(
      'what reaches public addresses, and through what: internet gateway, NAT gateway, gateway endpoint',
    )
    .argument('[paths...]', 'files or folders with AWS CLI JSON or Terraform show -json output')
    .addOption(new Option('-f, --format <format>', 'output format').choices(egressFormats).default('text'))
    .action(async (paths: string[], o: { format: string }) => {
      setCode(await runEgress(paths, o.format, io));
    });
  program
    .command('blast-radius')
    .description(
      'lateral movement: everything an attacker holding --from reaches, hop after hop, sensitive targets first',
    )
    .argument('[paths...]', 'files or folders with AWS CLI JSON or Terraform show -json output')
    .requiredOption('--from <from>', 'the compromised instance, ENI id or private IP address')
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(blastRadiusFormats).default('text'),
    )
    .action(async (paths: string[], o: { from: string; format: string }) => {
      setCode(await runBlastRadius(paths, o.from, o.format, io));
    });
  program
    .command('matrix')
    .description(
      'reachability between every pair of endpoints (or subnets) over private addresses, as ConnectionSets',
    )
    .argument('[paths...]', 'files or folders with AWS CLI JSON or Terraform show -json output')
    .addOption(new Option('--by <by>', 'cell granularity').choices(matrixGroupings).default('endpoint'))
    .addOption(new Option('-f, --format <format>', 'output format').choices(matrixFormats).default('csv'))
    .action(async (paths: string[], o: { by: 'endpoint' | 'subnet'; format: string }) => {
      setCode(await runMatrix(paths, o.by, o.format, io));
    });
  const k8s = program
    .command('k8s')
    .description('Kubernetes micro-segmentation: NetworkPolicy, ANP/BANP, Cilium, mesh');
  const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',')];
  k8s
    .command('connlist')
    .description('allowed connections between workloads and external address ranges, netpol-analyzer grammar')
    .argument(
      '[paths...]',
      'folders or files with Kubernetes manifests (YAML or JSON, Helm output, List kinds)',
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(connlistFormats).default('txt'))
    .option(
      '--focus-workload <w>',
      'only lines where this workload (name or ns/name) is an end; repeatable',
      collect,
    )
    .option(
      '--focus-workload-peer <p>',
      'with --focus-workload: only lines whose other end is this workload',
      collect,
    )
    .addOption(
      new Option(
        '--focus-direction <d>',
        'with --focus-workload: lines into it (ingress) or out of it (egress)',
      ).choices(['ingress', 'egress']),
    )
    .option('--focus-conn <proto-port>', 'only pairs that allow this connection, e.g. tcp-8080')
    .option('--cni <name>', 'the network plugin profile (calico, cilium, flannel, default...)')
    .option('--exposure', 'add what workloads exchange with pods and namespaces not in the input')
    .option('--explain', 'for every pair, the policy and rule behind each allowed or denied connection')
    .option(
      '--pods',
      'one end per Pod object (replicas apart, with their own labels) instead of per workload',
    )
    .addOption(
      new Option(
        '--explain-style <style>',
        "with --explain: rampart (tiers, policies, rules and the mesh's say) or netpol (np-guard netpol-analyzer's layout)",
      )
        .choices(['rampart', 'netpol'])
        .default('rampart'),
    )
    .addOption(
      new Option(
        '--explain-only <which>',
        'with --explain-style netpol: only the allowed, or only the denied, connections',
      ).choices(['allow', 'deny']),
    )
    .action(
      async (
        paths: string[],
        o: {
          format: (typeof connlistFormats)[number];
          focusWorkload?: string[];
          focusWorkloadPeer?: string[];
          focusDirection?: 'ingress' | 'egress';
          focusConn?: string;
          cni?: string;
          exposure?: boolean;
          explain?: boolean;
          pods?: boolean;
          explainStyle?: 'rampart' | 'netpol';
          explainOnly?: 'allow' | 'deny';
        },
      ) => {
        setCode(await runK8sConnlist(paths, o, io));
      },
    );
  k8s
    .command('findings')
    .description(
      'posture findings: missing default-deny, unprotected workloads, DNS egress pitfalls, unenforced policies, mTLS, dead policies, cancelled L7 rules',
    )
    .argument(
      '[paths...]',
      'folders or files with Kubernetes manifests (YAML or JSON, Helm output, List kinds)',
    )
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(k8sFindingsFormats).default('text'),
    )
    .option('--cni <name>', 'the network plugin profile (calico, cilium, flannel, default...)')
    .addOption(
      new Option('--fail-on <severity>', 'exit 1 when a finding is this severe or more')
        .choices(failOnLevels)
        .default('high'),
    )
    .action(async (paths: string[], o: K8sFindingsCliOptions) => {
      setCode(await runK8sFindings(paths, o, io));
    });
  program
    .command('demo')
    .description('run `scan` on the bundled example estate (examples/acme)')
    .addOption(formatOption())
    .action(async (o: { format: string }) => {
      setCode(await runScan([exampleEstatePath()], { format: o.format }, io));
    });
  return program;
}

/** Run the CLI; returns the exit code. Usage and input problems never show a stack trace. */
export async function main(argv: readonly string[], io: Output = processOutput): Promise<number> {
  let code = 0;
  const program = buildProgram(io, (c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return code;
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with exit code 0.
      return err.exitCode === 0 ? 0 : 2;
    }
    if (err instanceof UsageError) {
      io.err(`rampart: ${err.message}${err.hint ? `\n  hint: ${err.hint}` : ''}\n`);
      return 2;
    }
    io.err(
      `rampart: internal error: ${err instanceof Error ? err.message : String(err)}\n  This is a bug; please report it.\n`,
    );
    return 3;
  }
}
