// ace-builds set up the way the console loads it: one global `ace`, the JSON mode and its worker, the
// Cloudscape editor themes, and language_tools (the CodeEditor asks for it).
import ace from 'ace-builds/src-noconflict/ace'
import 'ace-builds/src-noconflict/mode-json'
import 'ace-builds/src-noconflict/theme-cloud_editor'
import 'ace-builds/src-noconflict/theme-cloud_editor_dark'
import 'ace-builds/src-noconflict/theme-dawn'
import 'ace-builds/src-noconflict/theme-tomorrow_night_bright'
import 'ace-builds/src-noconflict/ext-language_tools'
import jsonWorkerUrl from 'ace-builds/src-noconflict/worker-json?url'

ace.config.setModuleUrl('ace/mode/json_worker', jsonWorkerUrl)

export { ace }
