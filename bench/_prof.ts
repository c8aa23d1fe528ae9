import { bigPolicy, manyStatements } from '/work/main/bench/hostile-policies'
import { loadCatalogue } from '/work/main/src/engine/catalogue/bundled'
import { buildPolicyModel } from '/work/main/src/engine/model'
import { suggestModel } from '/work/main/src/engine/suggest'
const catalogue = await loadCatalogue()
const which = process.argv[2]
const model = buildPolicyModel(which === 'big' ? bigPolicy() : manyStatements())
let t = performance.now()
const s = suggestModel(model, { catalogue, budgetMs: 200 }); console.log(which, 'suggest', (performance.now() - t).toFixed(0), s.map(x=>x.code).join(','))
t = performance.now()
const s2 = suggestModel(model, { catalogue, budgetMs: 200 }); console.log(which, 'suggest again', (performance.now() - t).toFixed(0))
