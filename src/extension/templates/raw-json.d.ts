// Vite's `?raw` import gives a file's text. Used for the 3.4 MB managed-policies file so that TypeScript
// does not infer a type for it (that alone added ~20 s to every typecheck).
declare module '*.json?raw' {
  const text: string
  export default text
}
