package dev.roleplan.iam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.roleplan.model.PolicyDocument;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates random identity-policy evaluation cases from a seed, answers each with {@link PolicyEvaluator},
 * and writes them as JSON lines for {@code tools/iam-simulate-diff/compare.mjs}, which asks
 * {@code @cloud-copilot/iam-simulate} the same question and compares.
 *
 * <p>Cases use real actions of a fixed set of services and ARNs built from the catalog's ARN formats, so
 * every request is valid for its action. Policies mix Allow and Deny, Action and NotAction, Resource and
 * NotResource, with {@code *} and {@code ?} in actions and in the resource part of ARNs, and a quarter
 * of the cases have a permissions boundary. Two things are
 * left out of the exact cases on purpose: Conditions (roleplan reports them as conditional instead of
 * evaluating them; see below) and
 * wildcards in an ARN's "product" prefix (the part before the first {@code /} or {@code :} of the resource,
 * where the AWS documentation calls wildcards incorrect usage and iam-simulate matches literally).
 *
 * <p>Conditions are covered separately: in the conditional cases a statement may carry
 * {@code Bool aws:SecureTransport}, and compare.mjs runs iam-simulate with the key true and false. roleplan
 * must then be sound: ALLOWED only if allowed in both, denied only if allowed in neither, explicitly denied
 * only if explicitly denied in both; CONDITIONAL is checked by nothing but these.
 *
 * <p>Usage: {@code DifferentialCases <seed> <exact-count> <conditional-count> <output.jsonl>}
 */
public final class DifferentialCases {
    static final String ACCOUNT = "111122223333";
    private static final String OTHER_ACCOUNT = "444455556666";
    private static final String[] SERVICES = {
        "s3", "ecr", "logs", "sqs", "sns", "dynamodb", "secretsmanager", "ssm", "kms", "iam", "lambda", "ecs",
        "sts", "events", "cloudwatch", "ec2",
    };
    private static final String[] REGIONS = {"us-east-1", "eu-west-1"};
    private static final String[] TOKENS = {"app", "data", "prod", "web1", "App"};

    private final ActionCatalog catalog = ActionCatalog.get();
    private final ObjectMapper json = new ObjectMapper();
    private final Random random;
    private final List<ActionInfo> pool = new ArrayList<>();
    private boolean withConditions;

