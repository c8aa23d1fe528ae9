/**
 * ARN templates built from the catalogue's ARN formats (`arn:${Partition}:s3:::${BucketName}/${ObjectName}`).
 * Known fields are filled in; names become readable placeholders that are still valid ARN text
 * (`my-bucket`), so a proposed policy validates before the user has replaced them.
 */
export interface ArnContext {
  partition: string
  region?: string
  account?: string
}

/** The example account ID of the AWS documentation. */
export const EXAMPLE_ACCOUNT = '111122223333'
/** An example organization ID in the format AWS Organizations uses. */
export const EXAMPLE_ORG_ID = 'o-a1b2c3d4e5'

function kebab(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+|-+$/g, '')
}

/** A readable placeholder for a `${Name}` field of an ARN format. */
export function placeholderFor(name: string): string {
  if (/^(ObjectName|Key|ObjectKey|ObjectPath)$/i.test(name)) return '*'
  const base = kebab(name.replace(/(NameWithPath|WithPath|Name)$/, ''))
  return base ? `my-${base}` : 'my-resource'
}

export function arnTemplate(format: string, ctx: ArnContext): string {
  return format.replace(/\$\{([^}]*)\}/g, (_m, name: string) => {
    switch (name) {
      case 'Partition':
        return ctx.partition
      case 'Region':
        return ctx.region ?? '*'
      case 'Account':
        return ctx.account ?? EXAMPLE_ACCOUNT
      default:
        return placeholderFor(name)
    }
  })
}

/** Words for the title of a fix that uses templates: what the user still has to replace. */
export function placeholderNote(ctx: ArnContext): string {
  const parts = ['the my-… names']
  if (!ctx.account) parts.push(`the example account ${EXAMPLE_ACCOUNT}`)
  return `replace ${parts.join(' and ')} with yours`
}
