# Writes the ECS requirement scenarios: what `terraform show -json` (1.9.5, aws provider 5.x) prints for a
# first apply (empty state) of one root module each. Every scenario has the same task definition (a private ECR
# image, awslogs creating its group, a Secrets Manager secret by full ARN with a JSON key, an SSM parameter by
# name, private-registry credentials, an S3 environment file, an EFS volume with IAM authorization, and a
# service with ECS Exec); the roles around it differ. Run: python3 make-scenarios.py (writes *.json beside it).
import json, os
ACC = "123456789012"; REG = "eu-west-1"; P = "registry.terraform.io/hashicorp/aws"
HERE = os.path.dirname(os.path.abspath(__file__))
def mini(o): return json.dumps(o, separators=(",", ":"), sort_keys=True)

REPO = f"arn:aws:ecr:{REG}:{ACC}:repository/shop/web"
GROUP = f"arn:aws:logs:{REG}:{ACC}:log-group:/ecs/shop-web:*"
SECRET = f"arn:aws:secretsmanager:{REG}:{ACC}:secret:shop/web/db-AbC123"
PARAM = f"arn:aws:ssm:{REG}:{ACC}:parameter/shop/web/api-key"
HUB = f"arn:aws:secretsmanager:{REG}:{ACC}:secret:dockerhub-XyZ789"
ENV_OBJECT = "arn:aws:s3:::shop-config/web/prod.env"
ENV_BUCKET = "arn:aws:s3:::shop-config"
FS = f"arn:aws:elasticfilesystem:{REG}:{ACC}:file-system/fs-0123abcd"
MANAGED = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"

def doc(*statements): return {"Version": "2012-10-17", "Statement": list(statements)}
def allow(actions, resources, sid=None, **extra):
    s = {"Effect": "Allow", "Action": actions, "Resource": resources}
    if sid: s = {"Sid": sid, **s}
    s.update(extra); return s
def deny(actions, resources, sid=None):
    s = {"Effect": "Deny", "Action": actions, "Resource": resources}
    if sid: s = {"Sid": sid, **s}
    return s

TRUST = doc({"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole",
             "Condition": {"StringEquals": {"aws:SourceAccount": ACC}}})
EXACT = [allow("ecr:GetAuthorizationToken", "*", "EcrAuth"),
         allow(["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"], REPO, "EcrPull"),
         allow(["logs:CreateLogStream", "logs:PutLogEvents"], GROUP, "Logs"),
         allow("logs:CreateLogGroup", GROUP, "LogsCreateGroup"),
         allow("secretsmanager:GetSecretValue", SECRET, "Secrets"),
         allow("ssm:GetParameters", PARAM, "Parameters"),
         allow("secretsmanager:GetSecretValue", HUB, "RegistryCredentials"),
         allow("s3:GetObject", ENV_OBJECT, "EnvironmentFiles"),
         allow("s3:GetBucketLocation", ENV_BUCKET, "EnvironmentFileBuckets")]