    DifferentialCases(long seed) {
        this.random = new Random(seed);
        if ("all".equals(System.getProperty("diff.services"))) {
            // every service: a wider but noisier sweep (-Ddiff.services=all), not the CI default
            pool.addAll(catalog.allActions());
        } else {
            for (String service : SERVICES) {
                pool.addAll(catalog.service(service).orElseThrow().actions());
            }
        }
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 4) {
            System.err.println("usage: DifferentialCases <seed> <exact-count> <conditional-count> <output.jsonl>");
            System.exit(2);
        }
        long seed = Long.parseLong(args[0]);
        int exact = Integer.parseInt(args[1]);
        int conditional = Integer.parseInt(args[2]);
        try (Writer out = Files.newBufferedWriter(Path.of(args[3]), StandardCharsets.UTF_8)) {
            new DifferentialCases(seed).write(exact, conditional, out);
        }
    }

    void write(int count, Writer out) throws IOException {
        write(count, 0, out);
    }

    /**
     * {@code exact} cases without Conditions, compared decision for decision, then {@code conditional}
     * cases where statements may carry a Bool condition on aws:SecureTransport, checked for soundness
     * against both values of the key.
     */
    void write(int exact, int conditional, Writer out) throws IOException {
        BufferedWriter w = out instanceof BufferedWriter b ? b : new BufferedWriter(out);
        for (int i = 0; i < exact + conditional; i++) {
            withConditions = i >= exact;
            w.write(json.writeValueAsString(next(i)));
            w.write('\n');
        }
        w.flush();
    }

    /** One case: request, policies, roleplan's answer in iam-simulate's words, and a size for ranking. */
    ObjectNode next(int id) {
        ActionInfo action;
        String resource;
        do {
            action = pick(pool);
            resource = action.isWildcardOnly() ? "*" : arnFor(action);
        } while (!resource.equals("*") && typesMatching(action, resource) != 1);
        ArrayNode policies = json.createArrayNode();
        int policyCount = 1 + random.nextInt(3);
        int[] size = {0};
        List<PolicyDocument> docs = new ArrayList<>();
        for (int p = 0; p < policyCount; p++) {
            ObjectNode policy = policy(action, resource, 1 + random.nextInt(3), size);
            policies.add(policy);
            docs.add(parsed(policy));
        }
        ObjectNode boundary = null;
        if (random.nextInt(4) == 0) {
            boundary = policy(action, resource, 1 + random.nextInt(2), size);
        }
        Evaluation evaluation = PolicyEvaluator.evaluate(docs, boundary == null ? null : parsed(boundary),
                action.fullName(), resource);
        ObjectNode c = json.createObjectNode();
        c.put("id", id);
        c.put("action", action.fullName());
        c.put("resource", resource);
        c.put("size", size[0]);
        c.put("conditional", withConditions);
        c.set("policies", policies);
        c.set("boundary", boundary);
        c.put("roleplan", simulateWord(evaluation.decision()));
        return c;
    }

    private ObjectNode policy(ActionInfo action, String resource, int statementCount, int[] size) {
        ObjectNode policy = json.createObjectNode();
        policy.put("Version", "2012-10-17");
        ArrayNode statements = policy.putArray("Statement");
        for (int s = 0; s < statementCount; s++) {
            ObjectNode statement = statements.addObject();
            statement.put("Effect", random.nextInt(10) < 7 ? "Allow" : "Deny");
            ArrayNode actions = statement.putArray(random.nextInt(10) < 8 ? "Action" : "NotAction");
            int n = 1 + random.nextInt(3);
            for (int k = 0; k < n; k++) {
                actions.add(actionPattern(action));
            }
            ArrayNode resources = statement.putArray(random.nextInt(10) < 8 ? "Resource" : "NotResource");
            int m = 1 + random.nextInt(3);
            for (int k = 0; k < m; k++) {
                resources.add(resourcePattern(action, resource));
            }
            if (withConditions && random.nextInt(3) == 0) {
                statement.putObject("Condition").putObject("Bool")
                        .put("aws:SecureTransport", random.nextBoolean() ? "true" : "false");
                size[0]++;
            }
            size[0] += 1 + n + m;
        }
        return policy;
    }

    private static PolicyDocument parsed(ObjectNode policy) {
        PolicyDocument doc = PolicyParser.parse((JsonNode) policy);
        if (!doc.isWellFormed()) {
            throw new IllegalStateException("generated a malformed policy: " + doc.problems() + " " + policy);
        }
        return doc;
    }

    /** iam-simulate refuses requests whose ARN fits several of the action's resource types (function vs version). */
    private static long typesMatching(ActionInfo action, String arn) {
        return action.resourceTypes().stream().filter(rt -> rt.resourceType().matches(arn)).count();
    }

    static String simulateWord(Decision decision) {
        return switch (decision) {
            case ALLOWED -> "Allowed";
            case DENIED_EXPLICIT -> "ExplicitlyDenied";
            case DENIED_IMPLICIT -> "ImplicitlyDenied";
            case CONDITIONAL -> "Conditional";
        };
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private <T> T pick(T[] array) {
        return array[random.nextInt(array.length)];
    }

    /** A concrete ARN of one of the action's resource types, built from its ARN format. */
    String arnFor(ActionInfo action) {
        ResourceType type = pick(action.resourceTypes()).resourceType();
        String format = type.arnFormat().format();
        StringBuilder arn = new StringBuilder();
        int i = 0;
        while (i < format.length()) {
            if (format.startsWith("${", i) && format.indexOf('}', i) > 0) {
                int end = format.indexOf('}', i);
                String name = format.substring(i + 2, end);
                arn.append(switch (name) {
                    case "Partition" -> "aws";
                    case "Region" -> pick(REGIONS);
                    case "Account" -> ACCOUNT;
                    case "BucketName" -> pick(TOKENS).toLowerCase(Locale.ROOT);
                    default -> pick(TOKENS);
                });
                i = end + 1;
            } else if (format.charAt(i) == '*') {
                arn.append(pick(TOKENS));
                i++;
            } else {
                arn.append(format.charAt(i));
                i++;
            }
        }
        String result = arn.toString();
        if (!type.matches(result)) {
            throw new IllegalStateException("generated " + result + " does not match its own format " + format);
        }
        return result;
    }

    private String actionPattern(ActionInfo target) {
        String name = target.name();
        String service = target.service();
        return switch (random.nextInt(9)) {
            case 0 -> randomCase(target.fullName());
            case 1 -> service + ":*";
            case 2 -> service + ":" + name.substring(0, 1 + random.nextInt(name.length())) + "*";
            case 3 -> {
                int at = random.nextInt(name.length());
                yield service + ":" + name.substring(0, at) + "?" + name.substring(at + 1);
            }
            case 4 -> pick(pool).fullName();
            case 5 -> pick(SERVICES) + ":*";
            case 6 -> random.nextInt(4) == 0 ? "*" : target.fullName();
            case 7 -> service + ":*" + name.substring(random.nextInt(name.length()));
            default -> {
                ActionInfo other = pick(pool);
                yield other.service() + ":" + other.name().substring(0, 1 + random.nextInt(other.name().length())) + "*";
            }
        };
    }

    private String randomCase(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return b.toString();
    }

    private String resourcePattern(ActionInfo action, String resource) {
        String base = resource;
        if (resource.equals("*") || random.nextInt(5) == 0) {
            // an ARN of some other action (often another service), to produce near misses
            ActionInfo other = pick(pool);
            if (other.isWildcardOnly()) {
                return random.nextInt(3) == 0 ? "*" : "arn:aws:" + other.service() + ":*:*:*";
            }
            base = arnFor(other);
        }
        Arn arn = Arn.parse(base);
        int product = productLength(arn);
        String id = arn.resource();
        String head = "arn:" + arn.partition() + ":" + arn.service() + ":" + arn.region() + ":" + arn.account() + ":";
        return switch (random.nextInt(10)) {
            case 0 -> "*";
            case 1, 2 -> base;
            case 3 -> head + id.substring(0, product + random.nextInt(id.length() - product + 1)) + "*";
            case 4 -> {
                if (id.length() == product) {
                    yield base + "*";
                }
                int at = product + random.nextInt(id.length() - product);
                yield head + id.substring(0, at) + "?" + id.substring(at + 1);
            }
            case 5 -> "arn:aws:" + arn.service() + ":" + (arn.region().isEmpty() ? "" : "*") + ":"
                    + (arn.account().isEmpty() ? "" : random.nextBoolean() ? "*" : OTHER_ACCOUNT) + ":" + id;
            case 6 -> {
                if (id.length() == product) {
                    yield base;
                }
                int at = product + random.nextInt(id.length() - product);
                char c = id.charAt(at);
                char flipped = Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c);
                yield head + id.substring(0, at) + flipped + id.substring(at + 1);
            }
            case 7 -> base + "*";
            case 8 -> "arn:aws:" + arn.service() + ":*:*:*";
            default -> head + id.substring(0, product) + "*" + id.substring(product + random.nextInt(id.length() - product + 1));
        };
    }

    /**
     * Length of the resource's "product" prefix: up to and including the first {@code /} or {@code :}
     * (empty for S3 ARNs with no region and account). Wildcards are only generated after it.
     */
    static int productLength(Arn arn) {
        if (arn.service().equals("s3") && arn.region().isEmpty() && arn.account().isEmpty()) {
            return 0;
        }
        String id = arn.resource();
        int slash = id.indexOf('/');
        int colon = id.indexOf(':');
        if (slash < 0 && colon < 0) {
            return 0;
        }
        if (slash < 0 || colon < 0) {
            return Math.max(slash, colon) + 1;
        }
        return Math.min(slash, colon) + 1;
    }
}
