/** Help text: the overview, and one page per command (`iam-sidekick help validate`, `validate --help`). */

export const VERSION = '0.1.0'

const FILES = `FILE may be a policy document, a CloudFormation template (JSON or YAML), a Terraform plan
(terraform show -json), a directory (searched for *.json, *.yaml, *.yml, *.template, skipping
node_modules and dot-folders), a glob such as 'infra/**/*.yaml', or - for standard input.`

const GATE = `  --fail-on LEVEL          Exit 1 when a finding at or above LEVEL remains: error (default),
                           security, warning, suggestion, none
  --suppress CODE[,CODE]   Drop findings with these codes (repeatable)
  --config FILE            Configuration file (default: .iam-sidekick.json in this folder or above)
  --no-config              Do not look for .iam-sidekick.json
  --skip-other-files       Skip named files that are not policies, templates or plans (pre-commit)`

const TEMPLATE = `  --parameters K=V[,K=V]   CloudFormation parameter values (repeatable; Default used otherwise)
  --account ID             Account for AWS::AccountId and proposed ARNs (default 123456789012)
  --region R               Region for AWS::Region (default us-east-1)
  --partition P            Partition for AWS::Partition (default: from the region)`

const COMMON = `  --format FORMAT          text (default), json, sarif (SARIF 2.1.0) or github (Actions annotations)
  --no-color               No colours in text output (also when NO_COLOR is set)
  -h, --help               This help`

export const COMMAND_HELP: Record<string, string> = {
  validate: `Usage: iam-sidekick validate [options] FILE...

Checks policies as IAM Access Analyzer's policy validation does (same issue codes), plus checks of our own.
Every policy inside templates and plans is checked with its own policy type.

Options:
  --type TYPE              identity (default for named files), resource, trust, scp, rcp, boundary,
                           session, or auto (guess; the default for files found in directories)
  --resource-type TYPE     For resource policies: AWS::S3::Bucket, AWS::DynamoDB::Table, ...
  --fix                    Apply the mechanical fixes in place (plain policy files only)
${GATE}
${TEMPLATE}
${COMMON}

${FILES}
Exit codes: 0 ok, 1 a finding at or above --fail-on, 2 usage error or unreadable input.`,
  suggest: `Usage: iam-sidekick suggest [options] FILE...

Least-privilege suggestions (privilege escalation, data exfiltration, wildcards, missing conditions,
redundancy) and a plain-language summary of what each policy allows.

Options:
  --type TYPE              identity (default), resource, trust, scp, rcp, boundary, session, auto
${GATE}
${TEMPLATE}
${COMMON}

${FILES}
With one plain policy file, --format json prints {"file", "suggestions"}; otherwise an array of them.
Exit codes: 0 ok, 1 a suggestion at or above --fail-on, 2 usage error or unreadable input.`,
  check: `Usage: iam-sidekick check [options] [FILE...]

Validation and least-privilege findings together: one report, one exit code. The command for CI.
Without FILE, checks the current directory.

Options:
  --type TYPE              auto (default), identity, resource, trust, scp, rcp, boundary, session
  --resource-type TYPE     For resource policies: AWS::S3::Bucket, AWS::DynamoDB::Table, ...
  --fix                    Apply the mechanical validation fixes in place (plain policy files only)
${GATE}
${TEMPLATE}
${COMMON}

${FILES}
Exit codes: 0 ok, 1 a finding at or above --fail-on (default error), 2 usage error or unreadable input.`,
  simulate: `Usage: iam-sidekick simulate [options] CASES.json

Decides simulation cases (one case or an array; format in docs/simulation-case.md).

Options:
  --format json|text       Output format (default text)
  --fail-on-deny           Exit 1 when a case is not Allowed
  --check                  Compare each decision with the case's "expected"; exit 1 on any difference
  --no-color               No colours in text output
  -h, --help               This help

Exit codes: 0 ok, 1 denied with --fail-on-deny or a mismatch with --check, 2 usage error, unreadable
input, or a malformed case (the other cases are still decided and printed).`,
  expand: `Usage: iam-sidekick expand [options] PATTERN...

The actions an action pattern such as s3:Get* grants, with their access levels.

Options:
  --format json|text       Output format (default text)
  -h, --help               This help`,
  generate: `Usage: iam-sidekick generate [options] FILE

A least-privilege policy from API activity: service:Action [ARN] lines, or CloudTrail records (JSON).

Options:
  --format json|text       Output format (default text)
  -h, --help               This help`,
  tighten: `Usage: iam-sidekick tighten --last-accessed FILE [--days N] [--now ISO] [options] POLICY...

One policy built from POLICY... that keeps only the services (and tracked actions) used in the last N days,
according to FILE: the JSON of aws iam get-service-last-accessed-details. The simulator proves it allows
nothing the originals did not. Exit 1 when that proof fails.

Options:
  --last-accessed FILE     Access Advisor's report (service or action level)
  --days N                 The period in days: 30, 90 (default), 180, 365, or any whole number up to 400
  --now ISO                The time the period ends (default: now)
  --format json|text       Output format (default text)
  -h, --help               This help`,
  'check-no-new-access': `Usage: iam-sidekick check-no-new-access --existing OLD [options] NEW

Does NEW allow any request that OLD does not? Exact, offline; every FAIL comes with a witness request.
Exit codes: 0 PASS, 1 FAIL, 2 usage or input error, 3 UNKNOWN (a construct that cannot be decided exactly).

Options:
  --existing FILE          The policy as it is now (the reference)
  --type TYPE              identity (default), resource, trust, scp, rcp, boundary, session
  --format json|text|sarif Output format (default text)
  -h, --help               This help`,
  'check-access-not-granted': `Usage: iam-sidekick check-access-not-granted --actions a,b [--resources r,s] [options] FILE

Does FILE allow any of the listed actions (on any of the listed resources, when given)?
Exit codes: 0 PASS, 1 FAIL, 2 usage or input error, 3 UNKNOWN.

Options:
  --actions LIST           Actions, comma-separated (up to 100)
  --resources LIST         Resource ARNs, comma-separated (up to 100)
  --type TYPE              identity (default), resource, trust, scp, rcp, boundary, session
  --format json|text|sarif Output format (default text)
  -h, --help               This help`,
  'check-no-public-access': `Usage: iam-sidekick check-no-public-access --resource-type TYPE [options] FILE

Does the resource policy in FILE grant access to anyone (public), as Access Analyzer decides it?
TYPE is one of the resource types Access Analyzer accepts (AWS::S3::Bucket, AWS::KMS::Key, ...).
Exit codes: 0 PASS, 1 FAIL, 2 usage or input error, 3 UNKNOWN.

Options:
  --resource-type TYPE     The kind of resource the policy is attached to
  --format json|text|sarif Output format (default text)
  -h, --help               This help`,
}

