package dev.roleplan.engine;

import java.util.Locale;

/** A rule's metadata as reports use it, derived from its {@link RuleInfo} and class name. */
public record RuleMeta(String id, String name, Severity severity, String summary, String description) {

    public static final String DOCS_BASE = "https://github.com/roleplan/roleplan/blob/main/docs/rules/";

    public static RuleMeta of(Class<?> ruleClass) {
        RuleInfo info = ruleClass.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(ruleClass.getName() + " has no @RuleInfo");
        }
        return new RuleMeta(info.id(), kebab(ruleClass.getSimpleName()), info.severity(), info.summary(), info.description());
    }

    public String docUrl() {
        return DOCS_BASE + id + ".md";
    }

    static String kebab(String camel) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c)) {
                if (i > 0) {
                    out.append('-');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }
}
