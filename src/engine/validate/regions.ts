/**
 * Region names checked against the partitions AWS publishes in its SDKs' endpoint data (compiled into the
 * catalogue at build time by scripts/build-data.mjs from @aws-sdk/core). Wildcards and patterns are accepted
 * when they can match at least one Region; policy variables are never judged.
 * https://docs.aws.amazon.com/global-infrastructure/latest/regions/aws-regions.html
 */
import type { Catalogue } from '../catalogue'
import { compileGlob } from '../patterns/glob'
import { REGION } from './arn-text'

/** Why `region` is not a Region AWS has (in any partition), or undefined when it is one or a pattern that matches one. */
export function regionProblem(catalogue: Catalogue, region: string): string | undefined {
  if (region === '' || region.includes('${')) return undefined
  const wildcard = /[*?]/.test(region)
  if (!catalogue.hasRegions) {
    // No partition data (a reduced catalogue): fall back to the shape of a Region name.
    return wildcard || REGION.test(region) ? undefined : `"${region}" is not an AWS Region name (Regions look like "us-east-1" or "eu-west-2").`
  }
  if (wildcard) {
    if (/^[*?]+$/.test(region)) return undefined
    const match = compileGlob(region, false)
    if (catalogue.regions().some((r) => match(r))) return undefined
    return `"${region}" matches no AWS Region, so it never matches (Regions look like "us-east-1" or "eu-west-2").`
  }
  // A literal Region of another partition is left alone: the text cannot tell a typo in the partition from one
  // in the Region, and INVALID_PARTITION covers the partition itself.
  if (catalogue.partitionOf(region)) return undefined
  if (catalogue.partitionOf(region.toLowerCase())) return `Region names are lowercase: write "${region.toLowerCase()}".`
  return `"${region}" is not an AWS Region (Regions look like "us-east-1" or "eu-west-2").`
}
