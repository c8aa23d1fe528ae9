/**
 * Condition operators, one rule per test, each named with the AWS page it follows.
 * OPS = https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * MULTI = https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html
 * SETS = https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html
 * MVEX = https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html
 * COND = https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
import { describe, expect, it } from 'vitest'
import { withCondition } from './helpers'

const OPS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html'
const MULTI = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-logic-multiple-context-keys-or-values.html'
const SETS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-single-vs-multi-valued-context-keys.html'
const MVEX = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition_examples-multi-valued-context-keys.html'
const COND = 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html'

type Row = [string, Record<string, unknown>, Record<string, unknown>, 'Allowed' | 'ImplicitDeny']

function table(rows: Row[]): void {
  for (const [name, condition, context, expected] of rows) {
    it(name, () => expect(withCondition(condition, context)).toBe(expected))
  }
}

describe(`String operators (${OPS}#Conditions_String)`, () => {
  table([
    ['StringEquals exact match', { StringEquals: { 'aws:PrincipalTag/team': 'blue' } }, { 'aws:PrincipalTag/team': 'blue' }, 'Allowed'],
    ['StringEquals is case-sensitive', { StringEquals: { 'aws:PrincipalTag/team': 'Blue' } }, { 'aws:PrincipalTag/team': 'blue' }, 'ImplicitDeny'],
    ['StringEquals treats * literally', { StringEquals: { 'aws:PrincipalTag/team': 'b*' } }, { 'aws:PrincipalTag/team': 'blue' }, 'ImplicitDeny'],
    ['StringEquals matches a literal * value', { StringEquals: { 'aws:PrincipalTag/team': 'b*' } }, { 'aws:PrincipalTag/team': 'b*' }, 'Allowed'],
    ['StringEqualsIgnoreCase folds case', { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'BLUE' } }, { 'aws:PrincipalTag/team': 'blue' }, 'Allowed'],
    ['StringEqualsIgnoreCase does not glob', { StringEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'bl*' } }, { 'aws:PrincipalTag/team': 'blue' }, 'ImplicitDeny'],
    ['StringNotEquals: different value holds', { StringNotEquals: { 'aws:PrincipalTag/team': 'red' } }, { 'aws:PrincipalTag/team': 'blue' }, 'Allowed'],
    ['StringNotEquals: same value fails', { StringNotEquals: { 'aws:PrincipalTag/team': 'blue' } }, { 'aws:PrincipalTag/team': 'blue' }, 'ImplicitDeny'],
    ['StringNotEquals several values NOR: equal to the second fails', { StringNotEquals: { 'aws:PrincipalTag/team': ['red', 'blue'] } }, { 'aws:PrincipalTag/team': 'blue' }, 'ImplicitDeny'],
    ['StringNotEqualsIgnoreCase: same value other case fails', { StringNotEqualsIgnoreCase: { 'aws:PrincipalTag/team': 'BLUE' } }, { 'aws:PrincipalTag/team': 'blue' }, 'ImplicitDeny'],
    ['StringLike * spans slashes and colons', { StringLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/a/b:c' }, 'Allowed'],
    ['StringLike ? is exactly one character', { StringLike: { 's3:prefix': 'v?' } }, { 's3:prefix': 'v12' }, 'ImplicitDeny'],
    ['StringLike ? matches one character', { StringLike: { 's3:prefix': 'v?' } }, { 's3:prefix': 'v1' }, 'Allowed'],
    ['StringLike several wildcards', { StringLike: { 's3:prefix': '*/reports/*.csv' } }, { 's3:prefix': 'a/b/reports/2024/q1.csv' }, 'Allowed'],
    ['StringLike is case-sensitive', { StringLike: { 's3:prefix': 'Home/*' } }, { 's3:prefix': 'home/x' }, 'ImplicitDeny'],
    ['StringLike a*a*a*a*b on a long value stays correct (no backtracking blow-up)', { StringLike: { 's3:prefix': 'a*a*a*a*a*a*b' } }, { 's3:prefix': 'a'.repeat(5000) }, 'ImplicitDeny'],
    ['StringNotLike: matching value fails', { StringNotLike: { 's3:prefix': 'home/*' } }, { 's3:prefix': 'home/x' }, 'ImplicitDeny'],
    ['StringNotLike: missing key holds', { StringNotLike: { 's3:prefix': 'home/*' } }, {}, 'Allowed'],
    ['StringEquals: missing key fails', { StringEquals: { 's3:prefix': 'x' } }, {}, 'ImplicitDeny'],
    ['Policy value written as a JSON number compares as text', { StringEquals: { 'aws:PrincipalTag/level': 3 } }, { 'aws:PrincipalTag/level': '3' }, 'Allowed'],
    ['An empty string is a present value: StringNotEquals "" vs "" fails', { StringNotEquals: { 's3:prefix': '' } }, { 's3:prefix': '' }, 'ImplicitDeny'],
    ['An empty string is a present value: Null true fails', { Null: { 's3:prefix': 'true' } }, { 's3:prefix': '' }, 'ImplicitDeny'],
    ['Empty string value matches StringLike *', { StringLike: { 's3:prefix': '*' } }, { 's3:prefix': '' }, 'Allowed'],
  ])
})

describe(`Numeric operators (${OPS}#Conditions_Numeric)`, () => {
  const k = 's3:max-keys'
  table([
    ['NumericEquals by value: 10 = 10.0', { NumericEquals: { [k]: '10' } }, { [k]: '10.0' }, 'Allowed'],
    ['NumericEquals with JSON number in policy', { NumericEquals: { [k]: 10 } }, { [k]: '10' }, 'Allowed'],
    ['NumericNotEquals equal fails', { NumericNotEquals: { [k]: '10' } }, { [k]: '10' }, 'ImplicitDeny'],
    ['NumericNotEquals missing key holds', { NumericNotEquals: { [k]: '10' } }, {}, 'Allowed'],
    ['NumericLessThan 9 < 10', { NumericLessThan: { [k]: '10' } }, { [k]: '9' }, 'Allowed'],
    ['NumericLessThan 10 < 10 fails', { NumericLessThan: { [k]: '10' } }, { [k]: '10' }, 'ImplicitDeny'],
    ['NumericLessThanEquals 10 <= 10', { NumericLessThanEquals: { [k]: '10' } }, { [k]: '10' }, 'Allowed'],
    ['NumericGreaterThan 10.5 > 10', { NumericGreaterThan: { [k]: '10' } }, { [k]: '10.5' }, 'Allowed'],
    ['NumericGreaterThanEquals 9.99 >= 10 fails', { NumericGreaterThanEquals: { [k]: '10' } }, { [k]: '9.99' }, 'ImplicitDeny'],
    ['Negative numbers compare by value', { NumericLessThan: { [k]: '-1' } }, { [k]: '-2' }, 'Allowed'],
    ['A non-numeric request value never satisfies a Numeric operator', { NumericLessThan: { [k]: '10' } }, { [k]: 'abc' }, 'ImplicitDeny'],
    ['NumericLessThanIfExists: missing key holds', { NumericLessThanIfExists: { [k]: '10' } }, {}, 'Allowed'],
    ['NumericLessThanIfExists: present and too big fails', { NumericLessThanIfExists: { [k]: '10' } }, { [k]: '11' }, 'ImplicitDeny'],
    ['Numeric values take no policy variables', { NumericEquals: { [k]: '${aws:PrincipalTag/n}' } }, { [k]: '5', 'aws:PrincipalTag/n': '5' }, 'ImplicitDeny'],
  ])
})

describe(`Date operators (${OPS}#Conditions_Date)`, () => {
  const t = 'aws:CurrentTime'
  const e = 'aws:EpochTime'
  table([
    ['DateGreaterThan ISO', { DateGreaterThan: { [t]: '2020-01-01T00:00:00Z' } }, { [t]: '2021-01-01T00:00:00Z' }, 'Allowed'],
    ['DateLessThan date-only policy value (midnight UTC)', { DateLessThan: { [t]: '2020-01-02' } }, { [t]: '2020-01-01T23:59:59Z' }, 'Allowed'],
    ['DateEquals same instant with offset', { DateEquals: { [t]: '2021-06-01T14:00:00+02:00' } }, { [t]: '2021-06-01T12:00:00Z' }, 'Allowed'],
    ['DateEquals with fractional seconds', { DateEquals: { [t]: '2021-06-01T12:00:00.000Z' } }, { [t]: '2021-06-01T12:00:00Z' }, 'Allowed'],
    ['Epoch seconds in the policy against an ISO request value', { DateLessThan: { [t]: '1609459200' } }, { [t]: '2020-12-31T23:59:59Z' }, 'Allowed'],
    ['Epoch seconds are seconds, not milliseconds (2021-01-01 = 1609459200)', { DateEquals: { [e]: '2021-01-01T00:00:00Z' } }, { [e]: '1609459200' }, 'Allowed'],
    ['ISO in the policy, epoch in the request, greater-than', { DateGreaterThan: { [e]: '2020-01-01T00:00:00Z' } }, { [e]: '1700000000' }, 'Allowed'],
    ['DateGreaterThanEquals equal instant holds', { DateGreaterThanEquals: { [t]: '2021-01-01T00:00:00Z' } }, { [t]: '2021-01-01T00:00:00Z' }, 'Allowed'],
    ['DateNotEquals equal instant fails', { DateNotEquals: { [t]: '2021-01-01T00:00:00Z' } }, { [t]: '2021-01-01T01:00:00+01:00' }, 'ImplicitDeny'],
    ['DateLessThan missing key fails', { DateLessThan: { [t]: '2021-01-01T00:00:00Z' } }, {}, 'ImplicitDeny'],
    ['An unparsable date never matches', { DateLessThan: { [t]: '2021-01-01T00:00:00Z' } }, { [t]: 'yesterday' }, 'ImplicitDeny'],
  ])
})

describe(`Bool, Binary and Null (${OPS})`, () => {
  table([
    ['Bool true', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': 'true' }, 'Allowed'],
    ['Bool with a JSON boolean policy value', { Bool: { 'aws:SecureTransport': true } }, { 'aws:SecureTransport': 'true' }, 'Allowed'],
    ['Bool with a JSON boolean request value', { Bool: { 'aws:SecureTransport': 'true' } }, { 'aws:SecureTransport': true }, 'Allowed'],
    ['Bool false against true fails', { Bool: { 'aws:SecureTransport': 'false' } }, { 'aws:SecureTransport': 'true' }, 'ImplicitDeny'],
    ['Bool missing key fails (aws:MultiFactorAuthPresent false does not match long-term credentials)', { Bool: { 'aws:MultiFactorAuthPresent': 'false' } }, {}, 'ImplicitDeny'],
    ['BoolIfExists missing key holds', { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } }, {}, 'Allowed'],
    ['BinaryEquals same bytes', { BinaryEquals: { 'aws:PrincipalTag/blob': 'QmluYXJ5' } }, { 'aws:PrincipalTag/blob': 'QmluYXJ5' }, 'Allowed'],
    ['BinaryEquals compares bytes (padding optional)', { BinaryEquals: { 'aws:PrincipalTag/blob': 'YQ==' } }, { 'aws:PrincipalTag/blob': 'YQ' }, 'Allowed'],
    ['BinaryEquals different bytes', { BinaryEquals: { 'aws:PrincipalTag/blob': 'QmluYXJ5' } }, { 'aws:PrincipalTag/blob': 'QmluYXJ6' }, 'ImplicitDeny'],
    ['Null true: key absent', { Null: { 'aws:TokenIssueTime': 'true' } }, {}, 'Allowed'],
    ['Null true: key present fails', { Null: { 'aws:TokenIssueTime': 'true' } }, { 'aws:TokenIssueTime': '2021-01-01T00:00:00Z' }, 'ImplicitDeny'],
    ['Null false: key present', { Null: { 'aws:TokenIssueTime': 'false' } }, { 'aws:TokenIssueTime': '2021-01-01T00:00:00Z' }, 'Allowed'],
    ['Null false: key absent fails', { Null: { 'aws:TokenIssueTime': 'false' } }, {}, 'ImplicitDeny'],
    ['Null with a JSON boolean value', { Null: { 'aws:TokenIssueTime': true } }, {}, 'Allowed'],
    ['Null on an empty set: the key is present (case format)', { Null: { 'aws:TagKeys': 'false' } }, { 'aws:TagKeys': [] }, 'Allowed'],
  ])
})

describe(`IP address operators (${OPS}#Conditions_IPAddress)`, () => {
  const k = 'aws:SourceIp'
  table([
    ['IPv4 /24 inside', { IpAddress: { [k]: '203.0.113.0/24' } }, { [k]: '203.0.113.200' }, 'Allowed'],
    ['IPv4 /24 outside', { IpAddress: { [k]: '203.0.113.0/24' } }, { [k]: '203.0.114.1' }, 'ImplicitDeny'],
    ['0.0.0.0/0 matches every IPv4 address (not /32)', { IpAddress: { [k]: '0.0.0.0/0' } }, { [k]: '198.51.100.7' }, 'Allowed'],
    ['::/0 matches every IPv6 address', { IpAddress: { [k]: '::/0' } }, { [k]: '2001:db8::1' }, 'Allowed'],
    ['A bare IPv4 address means /32', { IpAddress: { [k]: '203.0.113.5' } }, { [k]: '203.0.113.5' }, 'Allowed'],
    ['A bare IPv4 address does not match its neighbour', { IpAddress: { [k]: '203.0.113.5' } }, { [k]: '203.0.113.6' }, 'ImplicitDeny'],
    ['IPv6 hex digits are case-insensitive and :: compresses', { IpAddress: { [k]: '2001:DB8:0:0::/64' } }, { [k]: '2001:0db8:0000:0000:1::9' }, 'Allowed'],
    ['An IPv4 address never matches an IPv6 range', { IpAddress: { [k]: '::/0' } }, { [k]: '203.0.113.5' }, 'ImplicitDeny'],
    ['An IPv6 address never matches an IPv4 range', { IpAddress: { [k]: '0.0.0.0/0' } }, { [k]: '2001:db8::1' }, 'ImplicitDeny'],
    ['NotIpAddress outside holds', { NotIpAddress: { [k]: '10.0.0.0/8' } }, { [k]: '203.0.113.5' }, 'Allowed'],
    ['NotIpAddress missing key holds (negated operator)', { NotIpAddress: { [k]: '10.0.0.0/8' } }, {}, 'Allowed'],
    ['IpAddress missing key fails (requests through a VPC endpoint have no aws:SourceIp)', { IpAddress: { [k]: '10.0.0.0/8' } }, {}, 'ImplicitDeny'],
    ['A malformed request address never matches', { IpAddress: { [k]: '0.0.0.0/0' } }, { [k]: 'not-an-ip' }, 'ImplicitDeny'],
    ['IpAddress several ranges OR', { IpAddress: { [k]: ['10.0.0.0/8', '203.0.113.0/24'] } }, { [k]: '203.0.113.9' }, 'Allowed'],
  ])
})

describe(`ARN operators (${OPS}#Conditions_ARN)`, () => {
  const k = 'aws:SourceArn'
  table([
    ['ArnLike wildcard in the resource part spans slashes', { ArnLike: { [k]: 'arn:aws:s3:::bucket/*' } }, { [k]: 'arn:aws:s3:::bucket/a/b/c' }, 'Allowed'],
    ['ArnEquals honours wildcards like ArnLike', { ArnEquals: { [k]: 'arn:aws:sns:us-east-1:*:topic' } }, { [k]: 'arn:aws:sns:us-east-1:123456789012:topic' }, 'Allowed'],
    ['ArnLike is case-sensitive', { ArnLike: { [k]: 'arn:aws:sns:us-east-1:*:Topic' } }, { [k]: 'arn:aws:sns:us-east-1:123456789012:topic' }, 'ImplicitDeny'],
    [
      'ArnLike matches part by part: * in the region does not span colons (doc example)',
      { ArnLike: { [k]: 'arn:aws:someservice:*:111122223333:finance/*' } },
      { [k]: 'arn:aws:someservice:us-east-1:999999999999:x:111122223333:finance/report' },
      'ImplicitDeny',
    ],
    ['StringLike on the same value does span colons (doc example)', { StringLike: { [k]: 'arn:aws:someservice:*:111122223333:finance/*' } }, { [k]: 'arn:aws:someservice:us-east-1:999999999999:x:111122223333:finance/report' }, 'Allowed'],
    ['ArnLike against a value that is not an ARN fails', { ArnLike: { [k]: '*' } }, { [k]: 'not-an-arn' }, 'ImplicitDeny'],
    ['ArnNotLike against a value that is not an ARN holds', { ArnNotLike: { [k]: 'arn:aws:s3:::*' } }, { [k]: 'not-an-arn' }, 'Allowed'],
    ['ArnNotLike missing key holds', { ArnNotLike: { [k]: 'arn:aws:s3:::*' } }, {}, 'Allowed'],
    ['ArnNotEquals matching value fails', { ArnNotEquals: { [k]: 'arn:aws:s3:::b' } }, { [k]: 'arn:aws:s3:::b' }, 'ImplicitDeny'],
    ['NotIpAddress with a value that is not an address holds (it is in none of the ranges)', { NotIpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:SourceIp': 'not-an-ip' }, 'Allowed'],
    ['ArnLike ? is one character within a part', { ArnLike: { [k]: 'arn:aws:sqs:us-east-?:*:q' } }, { [k]: 'arn:aws:sqs:us-east-2:123456789012:q' }, 'Allowed'],
  ])
})

describe(`IfExists (${OPS}#Conditions_IfExists)`, () => {
  table([
    ['StringEqualsIfExists missing holds', { StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } }, {}, 'Allowed'],
    ['StringEqualsIfExists present and different fails', { StringEqualsIfExists: { 'ec2:InstanceType': 't3.micro' } }, { 'ec2:InstanceType': 'm5.large' }, 'ImplicitDeny'],
    ['StringLikeIfExists present and matching holds', { StringLikeIfExists: { 'ec2:InstanceType': 't3.*' } }, { 'ec2:InstanceType': 't3.small' }, 'Allowed'],
    ['IpAddressIfExists missing holds', { IpAddressIfExists: { 'aws:SourceIp': '10.0.0.0/8' } }, {}, 'Allowed'],
    ['DateLessThanIfExists missing holds', { DateLessThanIfExists: { 'aws:TokenIssueTime': '2020-01-01' } }, {}, 'Allowed'],
    ['ArnLikeIfExists missing holds', { ArnLikeIfExists: { 'aws:SourceArn': 'arn:aws:s3:::*' } }, {}, 'Allowed'],
  ])
  it(`a Deny with StringNotEqualsIfExists applies when the key is missing (${OPS}#Conditions_IfExists)`, () => {
    expect(withCondition({ StringNotEqualsIfExists: { 'aws:RequestedRegion': 'us-east-1' } }, {}, 'Deny')).toBe('ExplicitDeny')
  })
})

describe(`Several keys, values and operators (${MULTI})`, () => {
  table([
    ['two keys under one operator are ANDed: one fails', { StringEquals: { 'aws:PrincipalTag/a': 'x', 'aws:PrincipalTag/b': 'y' } }, { 'aws:PrincipalTag/a': 'x', 'aws:PrincipalTag/b': 'z' }, 'ImplicitDeny'],
    ['two operators are ANDed: both hold', { StringEquals: { 'aws:PrincipalTag/a': 'x' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:PrincipalTag/a': 'x', 'aws:SourceIp': '10.1.2.3' }, 'Allowed'],
    ['two operators are ANDed: one fails', { StringEquals: { 'aws:PrincipalTag/a': 'x' }, IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } }, { 'aws:PrincipalTag/a': 'x', 'aws:SourceIp': '11.1.2.3' }, 'ImplicitDeny'],
    ['values of one key are ORed', { StringEquals: { 'aws:PrincipalTag/a': ['x', 'y', 'z'] } }, { 'aws:PrincipalTag/a': 'z' }, 'Allowed'],
    ['negated operator with several values is NOR: matches none holds', { StringNotLike: { 'aws:PrincipalTag/a': ['x*', 'y*'] } }, { 'aws:PrincipalTag/a': 'zzz' }, 'Allowed'],
    ['negated operator with several values is NOR: matches one fails', { StringNotLike: { 'aws:PrincipalTag/a': ['x*', 'y*'] } }, { 'aws:PrincipalTag/a': 'yes' }, 'ImplicitDeny'],
  ])
  it(`condition key names are case-insensitive (${COND})`, () => {
    expect(withCondition({ IpAddress: { 'AWS:SOURCEIP': '10.0.0.0/8' } }, { 'aws:SourceIp': '10.0.0.1' })).toBe('Allowed')
    expect(withCondition({ StringEquals: { 'aws:principaltag/Team': 'blue' } }, { 'aws:PrincipalTag/TEAM': 'blue' })).toBe('Allowed')
  })
  it(`an unknown operator never holds (${OPS})`, () => {
    expect(withCondition({ StringEqualsAlmost: { 'aws:PrincipalTag/a': 'x' } }, { 'aws:PrincipalTag/a': 'x' })).toBe('ImplicitDeny')
  })
})

describe(`Set operators ForAllValues / ForAnyValue (${SETS}; ${MVEX})`, () => {
  const k = 'aws:TagKeys'
  table([
    ['ForAllValues: every value in the list holds', { 'ForAllValues:StringEquals': { [k]: ['env', 'team'] } }, { [k]: ['env', 'team'] }, 'Allowed'],
    ['ForAllValues: one value outside the list fails', { 'ForAllValues:StringEquals': { [k]: ['env', 'team'] } }, { [k]: ['env', 'cost'] }, 'ImplicitDeny'],
    ['ForAllValues: missing key holds (the trap on Allow)', { 'ForAllValues:StringEquals': { [k]: ['env'] } }, {}, 'Allowed'],
    ['ForAllValues: empty set holds', { 'ForAllValues:StringEquals': { [k]: ['env'] } }, { [k]: [] }, 'Allowed'],
    ['ForAllValues guarded by Null false: missing key fails', { 'ForAllValues:StringEquals': { [k]: ['env'] }, Null: { [k]: 'false' } }, {}, 'ImplicitDeny'],
    ['ForAllValues:StringLike per value', { 'ForAllValues:StringLike': { [k]: ['env-*', 'team'] } }, { [k]: ['env-a', 'env-b', 'team'] }, 'Allowed'],
    ['ForAnyValue: one overlap holds', { 'ForAnyValue:StringEquals': { [k]: ['env'] } }, { [k]: ['cost', 'env'] }, 'Allowed'],
    ['ForAnyValue: no overlap fails', { 'ForAnyValue:StringEquals': { [k]: ['env'] } }, { [k]: ['cost'] }, 'ImplicitDeny'],
    ['ForAnyValue: missing key fails', { 'ForAnyValue:StringEquals': { [k]: ['env'] } }, {}, 'ImplicitDeny'],
    ['ForAnyValue: empty set fails', { 'ForAnyValue:StringEquals': { [k]: ['env'] } }, { [k]: [] }, 'ImplicitDeny'],
    ['ForAnyValue:StringNotEquals missing key fails', { 'ForAnyValue:StringNotEquals': { [k]: ['env'] } }, {}, 'ImplicitDeny'],
    ['ForAnyValue:StringNotEquals: one value outside holds', { 'ForAnyValue:StringNotEquals': { [k]: ['env'] } }, { [k]: ['env', 'x'] }, 'Allowed'],
    ['ForAllValues:StringNotEquals: one value inside fails', { 'ForAllValues:StringNotEquals': { [k]: ['env'] } }, { [k]: ['env', 'x'] }, 'ImplicitDeny'],
    ['ForAnyValue:StringEqualsIfExists missing key holds', { 'ForAnyValue:StringEqualsIfExists': { [k]: ['env'] } }, {}, 'Allowed'],
    ['A single request value is a one-element set', { 'ForAnyValue:StringEquals': { [k]: ['env'] } }, { [k]: 'env' }, 'Allowed'],
    ['An operator without a set qualifier does not match a multivalued request value', { StringEquals: { [k]: 'env' } }, { [k]: ['env'] }, 'ImplicitDeny'],
    ['ForAllValues: an empty string is a null data set, so it holds', { 'ForAllValues:StringEquals': { [k]: ['env'] } }, { [k]: '' }, 'Allowed'],
    ['ForAnyValue: an empty string is a null data set, so it fails', { 'ForAnyValue:StringEquals': { [k]: ['env', ''] } }, { [k]: '' }, 'ImplicitDeny'],
    ['ForAnyValue:StringEqualsIfExists: absent key holds (IfExists applies to set operators too)', { 'ForAnyValue:StringEqualsIfExists': { [k]: ['env'] } }, {}, 'Allowed'],
    ['ForAnyValue:IpAddress over several addresses', { 'ForAnyValue:IpAddress': { 'aws:PrincipalTag/ips': '10.0.0.0/8' } }, { 'aws:PrincipalTag/ips': ['192.168.0.1', '10.9.9.9'] }, 'Allowed'],
  ])
  it(`MVEX table: Deny ForAllValues:StringNotLike key1* — [key1:legal] is not denied`, () => {
    expect(withCondition({ 'ForAllValues:StringNotLike': { [k]: 'key1*' } }, { [k]: ['key1:legal'] }, 'Deny')).toBe('Allowed')
  })
  it(`MVEX table: Deny ForAllValues:StringNotLike key1* — [key1:legal, key2:audit] is not denied`, () => {
    expect(withCondition({ 'ForAllValues:StringNotLike': { [k]: 'key1*' } }, { [k]: ['key1:legal', 'key2:audit'] }, 'Deny')).toBe('Allowed')
  })
  it(`MVEX table: Deny ForAnyValue:StringEquals with [key1, key2] denies when one is listed`, () => {
    expect(withCondition({ 'ForAnyValue:StringEquals': { [k]: ['key2'] } }, { [k]: ['key1', 'key2'] }, 'Deny')).toBe('ExplicitDeny')
  })
})
