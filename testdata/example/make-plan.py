# Writes plan.json: what `terraform show -json` (1.9.5, aws provider 5.x) prints for the .tf files beside
# this script on a first apply (empty state). Kept so the fixture can be regenerated and reviewed.
import json
ACC="123456789012"; REG="eu-west-1"
def mini(o): return json.dumps(o, separators=(",",":"), sort_keys=True)
def pretty_doc(doc):  # aws provider's data source json (pretty, 2-space)
    return json.dumps(doc, indent=2)
P="registry.terraform.io/hashicorp/aws"
assume_doc={"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sts:AssumeRole","Principal":{"Service":"ecs-tasks.amazonaws.com"}}]}
assume_min=mini(assume_doc)
task_trust=mini({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":["ecs-tasks.amazonaws.com","lambda.amazonaws.com"]},"Action":"sts:AssumeRole"}]})
secrets_pol=mini({"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":["secretsmanager:GetSecretValue","s3:*"],"Resource":"*"}]})
task_pol=mini({"Version":"2012-10-17","Statement":[
  {"Sid":"Assets","Effect":"Allow","Action":"s3:*","Resource":["arn:aws:s3:::shop-assets","arn:aws:s3:::shop-assets/*"]},
  {"Sid":"Deploy","Effect":"Allow","NotAction":["iam:*","organizations:*"],"Resource":"*"}]})
def cd(name):
    return mini([{"environment":[{"name":"LOG_LEVEL","value":"info"}],"essential":True,
      "image":f"{ACC}.dkr.ecr.{REG}.amazonaws.com/shop/{name}:1.4.2",
      "logConfiguration":{"logDriver":"awslogs","options":{"awslogs-group":f"/ecs/shop-{name}","awslogs-region":REG,"awslogs-stream-prefix":name}},
      "mountPoints":[],"name":name,"portMappings":[],
      "secrets":[{"name":"DATABASE_URL","valueFrom":f"arn:aws:secretsmanager:{REG}:{ACC}:secret:shop/{name}/database-AbCdEf"}],
      "systemControls":[],"volumesFrom":[]}])
migrate_cd=mini([{"command":["bin/migrate"],"environment":[],"essential":True,"image":f"{ACC}.dkr.ecr.{REG}.amazonaws.com/shop/api:1.4.2","mountPoints":[],"name":"migrate","portMappings":[],"systemControls":[],"volumesFrom":[]}])
legacy_heredoc='[{"name": "legacy", "image": "nginx:1.27", "essential": true, "memory": 256}]\n'
legacy_cd=mini([{"environment":[],"essential":True,"image":"nginx:1.27","memory":256,"mountPoints":[],"name":"legacy","portMappings":[],"systemControls":[],"volumesFrom":[]}])

def td_after(family, cdefs, cpu, mem, netmode, compat, extra=None):
    a={"container_definitions":cdefs,"cpu":cpu,"ephemeral_storage":[],"family":family,"inference_accelerator":[],
       "ipc_mode":None,"memory":mem,"network_mode":netmode,"pid_mode":None,"placement_constraints":[],
       "proxy_configuration":[],"requires_compatibilities":compat,"runtime_platform":[],"skip_destroy":False,
       "tags":None,"track_latest":False,"volume":[]}
    if extra: a.update(extra)
    return a
TD_UNK={"arn":True,"arn_without_revision":True,"ephemeral_storage":[],"execution_role_arn":True,"id":True,"inference_accelerator":[],
        "placement_constraints":[],"proxy_configuration":[],"requires_compatibilities":[False],"revision":True,"runtime_platform":[],"tags_all":True,"task_role_arn":True,"volume":[]}
TD_SENS={"ephemeral_storage":[],"inference_accelerator":[],"placement_constraints":[],"proxy_configuration":[],"requires_compatibilities":[False],"runtime_platform":[],"tags_all":{},"volume":[]}
def role_after(name, trust):
    return {"assume_role_policy":trust,"description":None,"force_detach_policies":False,"max_session_duration":3600,
            "name":name,"path":"/","permissions_boundary":None,"tags":None}
ROLE_UNK={"arn":True,"create_date":True,"id":True,"inline_policy":True,"managed_policy_arns":True,"name_prefix":True,"tags_all":True,"unique_id":True}
ROLE_SENS={"inline_policy":[],"managed_policy_arns":[],"tags_all":{}}

R=[]  # (address, module_address, type, name, index, after, after_unknown, after_sensitive)
R.append(("aws_ecs_task_definition.legacy",None,"aws_ecs_task_definition","legacy",None,
  td_after("shop-legacy",legacy_cd,None,None,None,None,{"execution_role_arn":f"arn:aws:iam::{ACC}:role/legacy-ecs-execution","task_role_arn":f"arn:aws:iam::{ACC}:role/legacy-app"}),
  {**TD_UNK,"execution_role_arn":False,"task_role_arn":False,"network_mode":True,"cpu":True,"memory":True,"requires_compatibilities":True}, {k:v for k,v in TD_SENS.items() if k!="requires_compatibilities"}))
