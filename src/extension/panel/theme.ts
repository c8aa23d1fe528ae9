import { useEffect, useState } from 'preact/hooks'

/** The console's dark mode: Cloudscape puts a class on <body>. */
export function consoleIsDark(doc: Document = document): boolean {
  const cls = doc.body?.classList
  return !!cls && (cls.contains('awsui-dark-mode') || cls.contains('awsui-polaris-dark-mode'))
}

export function useConsoleDark(): boolean {
  const [dark, setDark] = useState(consoleIsDark)
  useEffect(() => {
    if (!document.body) return
    const o = new MutationObserver(() => setDark(consoleIsDark()))
    o.observe(document.body, { attributes: true, attributeFilter: ['class'] })
    return () => o.disconnect()
  }, [])
  return dark
}