export const USAGE = `Usage: iam-sidekick <command> [options] [FILE ...]

Commands:
  check    [FILE...]    Validation and least-privilege findings together (the command for CI)
  validate FILE...      Check policies as IAM Access Analyzer does (and more)
  suggest  FILE...      Least-privilege suggestions and a plain-language summary
  simulate CASES        Decide simulation cases (docs/simulation-case.md)
  expand   PATTERN...   Actions an action pattern such as s3:Get* grants
  generate FILE         A least-privilege policy from API activity or CloudTrail records
  check-no-new-access --existing OLD NEW   Does NEW grant anything OLD does not? (custom policy check)
  check-access-not-granted --actions a,b FILE   Does FILE grant any listed action?
  check-no-public-access --resource-type T FILE Is the resource policy public?
  tighten --last-accessed FILE [--days 90] POLICY...  Keep only what Access Advisor shows was used
  help COMMAND          Help for one command (also: iam-sidekick COMMAND --help)

Common options:
  --format json|text|sarif|github   Output format (default text; sarif and github for check/validate/suggest)
  --fail-on LEVEL                   error (default), security, warning, suggestion, none
  --config FILE                     Configuration (default: .iam-sidekick.json here or above)
  --version                         Version and catalogue date

${FILES}
Exit codes: 0 ok, 1 findings at or above --fail-on (or denied / mismatched cases), 2 usage or input error.
`

export function commandHelp(command: string): string | undefined {
  const h = COMMAND_HELP[command]
  return h === undefined ? undefined : h + '\n'
}
