// The enhanced editor's hovers are Markdown that Monaco renders in an extension page. Policy text must
// never become an image (a request to a remote host), a link, an autolink or HTML there. Rendered with
// the Markdown parser Monaco itself bundles, so what is checked is what the user would see.
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import type { Catalogue } from '../../src/engine/catalogue'
import { loadCatalogue } from '../../src/engine/catalogue/bundled'
import { escapeMarkdown, hoverAt } from '../../src/extension/editor/knowledge'
// @ts-expect-error Monaco's bundled copy of marked ships without type declarations.
import { marked } from '../../node_modules/monaco-editor/esm/vs/base/common/marked/marked.js'

const render = (md: string): string => (marked as { parse(md: string, o?: object): string }).parse(md, { gfm: true, async: false })

let cat: Catalogue
beforeAll(async () => {
  cat = await loadCatalogue()
})

const HOSTILE = [
  'arn:aws:s3:::![x](https://evil.example/pixel.png)',
  'arn:aws:nosuchservice:::![x](https://evil.example/pixel.png)',
  'arn:aws:s3:::[click](https://evil.example/)',
  'arn:aws:s3:::<img src=https://evil.example/x.png>',
  'arn:aws:s3:::www.evil.example/x https://evil.example/y mail@evil.example',
  'arn:aws:s3:::&#60;img src=x&#62; ![a][r]\n\n[r]: https://evil.example/r.png',
  'arn:aws:s3:::`code` **bold** <https://evil.example/auto>',
]

function policyWith(resource: string): string {
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: resource, Condition: { [resource]: { [resource]: 'x' } } }] }, null, 2)
}

/** No image, no HTML from the text, and the only links are ours, to AWS's documentation. */
function inert(html: string): void {
  expect(html).not.toMatch(/<img|<script|<iframe|<svg|src=/i)
  for (const [, href] of html.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//)
}

describe('enhanced editor hovers: policy text stays text', () => {
  it('renders a crafted ARN with no image, no link and no HTML', () => {
    for (const arn of HOSTILE) {
      const text = policyWith(arn)
      const h = hoverAt(text, text.indexOf('"arn:') + 3, cat)
      expect(h, arn).toBeDefined()
      const html = render(h!.markdown)
      inert(html)
      // Where the hover names the ARN, it shows it literally.
      if (arn.includes('nosuchservice')) expect(html).toContain('![x](https://evil.example/pixel.png)')
    }
  })

  it('escapes crafted condition keys and action patterns too', () => {
    const text = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['s3:Get*![x](https://evil.example/a.png)'], Resource: '*', Condition: { StringEquals: { 'aws:RequestTag/![x](https://evil.example/k.png)': 'v' } } }],
    })
    for (const needle of ['"aws:RequestTag/', '"s3:Get*!']) {
      const h = hoverAt(text, text.indexOf(needle) + 3, cat)
      if (h) inert(render(h.markdown))
    }
  })

  it('escapeMarkdown keeps any text literal (property, fixed seed)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab:/.![]()<>&#;*_`~\\@wh tps\n'.split('')), maxLength: 60 }), (s) => {
        const html = render(`**${escapeMarkdown(s)}**`)
        expect(html).not.toMatch(/<img|<a |<code|<em|<del|<br/)
      }),
      { seed: 1717, numRuns: 2000 },
    )
  })
})
