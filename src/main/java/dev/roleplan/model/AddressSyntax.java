package dev.roleplan.model;

/** Splits Terraform address text while respecting quoted instance keys, which may contain dots and brackets. */
final class AddressSyntax {

    private AddressSyntax() {
    }

    static String modulePath(String address) {
        int end = 0;
        int i = 0;
        while (address.startsWith("module.", i)) {
            int afterName = skipName(address, i + "module.".length());
            afterName = skipKeys(address, afterName);
            end = afterName;
            if (afterName < address.length() && address.charAt(afterName) == '.') {
                i = afterName + 1;
            } else {
                break;
            }
        }
        return address.substring(0, end);
    }

    /** Index of the '[' that starts the trailing instance key of a local address, or -1. */
    static int trailingKeyStart(String local) {
        if (!local.endsWith("]")) {
            return -1;
        }
        int i = 0;
        int lastOpen = -1;
        boolean inString = false;
        while (i < local.length()) {
            char c = local.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[') {
                lastOpen = i;
            }
            i++;
        }
        return lastOpen;
    }

    private static int skipName(String s, int i) {
        while (i < s.length() && s.charAt(i) != '.' && s.charAt(i) != '[') {
            i++;
        }
        return i;
    }

    private static int skipKeys(String s, int i) {
        while (i < s.length() && s.charAt(i) == '[') {
            i++;
            boolean inString = false;
            while (i < s.length()) {
                char c = s.charAt(i);
                if (inString) {
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        inString = false;
                    }
                } else if (c == '"') {
                    inString = true;
                } else if (c == ']') {
                    break;
                }
                i++;
            }
            i++;
        }
        return Math.min(i, s.length());
    }
}
