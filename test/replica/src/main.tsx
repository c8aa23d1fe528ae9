import '@cloudscape-design/global-styles/index.css'
import { applyMode, Mode } from '@cloudscape-design/global-styles'
import { StrictMode, useEffect, useState } from 'react'
import { createRoot } from 'react-dom/client'
import AppLayout from '@cloudscape-design/components/app-layout'
import BreadcrumbGroup from '@cloudscape-design/components/breadcrumb-group'
import Header from '@cloudscape-design/components/header'
import Link from '@cloudscape-design/components/link'
import SpaceBetween from '@cloudscape-design/components/space-between'
import Table from '@cloudscape-design/components/table'
import { matchPage, navigate, useLocation, type PageModule } from './router'
import './shell.css'

// Every page module under ./pages (see ../README.md for the contract). Files without a default export
// and a route (helpers) are skipped.
const modules = import.meta.glob<Partial<PageModule>>('./pages/**/*.tsx', { eager: true })
const PAGES: PageModule[] = Object.entries(modules)
  .filter(([, m]) => typeof m.default === 'function' && m.route instanceof RegExp === false && m.route?.path instanceof RegExp)
  .map(([, m]) => m as PageModule)

window.__replicaNavigate = navigate

const dark = new URLSearchParams(window.location.search).get('mode') === 'dark' || localStorage.getItem('replica-mode') === 'dark'
applyMode(dark ? Mode.Dark : Mode.Light)

/** The console's top bar: service name, region and the signed-in identity ("user @ account"). */
function ConsoleHeader() {
  const [mode, setMode] = useState(dark)
  return (
    <header id="awsc-nav-header" className="replica-nav">
      <nav aria-label="Console navigation">
        <a className="replica-nav-logo" href="/" onClick={(e) => { e.preventDefault(); navigate('/') }}>aws</a>
        <span className="replica-nav-services">Services</span>
        <span className="replica-nav-spacer" />
        <button
          className="replica-nav-button"
          onClick={() => {
            const next = !mode
            setMode(next)
            localStorage.setItem('replica-mode', next ? 'dark' : 'light')
            applyMode(next ? Mode.Dark : Mode.Light)
          }}
        >
          {mode ? 'Light mode' : 'Dark mode'}
        </button>
        <span className="replica-nav-region" data-testid="awsc-nav-regions-menu-button">N. Virginia</span>
        <button className="replica-nav-button" data-testid="awsc-nav-account-menu-button" aria-haspopup="true">
          <span title="alice @ 1111-1111-1111">alice @ 1111-1111-1111</span>
        </button>
      </nav>
    </header>
  )
}

function Index() {
  return (
    <SpaceBetween size="l">
      <Header variant="h1" description="A local replica of AWS console pages that hold a policy editor, for IAM Sidekick's tests and demo.">
        Console replica
      </Header>
      <Table
        variant="container"
        header={<Header variant="h2">Pages</Header>}
        columnDefinitions={[
          { id: 'title', header: 'Page', cell: (p) => p.title },
          {
            id: 'url',
            header: 'Example',
            cell: (p) =>
              p.example ? (
                <Link href={p.example} onFollow={(e) => { e.preventDefault(); navigate(p.example!) }}>
                  {p.example}
                </Link>
              ) : (
                '—'
              ),
          },
        ]}
        items={[...PAGES].sort((a, b) => a.title.localeCompare(b.title))}
      />
    </SpaceBetween>
  )
}

function App() {
  const location = useLocation()
  const match = matchPage(PAGES, location)
  useEffect(() => {
    if (!match) window.__replicaState = undefined
  }, [match])
  const props = match ? { location, params: match.params, navigate } : undefined
  const Page = match?.page.default
  const crumbs = match && props && match.page.breadcrumbs ? match.page.breadcrumbs(props) : []
  return (
    <>
      <ConsoleHeader />
      <AppLayout
        navigationHide
        toolsHide
        headerSelector="#awsc-nav-header"
        breadcrumbs={
          crumbs.length ? (
            <BreadcrumbGroup
              items={crumbs}
              ariaLabel="Breadcrumbs"
              onFollow={(e) => {
                e.preventDefault()
                if (e.detail.href !== '#') navigate(e.detail.href)
              }}
            />
          ) : undefined
        }
        content={Page && props ? <Page key={match.page.title} {...props} /> : <Index />}
      />
    </>
  )
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
