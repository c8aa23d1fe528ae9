import Box from '@cloudscape-design/components/box'
import Cards from '@cloudscape-design/components/cards'
import Header from '@cloudscape-design/components/header'
import Link from '@cloudscape-design/components/link'
import type { PageProps, PageRoute } from '../../router'
import { SAMPLES } from '../../samples'

// Not a console page: the demo's list of sample policies, each opening the console page that holds it.
export const route: PageRoute = { path: /^\/sidekick\/samples\/?$/ }
export const title = 'Sample policies (demo)'
export const example = '/sidekick/samples'

export default function Samples({ navigate }: PageProps) {
  return (
    <Cards
      header={<Header variant="h1" description="Each sample opens in the console page that holds it, with IAM Sidekick beside the editor.">Sample policies</Header>}
      cardDefinition={{
        header: (s) => (
          <Link
            href={s.page}
            fontSize="heading-m"
            onFollow={(e) => {
              e.preventDefault()
              navigate(s.page)
            }}
          >
            {s.title}
          </Link>
        ),
        sections: [
          { id: 'description', content: (s) => s.description },
          { id: 'page', header: 'Opens', content: (s) => <Box variant="code">{s.page}</Box> },
        ],
      }}
      items={SAMPLES}
      trackBy="id"
    />
  )
}
