# Writes the RP701 fixtures: what `terraform show -json` (1.9.5, aws provider 5.x) prints for a plan that
# updates the inline policy of an existing task role. The role and the task definition already exist
# (prior_state, no-op changes); only aws_iam_role_policy.task_assets changes.
#   add-delete-object.plan.json  s3:GetObject -> s3:GetObject + s3:DeleteObject on arn:aws:s3:::assets/*
#   s3-wildcard.plan.json        ["s3:GetObject","s3:PutObject"] -> "s3:*" on arn:aws:s3:::assets/*
#   role-swap.plan.json          the task definition moves from that role to an existing one with s3:*
import json
ACC = "123456789012"; REG = "eu-west-1"; P = "registry.terraform.io/hashicorp/aws"
def mini(o): return json.dumps(o, separators=(",", ":"))
ROLE_ARN = f"arn:aws:iam::{ACC}:role/assets-task"
trust = mini({"Version": "2012-10-17", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
        "Principal": {"Service": "ecs-tasks.amazonaws.com"},
        "Condition": {"StringEquals": {"aws:SourceAccount": ACC}}}]})
def policy(actions):
    return mini({"Version": "2012-10-17", "Statement": [{"Sid": "Assets", "Effect": "Allow", "Action": actions,
                 "Resource": "arn:aws:s3:::assets/*"}]})
cdefs = mini([{"environment": [], "essential": True, "image": "nginx:1.27", "memory": 256, "mountPoints": [],
               "name": "api", "portMappings": [], "systemControls": [], "volumesFrom": []}])
role = {"arn": ROLE_ARN, "assume_role_policy": trust, "create_date": "2026-03-02T09:14:51Z", "description": "",
        "force_detach_policies": False, "id": "assets-task",
        "inline_policy": [], "managed_policy_arns": [], "max_session_duration": 3600,
        "name": "assets-task", "name_prefix": "", "path": "/", "permissions_boundary": None, "tags": {},
        "tags_all": {}, "unique_id": "AROAEXAMPLEEXAMPLE01"}
td = {"arn": f"arn:aws:ecs:{REG}:{ACC}:task-definition/api:7", "arn_without_revision": f"arn:aws:ecs:{REG}:{ACC}:task-definition/api",
      "container_definitions": cdefs, "cpu": "256", "ephemeral_storage": [], "execution_role_arn": "", "family": "api",
      "id": "api", "inference_accelerator": [], "ipc_mode": "", "memory": "512", "network_mode": "awsvpc", "pid_mode": "",
      "placement_constraints": [], "proxy_configuration": [], "requires_compatibilities": ["FARGATE"], "revision": 7,
      "runtime_platform": [], "skip_destroy": False, "tags": {}, "tags_all": {}, "task_role_arn": ROLE_ARN,
      "track_latest": False, "volume": []}
TD_SENS = {"ephemeral_storage": [], "inference_accelerator": [], "placement_constraints": [], "proxy_configuration": [],
           "requires_compatibilities": [False], "runtime_platform": [], "tags": {}, "tags_all": {}, "volume": []}
ROLE_SENS = {"inline_policy": [], "managed_policy_arns": [], "tags": {}, "tags_all": {}}

def plan(before_actions, after_actions):
    before_rp = {"id": "assets-task:assets", "name": "assets", "name_prefix": "", "policy": policy(before_actions), "role": "assets-task"}
    after_rp = dict(before_rp, policy=policy(after_actions))
    res = [("aws_ecs_task_definition.api", "aws_ecs_task_definition", "api", 1, td, td, TD_SENS, ["no-op"]),
           ("aws_iam_role.task", "aws_iam_role", "task", 0, role, role, ROLE_SENS, ["no-op"]),
           ("aws_iam_role_policy.task_assets", "aws_iam_role_policy", "task_assets", 0, before_rp, after_rp, {}, ["update"])]
    return plan_of(res)

