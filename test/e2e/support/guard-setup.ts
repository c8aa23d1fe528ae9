// vitest.e2e.config.ts setup file: after every end-to-end test, fail on errors logged by the extension
// and on requests outside the console hosts (see ./guards.ts).
import { afterEach } from 'vitest'
import { describeProblems, takeProblems } from './guards'

afterEach(async () => {
  // Let messages already on their way (a frame's or the background's console) arrive.
  await new Promise((r) => setTimeout(r, 150))
  const p = takeProblems()
  if (p.errors.length || p.requests.length) throw new Error(describeProblems(p))
})
