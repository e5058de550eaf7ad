# Writes sensitive_in_reported_fields.json: a plan whose sensitive values sit exactly in the fields reports
# print (family, role name and ARN, policy resources and actions, container names, a sensitive variable), so that
# SecretsNeverLeakTest proves the masking on values that would otherwise be shown. Run: python3 make-plan.py
import json, os
HERE = os.path.dirname(os.path.abspath(__file__))
P = "registry.terraform.io/hashicorp/aws"
def mini(o): return json.dumps(o, separators=(",", ":"), sort_keys=True)
SECRET_BUCKET = "arn:aws:s3:::acme-payroll-exports-7f3a9c"
POLICY = mini({"Version": "2012-10-17", "Statement": [
    {"Sid": "ReadPayroll", "Effect": "Allow", "Action": "s3:*", "Resource": [SECRET_BUCKET, SECRET_BUCKET + "/*"]},
    {"Effect": "Allow", "Action": "iam:PassRole", "Resource": "*"}]})
TRUST = mini({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "sts:AssumeRole",
              "Principal": {"Service": "ecs-tasks.amazonaws.com", "AWS": "arn:aws:iam::210987654321:root"}}]})
CONTAINERS = mini([{"name": "payroll-sidecar-x9k2", "image": "nginx:1.27", "essential": True,
                    "environment": [{"name": "DB_PASSWORD", "value": "Tr0ub4dor&3-payroll"},
                                    {"name": "GITHUB_TOKEN", "value": "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8"}]}])
TASK = {"family": "payroll-family-q7w8", "container_definitions": CONTAINERS,
        "task_role_arn": "arn:aws:iam::123456789012:role/payroll-task-role-z5", "execution_role_arn": None}
ROLE = {"name": "payroll-task-role-z5", "arn": "arn:aws:iam::123456789012:role/payroll-task-role-z5",
        "assume_role_policy": TRUST}
ROLE_POLICY = {"name": "payroll-inline-k3", "role": "payroll-task-role-z5", "policy": POLICY}
SENSITIVE = {"aws_ecs_task_definition.web": {"family": True, "container_definitions": True, "task_role_arn": True},
             "aws_iam_role.task": {"name": True, "arn": True},
             "aws_iam_role_policy.read": {"policy": True, "name": True}}
RESOURCES = [("aws_ecs_task_definition.web", TASK), ("aws_iam_role.task", ROLE), ("aws_iam_role_policy.read", ROLE_POLICY)]
def res(address, values):
    type_, name = address.split(".")
    return {"address": address, "mode": "managed", "type": type_, "name": name, "provider_name": P,
            "schema_version": 0, "values": values, "sensitive_values": SENSITIVE[address]}
def change(address, after):
    type_, name = address.split(".")
    return {"address": address, "mode": "managed", "type": type_, "name": name, "provider_name": P,
            "change": {"actions": ["create"], "before": None, "after": after, "after_unknown": {},
                       "before_sensitive": False, "after_sensitive": SENSITIVE[address]}}
plan = {"format_version": "1.2", "terraform_version": "1.9.8",
        "variables": {"payroll_key": {"value": "pk-live-55aa66bb77cc"}},
        "planned_values": {"root_module": {"resources": [res(a, v) for a, v in RESOURCES]}},
        "resource_changes": [change(a, v) for a, v in RESOURCES],
        "configuration": {"root_module": {"variables": {"payroll_key": {"sensitive": True}}}}}
with open(os.path.join(HERE, "sensitive_in_reported_fields.json"), "w") as f:
    f.write(mini(plan))
