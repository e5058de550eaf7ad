package dev.roleplan.input.plan;

import java.util.ArrayList;
import java.util.List;

/** Splits reference text such as {@code module.m["a.b"].out} or {@code aws_iam_role.x[0].arn} into parts. */
final class Traversal {

    /** One step: a name with an optional instance key as written ({@code 0} or {@code "a.b"}). */
    record Part(String name, String key) {
        String text() {
            return key == null ? name : name + "[" + key + "]";
        }
    }

    private Traversal() {
    }

    static List<Part> parse(String text) {
        List<Part> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int start = i;
            while (i < text.length() && text.charAt(i) != '.' && text.charAt(i) != '[') {
                i++;
            }
            String name = text.substring(start, i);
            String key = null;
            if (i < text.length() && text.charAt(i) == '[') {
                int end = ModulePaths.keyEnd(text, i);
                if (end < 0) {
                    return parts;
                }
                key = text.substring(i + 1, end - 1);
                i = end;
                // Further index steps (a list element of an attribute) are not part of the address.
                while (i < text.length() && text.charAt(i) == '[') {
                    int next = ModulePaths.keyEnd(text, i);
                    if (next < 0) {
                        break;
                    }
                    i = next;
                }
            }
            parts.add(new Part(name, key));
            if (i < text.length() && text.charAt(i) == '.') {
                i++;
            }
        }
        return parts;
    }
}
