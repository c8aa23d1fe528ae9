/** Loads the engine chunk (engine + catalogue) once, on first use. */
export type AnalysisModule = typeof import('./analysis')

let loading: Promise<AnalysisModule> | undefined

export function loadAnalysis(): Promise<AnalysisModule> {
  loading ??= import('./analysis')
  return loading
}