# legacy: cpu/memory/network_mode/compat unset → computed (unknown); drop from after
for k in ["cpu","memory","network_mode","requires_compatibilities"]:
    del R[-1][5][k]
R.append(("aws_ecs_task_definition.migrate",None,"aws_ecs_task_definition","migrate",None,
  td_after("shop-migrate",migrate_cd,"256","512","awsvpc",["FARGATE"]),TD_UNK,TD_SENS))
M="module.iam"
R.append((f"{M}.aws_iam_policy.task",M,"aws_iam_policy","task",None,
  {"description":None,"name":"shop-task","path":"/","policy":task_pol,"tags":None},
  {"arn":True,"attachment_count":True,"id":True,"name_prefix":True,"policy_id":True,"tags_all":True},{"tags_all":{}}))
R.append((f"{M}.aws_iam_role.execution",M,"aws_iam_role","execution",None,role_after("shop-ecs-execution",assume_min),ROLE_UNK,ROLE_SENS))
R.append((f"{M}.aws_iam_role.task",M,"aws_iam_role","task",None,role_after("shop-ecs-task",task_trust),ROLE_UNK,ROLE_SENS))
R.append((f"{M}.aws_iam_role_policy.execution_secrets",M,"aws_iam_role_policy","execution_secrets",None,
  {"name":"secrets","policy":secrets_pol},{"id":True,"name_prefix":True,"role":True},{}))
R.append((f"{M}.aws_iam_role_policy_attachment.execution_managed",M,"aws_iam_role_policy_attachment","execution_managed",None,
  {"policy_arn":"arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy","role":"shop-ecs-execution"},{"id":True},{}))
R.append((f"{M}.aws_iam_role_policy_attachment.task",M,"aws_iam_role_policy_attachment","task",None,
  {"role":"shop-ecs-task"},{"id":True,"policy_arn":True},{}))
for svc in ["api","worker"]:
    ma=f'module.svc["{svc}"]'
    R.append((f"{ma}.aws_ecs_task_definition.this",ma,"aws_ecs_task_definition","this",None,
      td_after(f"shop-{svc}",cd(svc),"512","1024","awsvpc",["FARGATE"]),TD_UNK,TD_SENS))

def pv_res(r):
    addr,mod,typ,name,idx,after,unk,sens=r
    o={"address":addr,"mode":"managed","type":typ,"name":name,"provider_name":P,"schema_version":1 if typ in("aws_ecs_task_definition",) else 0,"values":after,"sensitive_values":sens}
    return o
root=[pv_res(r) for r in R if r[1] is None]
mods={}
for r in R:
    if r[1]: mods.setdefault(r[1],[]).append(pv_res(r))
planned={"root_module":{"resources":root,"child_modules":[{"resources":v,"address":k} for k,v in sorted(mods.items())]}}
rc=[]
for r in R:
    addr,mod,typ,name,idx,after,unk,sens=r
    o={"address":addr}
    if mod: o["module_address"]=mod
    o.update({"mode":"managed","type":typ,"name":name,"provider_name":P,
      "change":{"actions":["create"],"before":None,"after":after,"after_unknown":unk,"before_sensitive":False,"after_sensitive":sens}})
    rc.append(o)
data_values={"id":"4250039221","json":pretty_doc(assume_doc),"minified_json":assume_min,"override_json":None,"override_policy_documents":None,
  "policy_id":None,"source_json":None,"source_policy_documents":None,
  "statement":[{"actions":["sts:AssumeRole"],"condition":[],"effect":"Allow","not_actions":[],"not_principals":[],"not_resources":[],
    "principals":[{"identifiers":["ecs-tasks.amazonaws.com"],"type":"Service"}],"resources":[],"sid":""}],"version":"2012-10-17"}
prior={"format_version":"1.0","terraform_version":"1.9.5","values":{"root_module":{"child_modules":[{"resources":[
  {"address":"module.iam.data.aws_iam_policy_document.ecs_tasks_assume","mode":"data","type":"aws_iam_policy_document","name":"ecs_tasks_assume",
   "provider_name":P,"schema_version":0,"values":data_values,"sensitive_values":{"statement":[{"condition":[],"not_actions":[],"not_principals":[],"not_resources":[],"principals":[{"identifiers":[False]}],"resources":[]}]}}],
  "address":"module.iam"}]}}}
def ref(*xs): return {"references":list(xs)}
def const(v): return {"constant_value":v}
td_cfg_svc={"address":"aws_ecs_task_definition.this","mode":"managed","type":"aws_ecs_task_definition","name":"this","provider_config_key":"aws",
  "expressions":{"container_definitions":ref("var.name","var.image"),"cpu":const("512"),"execution_role_arn":ref("var.execution_role_arn"),
   "family":ref("var.name"),"memory":const("1024"),"network_mode":const("awsvpc"),"requires_compatibilities":const(["FARGATE"]),
   "task_role_arn":ref("var.task_role_arn")},"schema_version":1}
