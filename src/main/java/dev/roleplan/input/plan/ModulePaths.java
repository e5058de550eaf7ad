package dev.roleplan.input.plan;

import java.util.ArrayList;
import java.util.List;

/** Module instance paths ({@code module.a["x"].module.b[0]}) as segments, respecting quoted keys. */
final class ModulePaths {

    private ModulePaths() {
    }

    /** Each {@code module.NAME[KEY]} step; the part name is the call name. */
    static List<Traversal.Part> segments(String modulePath) {
        List<Traversal.Part> segments = new ArrayList<>();
        if (modulePath == null || modulePath.isEmpty()) {
            return segments;
        }
        List<Traversal.Part> parts = Traversal.parse(modulePath);
        for (int i = 0; i + 1 < parts.size(); i += 2) {
            if (!parts.get(i).name().equals("module")) {
                break;
            }
            segments.add(parts.get(i + 1));
        }
        return segments;
    }

    static String join(List<Traversal.Part> segments) {
        StringBuilder text = new StringBuilder();
        for (Traversal.Part segment : segments) {
            if (text.length() > 0) {
                text.append('.');
            }
            text.append("module.").append(segment.text());
        }
        return text.toString();
    }

    /** Index just after the ']' closing the key that opens at {@code open}, or -1 when unterminated. */
    static int keyEnd(String text, int open) {
        boolean inString = false;
        for (int i = open + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == ']') {
                return i + 1;
            }
        }
        return -1;
    }
}
