/** The small part of Ace's API the bridge uses (read from `element.env.editor`; the page owns Ace). */
import type { AcePoint, AceRange } from './protocol'

export interface AceRangeObject extends AceRange {
  isEmpty(): boolean
}
export type AceRangeConstructor = new (startRow: number, startColumn: number, endRow: number, endColumn: number) => AceRangeObject

export interface AceSession {
  getValue(): string
  getLength(): number
  getLine(row: number): string
  replace(range: AceRangeObject, text: string): AcePoint
  markUndoGroup?(): void
  getMode?(): { $id?: string }
  addMarker?(range: AceRangeObject, clazz: string, type: string, inFront?: boolean): number
  /** A marker that draws itself on each render of the marker layer (Ace sets its `id`). */
  addDynamicMarker?(marker: AceDynamicMarker, inFront?: boolean): AceDynamicMarker
  documentToScreenPosition?(row: number, column: number): AcePoint
  /** The last column of a screen row, and where a wrapped row's continuation starts (screen coordinates). */
  getScreenLastRowColumn?(screenRow: number): number
  getRowWrapIndent?(screenRow: number): number
  removeMarker?(id: number): void
  getAnnotations?(): AceAnnotation[]
  setAnnotations?(annotations: AceAnnotation[]): void
  on?(event: 'changeAnnotation', fn: () => void): void
  off?(event: 'changeAnnotation', fn: () => void): void
}

/** What Ace passes a dynamic marker's `update`: where the visible rows are and how big a character is. */
export interface AceLayerConfig {
  firstRow: number
  lastRow: number
  firstRowScreen: number
  lineHeight: number
  characterWidth: number
  height?: number
}

/** The marker layer: `elt` in Ace 1.9 and later; older versions pass an array of HTML strings instead. */
export interface AceMarkerLayer {
  elt?(className: string, css: string): void
  $padding?: number
}

export interface AceDynamicMarker {
  id?: number
  clazz: string
  update(html: unknown, layer: AceMarkerLayer, session: AceSession, config: AceLayerConfig): void
}

/** A gutter annotation (Ace's type names: error, warning, info). */
export interface AceAnnotation {
  row: number
  column: number
  text: string
  type: string
}

export interface AceEditor {
  getValue(): string
  getReadOnly(): boolean
  session: AceSession
  selection: { setRange(range: AceRangeObject, reverse?: boolean): void; getRange(): AceRangeObject }
  getSelectionRange(): AceRangeObject
  setValue(text: string, cursorPos?: number): string
  clearSelection(): void
  /** The editor's own undo (its session's UndoManager). */
  undo?(): void
  focus(): void
  scrollToLine(line: number, center: boolean, animate: boolean, callback?: () => void): void
  renderer?: { screenToTextCoordinates?(x: number, y: number): AcePoint }
  on(event: 'change' | 'changeSession', fn: () => void): void
  off(event: 'change' | 'changeSession', fn: () => void): void
}

export type AceElement = HTMLElement & { env?: { editor?: AceEditor } }

export function editorOf(el: Element): AceEditor | undefined {
  const env = (el as AceElement).env
  const ed = env && typeof env === 'object' ? env.editor : undefined
  return ed && typeof ed.getValue === 'function' && typeof ed.on === 'function' && ed.session ? ed : undefined
}
