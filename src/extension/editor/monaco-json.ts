// Monaco with the JSON language only (no TypeScript, CSS or HTML workers): loaded lazily by ./main.tsx.
export * from 'monaco-editor/editor'
import 'monaco-editor/languages/features/json/register'
