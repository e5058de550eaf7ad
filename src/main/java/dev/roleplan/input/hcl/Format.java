package dev.roleplan.input.hcl;

import java.math.BigDecimal;
import java.util.List;

/** Terraform's {@code format}: the verbs configurations use ({@code %s %d %v %q %f %t %%}), with widths. */
final class Format {

    private Format() {
    }

    static Object format(String spec, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int next = 0;
        List<Object> unknowns = new java.util.ArrayList<>();
        boolean textual = true;
        for (int i = 0; i < spec.length(); i++) {
            char c = spec.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            int j = i + 1;
            StringBuilder flags = new StringBuilder();
            while (j < spec.length() && "-+# 0.123456789".indexOf(spec.charAt(j)) >= 0) {
                flags.append(spec.charAt(j));
                j++;
            }
            if (j >= spec.length()) {
                throw new FunctionException("format: the specification ends inside a verb");
            }
            char verb = spec.charAt(j);
            i = j;
            if (verb == '%') {
                out.append('%');
                continue;
            }
            if (next >= args.size()) {
                throw new FunctionException("format: not enough arguments for the verbs");
            }
            Object arg = args.get(next++);
            if (arg instanceof Unknown u) {
                unknowns.add(u);
                textual &= u.text() != null && (verb == 's' || verb == 'v');
                out.append(u.text() == null ? "" : u.text());
                continue;
            }
            String text = switch (verb) {
                case 's', 'v' -> {
                    String s = Values.toStringValue(arg);
                    if (s == null) {
                        s = (String) Json.encode(arg);
                    }
                    yield s;
                }
                case 'q' -> (String) Json.encode(Values.toStringValue(arg));
                case 'd' -> Values.toNumber(arg).toBigIntegerExact().toString();
                case 'f' -> {
                    BigDecimal n = Values.toNumber(arg);
                    int dot = flags.indexOf(".");
                    int precision = dot >= 0 ? Integer.parseInt("0" + flags.substring(dot + 1)) : 6;
                    yield n.setScale(precision, java.math.RoundingMode.HALF_EVEN).toPlainString();
                }
                case 't' -> String.valueOf(Values.toBool(arg));
                default -> throw new FunctionException("format: verb %" + verb + " is not supported");
            };
            out.append(pad(text, flags.toString()));
        }
        if (next < args.size()) {
            throw new FunctionException("format: too many arguments");
        }
        if (unknowns.isEmpty()) {
            return out.toString();
        }
        Unknown merged = Unknown.merge("known after apply", unknowns);
        return new Unknown(merged.reason(), merged.references(), textual ? out.toString() : null);
    }

    private static String pad(String text, String flags) {
        String widthText = flags.replaceAll("\\..*$", "").replaceAll("[-+# ]", "");
        boolean zero = widthText.startsWith("0");
        int width = widthText.isEmpty() ? 0 : Integer.parseInt(widthText);
        if (text.length() >= width) {
            return text;
        }
        String padding = String.valueOf(zero ? '0' : ' ').repeat(width - text.length());
        return flags.contains("-") ? text + padding : padding + text;
    }
}
