package dev.roleplan.model;

/** What a plan does to a resource. NONE: the resource is only in state or configuration, not in the changes. */
public enum ChangeAction {
    CREATE, READ, UPDATE, REPLACE, DELETE, FORGET, NOOP, NONE;

    /** Maps a plan's action list (Terraform or OpenTofu order) to one action. */
    public static ChangeAction fromActions(java.util.List<String> actions) {
        if (actions.isEmpty()) {
            return NONE;
        }
        if (actions.size() == 2) {
            boolean forget = actions.contains("forget");
            return forget ? FORGET : REPLACE;
        }
        return switch (actions.get(0)) {
            case "create" -> CREATE;
            case "read" -> READ;
            case "update" -> UPDATE;
            case "delete" -> DELETE;
            case "forget" -> FORGET;
            case "no-op" -> NOOP;
            default -> NONE;
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace("noop", "no-op");
    }
}