iam_res=[
 {"address":"aws_iam_policy.task","mode":"managed","type":"aws_iam_policy","name":"task","provider_config_key":"aws","expressions":{"name":ref("var.name"),"policy":{}},"schema_version":0},
 {"address":"aws_iam_role.execution","mode":"managed","type":"aws_iam_role","name":"execution","provider_config_key":"aws",
  "expressions":{"assume_role_policy":ref("data.aws_iam_policy_document.ecs_tasks_assume.json","data.aws_iam_policy_document.ecs_tasks_assume"),"name":ref("var.name")},"schema_version":0},
 {"address":"aws_iam_role.task","mode":"managed","type":"aws_iam_role","name":"task","provider_config_key":"aws","expressions":{"assume_role_policy":{},"name":ref("var.name")},"schema_version":0},
 {"address":"aws_iam_role_policy.execution_secrets","mode":"managed","type":"aws_iam_role_policy","name":"execution_secrets","provider_config_key":"aws",
  "expressions":{"name":const("secrets"),"policy":{},"role":ref("aws_iam_role.execution.id","aws_iam_role.execution")},"schema_version":0},
 {"address":"aws_iam_role_policy_attachment.execution_managed","mode":"managed","type":"aws_iam_role_policy_attachment","name":"execution_managed","provider_config_key":"aws",
  "expressions":{"policy_arn":const("arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"),"role":ref("aws_iam_role.execution.name","aws_iam_role.execution")},"schema_version":0},
 {"address":"aws_iam_role_policy_attachment.task","mode":"managed","type":"aws_iam_role_policy_attachment","name":"task","provider_config_key":"aws",
  "expressions":{"policy_arn":ref("aws_iam_policy.task.arn","aws_iam_policy.task"),"role":ref("aws_iam_role.task.name","aws_iam_role.task")},"schema_version":0},
 {"address":"data.aws_iam_policy_document.ecs_tasks_assume","mode":"data","type":"aws_iam_policy_document","name":"ecs_tasks_assume","provider_config_key":"aws",
  "expressions":{"statement":[{"actions":const(["sts:AssumeRole"]),"principals":[{"identifiers":const(["ecs-tasks.amazonaws.com"]),"type":const("Service")}]}]},"schema_version":0}]
config={"provider_config":{"aws":{"name":"aws","full_name":P,"expressions":{"region":const(REG)}}},
 "root_module":{"resources":[
   {"address":"aws_ecs_task_definition.legacy","mode":"managed","type":"aws_ecs_task_definition","name":"legacy","provider_config_key":"aws",
    "expressions":{"container_definitions":const(legacy_heredoc),"execution_role_arn":const(f"arn:aws:iam::{ACC}:role/legacy-ecs-execution"),
      "family":const("shop-legacy"),"task_role_arn":const(f"arn:aws:iam::{ACC}:role/legacy-app")},"schema_version":1},
   {"address":"aws_ecs_task_definition.migrate","mode":"managed","type":"aws_ecs_task_definition","name":"migrate","provider_config_key":"aws",
    "expressions":{"container_definitions":{},"cpu":const("256"),"execution_role_arn":ref("module.iam.execution_role_arn","module.iam"),
      "family":const("shop-migrate"),"memory":const("512"),"network_mode":const("awsvpc"),"requires_compatibilities":const(["FARGATE"]),
      "task_role_arn":ref("module.iam.execution_role_arn","module.iam")},"schema_version":1}],
  "module_calls":{
   "iam":{"source":"./modules/iam","expressions":{"name":const("shop")},
     "module":{"outputs":{"execution_role_arn":{"expression":ref("aws_iam_role.execution.arn","aws_iam_role.execution")},
                          "task_role_arn":{"expression":ref("aws_iam_role.task.arn","aws_iam_role.task")}},
               "resources":iam_res,"variables":{"name":{}}}},
   "svc":{"source":"./modules/service","expressions":{"execution_role_arn":ref("module.iam.execution_role_arn","module.iam"),
        "image":ref("each.key"),"name":ref("each.key"),"task_role_arn":ref("module.iam.task_role_arn","module.iam")},
     "module":{"resources":[td_cfg_svc],"variables":{"execution_role_arn":{},"image":{},"name":{},"task_role_arn":{}}}}}}}
plan={"format_version":"1.2","terraform_version":"1.9.5","planned_values":planned,"resource_changes":rc,"prior_state":prior,
  "configuration":config,"relevant_attributes":[
    {"resource":"module.iam.aws_iam_role.execution","attribute":["arn"]},{"resource":"module.iam.aws_iam_role.task","attribute":["arn"]},
    {"resource":"module.iam.aws_iam_role.execution","attribute":["id"]},{"resource":"module.iam.aws_iam_role.execution","attribute":["name"]},
    {"resource":"module.iam.aws_iam_role.task","attribute":["name"]},{"resource":"module.iam.aws_iam_policy.task","attribute":["arn"]},
    {"resource":"module.iam.data.aws_iam_policy_document.ecs_tasks_assume","attribute":["json"]}],
  "timestamp":"2026-11-20T10:00:00Z","applyable":True,"complete":True,"errored":False}
open(__import__("os").path.join(__import__("os").path.dirname(__file__),"plan.json"),"w").write(json.dumps(plan,separators=(",",":"))+"\n")