TASK_EXACT = [allow(["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"], FS, "Efs"),
              allow(["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                     "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"], "*", "ExecuteCommand")]

CONTAINERS = [{
    "name": "web", "image": f"{ACC}.dkr.ecr.{REG}.amazonaws.com/shop/web:1.4.2", "essential": True, "cpu": 0,
    "environment": [{"name": "LOG_LEVEL", "value": "info"}],
    "environmentFiles": [{"type": "s3", "value": ENV_OBJECT}],
    "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/shop-web", "awslogs-region": REG,
                                                             "awslogs-create-group": "true", "awslogs-stream-prefix": "web"}},
    "mountPoints": [{"sourceVolume": "data", "containerPath": "/data", "readOnly": False}],
    "portMappings": [], "systemControls": [], "volumesFrom": [],
    "secrets": [{"name": "DB_PASSWORD", "valueFrom": SECRET + ":password::"},
                {"name": "API_KEY", "valueFrom": "/shop/web/api-key"}]}, {
    "name": "metrics", "image": "acme/metrics-agent:2.1", "essential": False, "cpu": 0, "environment": [],
    "repositoryCredentials": {"credentialsParameter": HUB},
    "mountPoints": [{"sourceVolume": "data", "containerPath": "/data", "readOnly": True}],
    "portMappings": [], "systemControls": [], "volumesFrom": []}]

def scenario(name, exec_policies=None, exec_managed=(), task_policies=None, task_trust=TRUST, execution=True,
             containers=CONTAINERS, sensitive_containers=False, extra_variables=None, extra_resources=()):
    R = list(extra_resources)  # (address, type, name, after, after_unknown, after_sensitive, config expressions)
    def role(rname, trust):
        R.append((f"aws_iam_role.{rname}", "aws_iam_role", rname,
                  {"assume_role_policy": mini(trust), "description": None, "force_detach_policies": False,
                   "max_session_duration": 3600, "name": f"shop-web-{rname}", "path": "/", "permissions_boundary": None, "tags": None},
                  {"arn": True, "create_date": True, "id": True, "inline_policy": True, "managed_policy_arns": True,
                   "name_prefix": True, "tags_all": True, "unique_id": True},
                  {"inline_policy": [], "managed_policy_arns": [], "tags_all": {}},
                  {"assume_role_policy": {}, "name": {"constant_value": f"shop-web-{rname}"}}))
    def role_policy(rname, pname, document):
        R.append((f"aws_iam_role_policy.{pname}", "aws_iam_role_policy", pname,
                  {"name": pname, "policy": mini(document)}, {"id": True, "name_prefix": True, "role": True}, {},
                  {"name": {"constant_value": pname}, "policy": {},
                   "role": {"references": [f"aws_iam_role.{rname}.id", f"aws_iam_role.{rname}"]}}))
    def attachment(rname, aname, arn):
        R.append((f"aws_iam_role_policy_attachment.{aname}", "aws_iam_role_policy_attachment", aname,
                  {"policy_arn": arn, "role": f"shop-web-{rname}"}, {"id": True}, {},
                  {"policy_arn": {"constant_value": arn},
                   "role": {"references": [f"aws_iam_role.{rname}.name", f"aws_iam_role.{rname}"]}}))
    if execution:
        role("execution", doc({"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}))
        for i, document in enumerate(exec_policies or []):
            role_policy("execution", f"execution_{i}", document)
        for i, arn in enumerate(exec_managed):
            attachment("execution", f"execution_managed_{i}", arn)
    role("task", task_trust)
    for i, document in enumerate(task_policies or []):
        role_policy("task", f"task_{i}", document)
    td_expr = {"container_definitions": {"references": ["var.db_url"]} if sensitive_containers else {},
               "family": {"constant_value": "shop-web"}, "cpu": {"constant_value": "512"}, "memory": {"constant_value": "1024"},
               "network_mode": {"constant_value": "awsvpc"}, "requires_compatibilities": {"constant_value": ["FARGATE"]},
               "task_role_arn": {"references": ["aws_iam_role.task.arn", "aws_iam_role.task"]},
               "volume": [{"name": {"constant_value": "data"}, "efs_volume_configuration": [{
                   "file_system_id": {"constant_value": "fs-0123abcd"}, "transit_encryption": {"constant_value": "ENABLED"},
                   "authorization_config": [{"iam": {"constant_value": "ENABLED"}}]}]}]}
    td_unknown = {"arn": True, "arn_without_revision": True, "id": True, "revision": True, "tags_all": True, "task_role_arn": True,
                  "ephemeral_storage": [], "inference_accelerator": [], "placement_constraints": [], "proxy_configuration": [],
                  "requires_compatibilities": [False], "runtime_platform": [],
                  "volume": [{"docker_volume_configuration": [], "efs_volume_configuration": [{"authorization_config": [{}]}],
                              "fsx_windows_file_server_volume_configuration": []}]}
    if execution:
        td_expr["execution_role_arn"] = {"references": ["aws_iam_role.execution.arn", "aws_iam_role.execution"]}
        td_unknown["execution_role_arn"] = True
    td_sensitive = {"ephemeral_storage": [], "inference_accelerator": [], "placement_constraints": [], "proxy_configuration": [],
                    "requires_compatibilities": [False], "runtime_platform": [], "tags_all": {},
                    "volume": [{"docker_volume_configuration": [], "efs_volume_configuration": [{"authorization_config": [{}]}],
                                "fsx_windows_file_server_volume_configuration": []}]}
    if sensitive_containers:
        td_sensitive["container_definitions"] = True
    R.append(("aws_ecs_task_definition.web", "aws_ecs_task_definition", "web",
              {"container_definitions": mini(containers), "cpu": "512", "family": "shop-web", "memory": "1024",
               "network_mode": "awsvpc", "requires_compatibilities": ["FARGATE"], "ephemeral_storage": [],
               "inference_accelerator": [], "ipc_mode": None, "pid_mode": None, "placement_constraints": [],
               "proxy_configuration": [], "runtime_platform": [], "skip_destroy": False, "tags": None, "track_latest": False,
               "volume": [{"configure_at_launch": False, "docker_volume_configuration": [], "efs_volume_configuration": [{
                   "authorization_config": [{"access_point_id": None, "iam": "ENABLED"}], "file_system_id": "fs-0123abcd",
                   "root_directory": "/", "transit_encryption": "ENABLED", "transit_encryption_port": 0}],
                   "fsx_windows_file_server_volume_configuration": [], "host_path": "", "name": "data"}]},
              td_unknown, td_sensitive, td_expr))
    R.append(("aws_ecs_service.web", "aws_ecs_service", "web",
              {"name": "shop-web", "cluster": f"arn:aws:ecs:{REG}:{ACC}:cluster/shop", "desired_count": 2,
               "enable_execute_command": True, "launch_type": "FARGATE", "tags": None},
              {"id": True, "task_definition": True, "tags_all": True}, {"tags_all": {}},
              {"name": {"constant_value": "shop-web"}, "enable_execute_command": {"constant_value": True},
               "task_definition": {"references": ["aws_ecs_task_definition.web.arn", "aws_ecs_task_definition.web"]}}))

    planned = {"root_module": {"resources": [
        {"address": a, "mode": "managed", "type": t, "name": n, "provider_name": P,
         "schema_version": 1 if t == "aws_ecs_task_definition" else 0, "values": after, "sensitive_values": sens}
        for (a, t, n, after, unk, sens, expr) in R]}}
    changes = [{"address": a, "mode": "managed", "type": t, "name": n, "provider_name": P,
                "change": {"actions": ["create"], "before": None, "after": after, "after_unknown": unk,
                           "before_sensitive": False, "after_sensitive": sens}} for (a, t, n, after, unk, sens, expr) in R]
    caller = {"address": "data.aws_caller_identity.current", "mode": "data", "type": "aws_caller_identity", "name": "current",
              "provider_name": P, "schema_version": 0,
              "values": {"account_id": ACC, "arn": f"arn:aws:iam::{ACC}:user/ci", "id": ACC, "user_id": "AIDAEXAMPLE"},
              "sensitive_values": {}}
    config = {"provider_config": {"aws": {"name": "aws", "full_name": P, "expressions": {"region": {"constant_value": REG}}}},
              "root_module": {"resources": [
                  {"address": a, "mode": "managed", "type": t, "name": n, "provider_config_key": "aws", "expressions": expr,
                   "schema_version": 1 if t == "aws_ecs_task_definition" else 0} for (a, t, n, after, unk, sens, expr) in R]
                  + [{"address": "data.aws_caller_identity.current", "mode": "data", "type": "aws_caller_identity",
                      "name": "current", "provider_config_key": "aws", "schema_version": 0}],
                  "variables": {"db_url": {"sensitive": True}} if sensitive_containers else {}}}
    plan = {"format_version": "1.2", "terraform_version": "1.9.5", "planned_values": planned, "resource_changes": changes,
            "prior_state": {"format_version": "1.0", "terraform_version": "1.9.5",
                            "values": {"root_module": {"resources": [caller]}}},
            "configuration": config, "timestamp": "2026-11-20T10:00:00Z", "applyable": True, "complete": True, "errored": False}
    if extra_variables:
        plan["variables"] = extra_variables
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        f.write(json.dumps(plan, separators=(",", ":")) + "\n")

# Every requirement granted exactly: no finding at all.
scenario("satisfied", exec_policies=[doc(*EXACT)], task_policies=[doc(*TASK_EXACT)])
# Each requirement missing: the execution role pulls images only, the task role has nothing.
scenario("missing", exec_policies=[doc(*EXACT[:2])], task_policies=[])
# Granted too broadly: the managed policy plus secrets, parameters and files on "*".
scenario("too_broad", exec_managed=[MANAGED],
         exec_policies=[doc(allow(["secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt"], "*", "ReadAll"),
                            allow(["s3:GetObject", "s3:GetBucketLocation"], ["arn:aws:s3:::shop-config", "arn:aws:s3:::shop-config/*"], "Files"),
                            allow("logs:CreateLogGroup", "*", "CreateGroups"))],
         task_policies=[doc(allow("elasticfilesystem:Client*", "*"), *TASK_EXACT[1:])])
# Satisfied through action wildcards and scoped resource wildcards, and through the AWS-managed policy.
scenario("wildcards_and_managed", exec_managed=[MANAGED],
         exec_policies=[doc(allow("logs:CreateLogGroup", f"arn:aws:logs:{REG}:{ACC}:log-group:/ecs/shop-web:*"),
                            allow("secretsmanager:GetSecret*", f"arn:aws:secretsmanager:{REG}:{ACC}:secret:shop/web/*"),
                            allow("secretsmanager:GetSecretValue", f"arn:aws:secretsmanager:{REG}:{ACC}:secret:dockerhub-??????"),
                            allow("ssm:GetParameter*", f"arn:aws:ssm:{REG}:{ACC}:parameter/shop/web/*"),
                            allow("s3:Get*", ["arn:aws:s3:::shop-config", "arn:aws:s3:::shop-config/web/*"]))],
         task_policies=[doc(allow("elasticfilesystem:Client*", FS), allow("ssmmessages:*", "*"))])
# Granted, then denied explicitly: a guard policy removes the secrets and the EFS write.
scenario("denied_explicitly", exec_policies=[doc(*EXACT), doc(deny("secretsmanager:*", f"arn:aws:secretsmanager:{REG}:{ACC}:secret:shop/*", "NoShopSecrets"))],
         task_policies=[doc(*TASK_EXACT), doc(deny("elasticfilesystem:ClientWrite", "*", "ReadOnlyEfs"))])
# No execution role, and a database URL with its password in the environment (from a sensitive variable).
leaky = json.loads(json.dumps(CONTAINERS))
leaky[0]["environment"].append({"name": "DATABASE_URL", "value": "postgres://shop:pr0d-Pa55w0rd@db.internal:5432/shop"})
scenario("no_execution_role", execution=False, containers=leaky, sensitive_containers=True, task_policies=[doc(*TASK_EXACT)],
         extra_variables={"db_url": {"value": "postgres://shop:pr0d-Pa55w0rd@db.internal:5432/shop"}})
# The database secret is encrypted with a customer-managed KMS key the input names: the execution role must
# also be allowed kms:Decrypt on that key, and here it is not.
KEY = f"arn:aws:kms:{REG}:{ACC}:key/1234abcd-12ab-34cd-56ef-1234567890ab"
scenario("kms", exec_policies=[doc(*EXACT)], task_policies=[doc(*TASK_EXACT)], extra_resources=[
    ("aws_secretsmanager_secret.db", "aws_secretsmanager_secret", "db",
     {"description": None, "force_overwrite_replica_secret": False, "kms_key_id": KEY, "name": "shop/web/db",
      "recovery_window_in_days": 30, "tags": None},
     {"arn": True, "id": True, "name_prefix": True, "policy": True, "replica": True, "tags_all": True}, {"replica": [], "tags_all": {}},
     {"kms_key_id": {"constant_value": KEY}, "name": {"constant_value": "shop/web/db"}})])
