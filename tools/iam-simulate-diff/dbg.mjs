import { readFileSync } from 'node:fs'
import { runSimulation } from '@cloud-copilot/iam-simulate'
const cases = readFileSync('/tmp/cases.jsonl','utf8').split('\n').filter(Boolean).map(JSON.parse)
for (const c of cases) {
  if (!c.action.startsWith('sts:')) continue
  const r = await runSimulation({request:{principal:'arn:aws:iam::111122223333:role/roleplan-diff',action:c.action,resource:{resource:c.resource,accountId:'111122223333'},contextVariables:{}},
    identityPolicies:c.policies.map((p,i)=>({name:String(i),policy:p})),serviceControlPolicies:[],resourceControlPolicies:[]},{})
  if (r.resultType !== 'error' && r.overallResult !== c.roleplan) { console.log(c.roleplan, r.overallResult, JSON.stringify({a:c.action,r:c.resource,p:c.policies})); console.log(JSON.stringify(r.result.analysis).slice(0,1500)) }
}