def plan_of(res, extra_config=()):
    def state(r, vals):
        return {"address": r[0], "mode": "managed", "type": r[1], "name": r[2], "provider_name": P,
                "schema_version": r[3], "values": vals, "sensitive_values": r[6]}
    prior = [dict(state(r, r[4]), depends_on=([] if r[1] == "aws_iam_role" else
                ["aws_iam_role.admin"] if "admin" in r[2] else ["aws_iam_role.task"])) for r in res]
    for p in prior:
        if not p["depends_on"]:
            del p["depends_on"]
    changes = [{"address": r[0], "mode": "managed", "type": r[1], "name": r[2], "provider_name": P,
                "change": {"actions": r[7], "before": r[4], "after": r[5], "after_unknown": {},
                           "before_sensitive": r[6], "after_sensitive": r[6]}} for r in res]
    config = {"provider_config": {"aws": {"name": "aws", "full_name": P, "expressions": {"region": {"constant_value": REG}}}},
              "root_module": {"resources": [
                  {"address": "aws_ecs_task_definition.api", "mode": "managed", "type": "aws_ecs_task_definition", "name": "api",
                   "provider_config_key": "aws", "schema_version": 1, "expressions": {
                       "container_definitions": {"constant_value": None}, "cpu": {"constant_value": "256"},
                       "family": {"constant_value": "api"}, "memory": {"constant_value": "512"},
                       "network_mode": {"constant_value": "awsvpc"}, "requires_compatibilities": {"constant_value": ["FARGATE"]},
                       "task_role_arn": {"references": ["aws_iam_role.task.arn", "aws_iam_role.task"]}}},
                  {"address": "aws_iam_role.task", "mode": "managed", "type": "aws_iam_role", "name": "task",
                   "provider_config_key": "aws", "schema_version": 0, "expressions": {
                       "assume_role_policy": {"constant_value": None}, "name": {"constant_value": "assets-task"}}},
                  {"address": "aws_iam_role_policy.task_assets", "mode": "managed", "type": "aws_iam_role_policy",
                   "name": "task_assets", "provider_config_key": "aws", "schema_version": 0, "expressions": {
                       "name": {"constant_value": "assets"}, "policy": {"constant_value": None},
                       "role": {"references": ["aws_iam_role.task.id", "aws_iam_role.task"]}}}] + list(extra_config)}}
    # jsonencode(...) in the configuration: Terraform prints no constant_value for computed expressions
    for r in config["root_module"]["resources"]:
        for k in [k for k, v in r["expressions"].items() if v == {"constant_value": None}]:
            del r["expressions"][k]
    return {"format_version": "1.2", "terraform_version": "1.9.5",
            "planned_values": {"root_module": {"resources": [state(r, r[5]) for r in res]}},
            "resource_changes": changes,
            "prior_state": {"format_version": "1.0", "terraform_version": "1.9.5",
                            "values": {"root_module": {"resources": prior}}},
            "configuration": config,
            "relevant_attributes": [{"resource": "aws_iam_role.task", "attribute": ["arn"]},
                                    {"resource": "aws_iam_role.task", "attribute": ["id"]}],
            "timestamp": "2026-11-20T10:31:07Z", "applyable": True, "complete": True, "errored": False}

def swap_plan():
    """The task definition switches from the task role to an existing, broader role: replaced, as the aws
    provider forces a new revision for task_role_arn."""
    admin_arn = f"arn:aws:iam::{ACC}:role/assets-admin"
    admin = dict(role, arn=admin_arn, id="assets-admin", name="assets-admin", unique_id="AROAEXAMPLEEXAMPLE02")
    rp = {"id": "assets-task:assets", "name": "assets", "name_prefix": "", "policy": policy("s3:GetObject"), "role": "assets-task"}
    admin_rp = {"id": "assets-admin:assets", "name": "assets", "name_prefix": "", "policy": policy("s3:*"), "role": "assets-admin"}
    td_after = dict(td, task_role_arn=admin_arn, revision=None, arn=None, id=None)
    for k in ["revision", "arn", "id"]:
        del td_after[k]
    res = [("aws_ecs_task_definition.api", "aws_ecs_task_definition", "api", 1, td, td_after, TD_SENS, ["delete", "create"]),
           ("aws_iam_role.admin", "aws_iam_role", "admin", 0, admin, admin, ROLE_SENS, ["no-op"]),
           ("aws_iam_role.task", "aws_iam_role", "task", 0, role, role, ROLE_SENS, ["no-op"]),
           ("aws_iam_role_policy.admin_assets", "aws_iam_role_policy", "admin_assets", 0, admin_rp, admin_rp, {}, ["no-op"]),
           ("aws_iam_role_policy.task_assets", "aws_iam_role_policy", "task_assets", 0, rp, rp, {}, ["no-op"])]
    p = plan_of(res, [
        {"address": "aws_iam_role.admin", "mode": "managed", "type": "aws_iam_role", "name": "admin",
         "provider_config_key": "aws", "schema_version": 0, "expressions": {"name": {"constant_value": "assets-admin"}}},
        {"address": "aws_iam_role_policy.admin_assets", "mode": "managed", "type": "aws_iam_role_policy",
         "name": "admin_assets", "provider_config_key": "aws", "schema_version": 0, "expressions": {
             "name": {"constant_value": "assets"},
             "role": {"references": ["aws_iam_role.admin.id", "aws_iam_role.admin"]}}}])
    td_config = p["configuration"]["root_module"]["resources"][0]
    td_config["expressions"]["task_role_arn"] = {"references": ["aws_iam_role.admin.arn", "aws_iam_role.admin"]}
    rc = p["resource_changes"][0]
    rc["change"]["after_unknown"] = {"arn": True, "id": True, "revision": True}
    rc["action_reason"] = "replace_because_cannot_update"
    rc["change"]["replace_paths"] = [["task_role_arn"]]
    p["planned_values"]["root_module"]["resources"][0]["values"] = td_after
    return p

with open("role-swap.plan.json", "w") as f:
    json.dump(swap_plan(), f, indent=2); f.write("\n")
with open("add-delete-object.plan.json", "w") as f:
    json.dump(plan("s3:GetObject", ["s3:GetObject", "s3:DeleteObject"]), f, indent=2); f.write("\n")
with open("s3-wildcard.plan.json", "w") as f:
    json.dump(plan(["s3:GetObject", "s3:PutObject"], "s3:*"), f, indent=2); f.write("\n")
