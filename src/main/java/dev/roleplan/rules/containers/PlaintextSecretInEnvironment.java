package dev.roleplan.rules.containers;

import dev.roleplan.engine.Reporter;
import dev.roleplan.engine.Rule;
import dev.roleplan.engine.RuleContext;
import dev.roleplan.engine.RuleInfo;
import dev.roleplan.engine.Severity;
import dev.roleplan.model.ContainerDefinition;
import dev.roleplan.model.ContainerDefinition.EnvironmentVariable;
import dev.roleplan.model.TaskDefinition;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

@RuleInfo(id = "RP601", severity = Severity.HIGH,
        summary = "A container environment variable looks like a secret in plain text",
        description = "Container environment values are stored in the task definition in plain text: anyone who can "
                + "call ecs:DescribeTaskDefinition, read the Terraform state or the plan reads them. Keep secrets in "
                + "Secrets Manager or SSM Parameter Store and reference them from secrets[] with valueFrom, so that "
                + "only the execution role can read them. The finding names the variable, never its value.")
public final class PlaintextSecretInEnvironment implements Rule {

    /** Name parts that say the value is a credential, matched as whole words of the name. */
    private static final List<String> SECRET_WORDS = List.of(
            "PASSWORD", "PASSWD", "PASSPHRASE", "SECRET", "TOKEN", "API_KEY", "APIKEY", "PRIVATE_KEY",
            "ACCESS_KEY", "SECRET_KEY", "CLIENT_SECRET", "CREDENTIAL", "CREDENTIALS", "AUTH_KEY", "SIGNING_KEY",
            "ENCRYPTION_KEY", "MASTER_KEY", "SESSION_KEY");

    /**
     * Name endings that say the value points at a secret rather than being one (an ARN, a file, a URL,
     * a setting about the secret).
     */
    private static final List<String> REFERENCE_SUFFIXES = List.of(
            "_ARN", "_ID", "_NAME", "_FILE", "_PATH", "_URL", "_URI", "_ENDPOINT", "_HEADER", "_TTL", "_EXPIRY",
            "_EXPIRES", "_LENGTH", "_TYPE", "_ENABLED", "_REGION", "_VERSION", "_PARAMETER", "_KEY_ID");

    private record Shape(String what, Pattern pattern) {
    }

    /** Values that are credentials whatever the variable is called. */
    private static final List<Shape> SECRET_VALUES = List.of(
            new Shape("an AWS access key id", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b")),
            new Shape("a private key", Pattern.compile("-----BEGIN [A-Z ]*PRIVATE KEY-----")),
            new Shape("a GitHub token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})")),
            new Shape("a GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}")),
            new Shape("a Slack token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}")),
            new Shape("a Stripe secret key", Pattern.compile("\\b[sr]k_live_[A-Za-z0-9]{16,}")),
            new Shape("a URL with a password", Pattern.compile("^[a-zA-Z][a-zA-Z0-9+.-]*://[^/:@\\s]+:[^/@\\s]+@")));

    @Override
    public void check(RuleContext context, Reporter reporter) {
        for (TaskDefinition td : context.model().taskDefinitions()) {
            for (ContainerDefinition c : td.knownContainers()) {
                for (EnvironmentVariable v : c.environment()) {
                    String why = reason(v);
                    if (why == null) {
                        continue;
                    }
                    reporter.at(td).key(c.name() + "/" + v.name()).message("Container \"" + c.name() + "\" of "
                            + td.address() + " sets environment variable " + v.name() + " in plain text, and " + why
                            + ". Anyone who can describe the task definition or read the state reads it: store it in "
                            + "Secrets Manager or SSM Parameter Store and reference it from secrets[] with valueFrom.");
                }
            }
        }
    }

    /** Why the variable looks like a secret (never quoting the value), or null when it does not. */
    static String reason(EnvironmentVariable v) {
        String value = v.value();
        if (value != null) {
            for (Shape s : SECRET_VALUES) {
                if (s.pattern().matcher(value).find()) {
                    return "its value looks like " + s.what();
                }
            }
            if (value.isBlank() || value.startsWith("arn:")) {
                return null; // empty, or an ARN pointing at the secret
            }
        }
        String name = v.name() == null ? "" : v.name().toUpperCase(Locale.ROOT).replace('-', '_');
        for (String suffix : REFERENCE_SUFFIXES) {
            if (name.endsWith(suffix)) {
                return null;
            }
        }
        String padded = "_" + name + "_";
        for (String word : SECRET_WORDS) {
            if (padded.contains("_" + word + "_") || word.length() >= 6 && name.contains(word)) {
                return "its name contains " + word;
            }
        }
        return null;
    }
}
