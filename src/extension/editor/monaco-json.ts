// Monaco with the JSON language only (no TypeScript, CSS or HTML workers): loaded lazily by ./main.tsx.
// `monaco-editor/editor` is the bare editor core; the editor features (suggest widget, hovers, code
// actions/quick fixes, find, folding...) are separate contributions. JSON support pulls in almost all of
// their code anyway (measured: core + JSON ≈ core + every feature), so register them all.
export * from 'monaco-editor/editor'
import 'monaco-editor/features/register.all'
import 'monaco-editor/languages/features/json/register'
