package dev.roleplan.input.hcl;

import dev.roleplan.input.InputException;
import dev.roleplan.input.hcl.syntax.Expression;
import dev.roleplan.input.hcl.syntax.HclParser;
import dev.roleplan.input.hcl.syntax.HclSyntaxException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Terraform functions ECS and IAM configurations use. A function not listed here yields an unknown
 * value and is named in a notice: roleplan never guesses what a function returns.
 */
final class Functions {

    private static final Set<String> UNKNOWN_TOLERANT = Set.of("try", "can", "length", "tolist", "toset", "tomap",
            "concat", "merge", "flatten", "jsonencode", "coalesce", "compact", "distinct", "lookup", "element", "one",
            "contains", "keys", "values", "zipmap", "sort", "sensitive", "nonsensitive");

    private Functions() {
    }

    static Object call(Expression.FunctionCall call, Scope scope) {
        String name = call.name();
        if (name.equals("try")) {
            return tryFunction(call, scope);
        }
        if (name.equals("can")) {
            Object value = Values.deep(Evaluator.eval(call.args().get(0), scope));
            if (value instanceof Unknown u && u.error()) {
                return false;
            }
            return value instanceof Unknown u ? u : (Object) true;
        }
        List<Object> args = new ArrayList<>();
        for (Expression arg : call.args()) {
            args.add(Values.deep(Evaluator.eval(arg, scope)));
        }
        if (call.expandFinal() && !args.isEmpty()) {
            Object last = args.remove(args.size() - 1);
            if (last instanceof Unknown u) {
                return new Unknown(u.reason(), u.references(), null);
            }
            if (!(last instanceof List<?> list)) {
                return Unknown.of("the argument expanded with ... at " + call.range() + " is not a list");
            }
            args.addAll(list);
        }
        if (!UNKNOWN_TOLERANT.contains(name)) {
            for (Object arg : args) {
                if (arg instanceof Unknown u) {
                    return new Unknown(u.reason(), u.references(), null, u.error());
                }
            }
            if (Unknown.containsUnknown(args) && !name.equals("format") && !name.equals("join")) {
                return Unknown.merge("known after apply", args);
            }
        }
        try {
            Object result = apply(name, args, call, scope);
            scope.files().session().derived(args, result);
            return result;
        } catch (InputException e) {
            throw e; // a file over the input limit stops the read, as a configuration file over it does
        } catch (RuntimeException e) {
            Object unknown = unwrapUnknown(e);
            if (unknown != null) {
                return unknown;
            }
            return Unknown.of(name + "() at " + call.range() + ": " + why(e));
        }
    }

    /** What went wrong, in words that carry no input (the reason of an unknown value reaches reports). */
    private static String why(RuntimeException e) {
        return e instanceof FunctionException ? e.getMessage() : e.getClass().getSimpleName();
    }

    private static Object tryFunction(Expression.FunctionCall call, Scope scope) {
        for (Expression arg : call.args()) {
            Object value = Values.deep(Evaluator.eval(arg, scope));
            if (value instanceof Unknown u && u.error()) {
                continue;
            }
            return value;
        }
        return Unknown.of("no argument of try() at " + call.range() + " could be evaluated");
    }

    private static Object apply(String name, List<Object> a, Expression.FunctionCall call, Scope scope) {
        return switch (name) {
            case "jsonencode" -> jsonencode(a.get(0), scope);
            case "jsondecode" -> jsondecode(str(a, 0));
            case "file" -> file(str(a, 0), call, scope);
            case "templatefile" -> templatefile(str(a, 0), a.get(1), call, scope);
            case "merge" -> merge(a);
            case "concat" -> concat(a);
            case "flatten" -> flatten(a.get(0));
            case "lookup" -> lookup(a);
            case "coalesce" -> coalesce(a);
            case "format" -> Format.format(str(a, 0), a.subList(1, a.size()));
            case "join" -> join(str(a, 0), a.subList(1, a.size()));
            case "split" -> split(str(a, 0), str(a, 1));
            case "replace" -> replace(str(a, 0), str(a, 1), str(a, 2));
            case "lower" -> str(a, 0).toLowerCase(java.util.Locale.ROOT);
            case "upper" -> str(a, 0).toUpperCase(java.util.Locale.ROOT);
            case "trimspace" -> str(a, 0).strip();
            case "tolist" -> tolist(a.get(0));
            case "toset" -> toset(a.get(0));
            case "tomap" -> tomap(a.get(0));
            case "tostring" -> Values.toStringValue(a.get(0));
            case "tonumber" -> Values.toNumber(a.get(0));
            case "tobool" -> Values.toBool(a.get(0));
            case "length" -> length(a.get(0));
            case "element" -> element(a.get(0), a.get(1));
            case "keys" -> keys(a.get(0));
            case "values" -> valuesOf(a.get(0));
            case "zipmap" -> zipmap(a.get(0), a.get(1));
            case "distinct" -> distinct(a.get(0));
            case "compact" -> compact(a.get(0));
            case "contains" -> contains(a.get(0), a.get(1));
            case "one" -> one(a.get(0));
            case "sort" -> sort(a.get(0));
            case "startswith" -> str(a, 0).startsWith(str(a, 1));
            case "endswith" -> str(a, 0).endsWith(str(a, 1));
            case "substr" -> substr(str(a, 0), num(a, 1), num(a, 2));
            case "sensitive" -> {
                scope.files().session().sensitive(a.get(0));
                yield a.get(0);
            }
            case "nonsensitive" -> a.get(0);
            case "min", "max" -> minMax(name, a);
            case "slice" -> new ArrayList<Object>(list(a.get(0)).subList(num(a, 1), num(a, 2)));
            case "reverse" -> reverse(a.get(0));
            case "range" -> range(a);
            case "trimprefix" -> str(a, 0).startsWith(str(a, 1)) ? str(a, 0).substring(str(a, 1).length()) : str(a, 0);
            case "trimsuffix" -> str(a, 0).endsWith(str(a, 1))
                    ? str(a, 0).substring(0, str(a, 0).length() - str(a, 1).length()) : str(a, 0);
            case "chomp" -> str(a, 0).replaceAll("(\\r?\\n)+$", "");
            case "basename" -> basename(str(a, 0));
            case "alltrue" -> list(a.get(0)).stream().allMatch(Boolean.TRUE::equals);
            case "anytrue" -> list(a.get(0)).stream().anyMatch(Boolean.TRUE::equals);
            default -> {
                scope.files().session().unsupportedFunction(name);
                yield Unknown.plain(name + "() is not evaluated by roleplan", List.of());
            }
        };
    }

    // ---- argument readers ------------------------------------------------------------------------

    private static String str(List<Object> args, int i) {
        String s = Values.toStringValue(args.get(i));
        if (s == null) {
            throw new FunctionException("argument " + (i + 1) + " must be a string, found " + Values.typeName(args.get(i)));
        }
        return s;
    }

    private static int num(List<Object> args, int i) {
        BigDecimal n = Values.toNumber(args.get(i));
        if (n == null) {
            throw new FunctionException("argument " + (i + 1) + " must be a number");
        }
        return n.intValueExact();
    }

    private static List<?> list(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        if (value instanceof Unknown u) {
            throw new UnknownArgument(u);
        }
        throw new FunctionException("expected a list, found " + Values.typeName(value));
    }

    private static Map<?, ?> map(Object value) {
        if (value instanceof Map<?, ?> map) {
            return map;
        }
        if (value instanceof Unknown u) {
            throw new UnknownArgument(u);
        }
        throw new FunctionException("expected a map or object, found " + Values.typeName(value));
    }

    /** Thrown inside a function when a collection argument is unknown; turned back into that unknown. */
    private static final class UnknownArgument extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Unknown unknown;

        UnknownArgument(Unknown unknown) {
            super("unknown", null, false, false);
            this.unknown = unknown;
        }
    }

    static Object unwrapUnknown(RuntimeException e) {
        return e instanceof UnknownArgument u ? new Unknown(u.unknown.reason(), u.unknown.references(), null) : null;
    }

    // ---- functions -------------------------------------------------------------------------------

    /** jsonencode; a policy document's statement positions are remembered for its text. */
    private static Object jsonencode(Object value, Scope scope) {
        List<dev.roleplan.model.SourceLocation> statements = new ArrayList<>();
        Object json = Json.encode(value, true, statements);
        String text = json instanceof String s ? s : json instanceof Unknown u ? u.text() : null;
        if (text != null && !statements.isEmpty()) {
            scope.files().session().statements(text, statements);
        }
        return json;
    }

    private static Object jsondecode(String text) {
        java.util.Optional<Json.Decoded> decoded = Json.decode(text);
        // not Optional.map: the value of the JSON text null is null, and map would make it "not JSON"
        return decoded.isPresent() ? decoded.get().value() : Unknown.of("jsondecode: the text is not valid JSON");
    }

    private static Object file(String path, Expression.FunctionCall call, Scope scope) {
        String text = scope.files().read(path, call);
        return text == null ? Unknown.plain("file(\"" + path + "\") cannot be read", List.of()) : text;
    }

    private static Object templatefile(String path, Object vars, Expression.FunctionCall call, Scope scope) {
        String text = scope.files().read(path, call);
        if (text == null) {
            return Unknown.plain("templatefile(\"" + path + "\") cannot be read", List.of());
        }
        if (vars instanceof Unknown u) {
            return new Unknown(u.reason(), u.references(), null);
        }
        Expression template;
        try {
            template = HclParser.parseTemplate(path, text);
        } catch (HclSyntaxException e) {
            scope.files().session().notice("templatefile: " + e.getMessage());
            return Unknown.plain("the template " + path + " has a syntax error", List.of());
        }
        Map<String, Object> names = new LinkedHashMap<>();
        map(vars).forEach((k, v) -> names.put(String.valueOf(k), v));
        return Evaluator.eval(template, Scope.only(names, scope.files()));
    }

    private static Object merge(List<Object> args) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<Object> unknown = new ArrayList<>();
        for (Object arg : args) {
            if (arg == null) {
                continue;
            }
            if (arg instanceof Unknown) {
                unknown.add(arg);
                continue;
            }
            map(arg).forEach((k, v) -> out.put(String.valueOf(k), v));
        }
        return unknown.isEmpty() ? out : Unknown.merge("known after apply", unknown);
    }

    private static Object concat(List<Object> args) {
        List<Object> out = new ArrayList<>();
        for (Object arg : args) {
            out.addAll(list(arg));
        }
        return out;
    }

    private static Object flatten(Object value) {
        List<Object> out = new ArrayList<>();
        for (Object element : list(value)) {
            if (element instanceof List<?>) {
                Object inner = flatten(element);
                out.addAll((List<?>) inner);
            } else if (element instanceof Unknown u) {
                return new Unknown(u.reason(), u.references(), null);
            } else {
                out.add(element);
            }
        }
        return out;
    }

    private static Object lookup(List<Object> args) {
        Map<?, ?> map = map(args.get(0));
        String key = str(args, 1);
        if (map.containsKey(key)) {
            return map.get(key);
        }
        if (args.size() > 2) {
            return args.get(2);
        }
        return Unknown.of("lookup: no key \"" + key + "\" and no default");
    }

    private static Object coalesce(List<Object> args) {
        for (Object arg : args) {
            if (arg instanceof Unknown u) {
                return new Unknown(u.reason(), u.references(), null);
            }
            if (arg != null && !"".equals(arg)) {
                return arg;
            }
        }
        return Unknown.of("coalesce: no non-null, non-empty argument");
    }

    private static Object join(String separator, List<Object> lists) {
        StringBuilder out = new StringBuilder();
        List<Object> unknowns = new ArrayList<>();
        boolean textual = true;
        boolean first = true;
        for (Object listValue : lists) {
            for (Object element : list(listValue)) {
                if (!first) {
                    out.append(separator);
                }
                first = false;
                if (element instanceof Unknown u) {
                    unknowns.add(u);
                    textual &= u.text() != null;
                    out.append(u.text() == null ? "" : u.text());
                } else {
                    String s = Values.toStringValue(element);
                    if (s == null) {
                        throw new FunctionException("join: elements must be strings");
                    }
                    out.append(s);
                }
            }
        }
        if (unknowns.isEmpty()) {
            return out.toString();
        }
        Unknown merged = Unknown.merge("known after apply", unknowns);
        return new Unknown(merged.reason(), merged.references(), textual ? out.toString() : null);
    }

    private static Object split(String separator, String text) {
        List<Object> out = new ArrayList<>();
        if (text.isEmpty()) {
            out.add("");
            return out;
        }
        int from = 0;
        if (separator.isEmpty()) {
            text.codePoints().forEach(cp -> out.add(new String(Character.toChars(cp))));
            return out;
        }
        int at;
        while ((at = text.indexOf(separator, from)) >= 0) {
            out.add(text.substring(from, at));
            from = at + separator.length();
        }
        out.add(text.substring(from));
        return out;
    }

    private static Object replace(String text, String search, String replacement) {
        if (search.length() > 1 && search.startsWith("/") && search.endsWith("/")) {
            String regex = search.substring(1, search.length() - 1);
            return text.replaceAll(regex, replacement.replaceAll("\\$\\{?(\\w+)\\}?", "\\$$1"));
        }
        return text.replace(search, replacement);
    }

    private static Object tolist(Object value) {
        if (value instanceof List<?>) {
            return value;
        }
        if (value instanceof Unknown u) {
            return u;
        }
        throw new FunctionException("cannot convert a " + Values.typeName(value) + " to a list");
    }

    private static Object toset(Object value) {
        if (value instanceof Unknown u) {
            return u;
        }
        List<?> list = list(value);
        for (Object element : list) {
            if (element instanceof Unknown u) {
                return new Unknown(u.reason(), u.references(), null);
            }
        }
        // Terraform orders a set of strings lexically.
        boolean allStrings = list.stream().allMatch(e -> e instanceof String);
        if (allStrings) {
            Set<String> sorted = new TreeSet<>();
            list.forEach(e -> sorted.add((String) e));
            return new ArrayList<Object>(sorted);
        }
        List<Object> out = new ArrayList<>();
        for (Object element : list) {
            if (out.stream().noneMatch(e -> Values.equal(e, element))) {
                out.add(element);
            }
        }
        return out;
    }

    private static Object tomap(Object value) {
        if (value instanceof Unknown u) {
            return u;
        }
        Map<String, Object> out = new TreeMap<>();
        map(value).forEach((k, v) -> out.put(String.valueOf(k), v));
        return new LinkedHashMap<>(out);
    }

    private static Object length(Object value) {
        if (value instanceof Unknown u) {
            return new Unknown(u.reason(), u.references(), null);
        }
        if (value instanceof String s) {
            return BigDecimal.valueOf(s.codePointCount(0, s.length()));
        }
        if (value instanceof Map<?, ?> m) {
            return BigDecimal.valueOf(m.size());
        }
        return BigDecimal.valueOf(list(value).size());
    }

    private static Object element(Object listValue, Object index) {
        List<?> list = list(listValue);
        if (index instanceof Unknown u) {
            return Unknown.merge(u.reason(), java.util.Arrays.asList(u, list));
        }
        if (list.isEmpty()) {
            throw new FunctionException("element of an empty list");
        }
        int i = Values.toNumber(index).intValueExact();
        return list.get(Math.floorMod(i, list.size()));
    }

    private static Object keys(Object value) {
        return new ArrayList<Object>(new TreeSet<>(stringKeys(map(value))));
    }

    private static Set<String> stringKeys(Map<?, ?> map) {
        Set<String> keys = new TreeSet<>();
        map.keySet().forEach(k -> keys.add(String.valueOf(k)));
        return keys;
    }

    private static Object valuesOf(Object value) {
        Map<?, ?> map = map(value);
        List<Object> out = new ArrayList<>();
        for (String key : stringKeys(map)) {
            out.add(map.get(key));
        }
        return out;
    }

    private static Object zipmap(Object keys, Object values) {
        List<?> k = list(keys);
        List<?> v = list(values);
        if (k.size() != v.size()) {
            throw new FunctionException("zipmap: " + k.size() + " keys but " + v.size() + " values");
        }
        Map<String, Object> out = new TreeMap<>();
        for (int i = 0; i < k.size(); i++) {
            if (k.get(i) instanceof Unknown u) {
                return new Unknown(u.reason(), u.references(), null);
            }
            out.put(Values.toStringValue(k.get(i)), v.get(i));
        }
        return new LinkedHashMap<>(out);
    }

    private static Object distinct(Object value) {
        List<Object> out = new ArrayList<>();
        for (Object element : list(value)) {
            if (element instanceof Unknown u) {
                return new Unknown(u.reason(), u.references(), null);
            }
            if (out.stream().noneMatch(e -> Values.equal(e, element))) {
                out.add(element);
            }
        }
        return out;
    }

    private static Object compact(Object value) {
        List<Object> out = new ArrayList<>();
        for (Object element : list(value)) {
            if (element instanceof Unknown u) {
                return new Unknown(u.reason(), u.references(), null);
            }
            if (element != null && !"".equals(element)) {
                out.add(element);
            }
        }
        return out;
    }

    private static Object contains(Object collection, Object value) {
        if (value instanceof Unknown u) {
            return new Unknown(u.reason(), u.references(), null);
        }
        List<Object> unknowns = new ArrayList<>();
        for (Object element : list(collection)) {
            if (element instanceof Unknown u) {
                unknowns.add(u);
            } else if (Values.equal(element, value)) {
                return true;
            }
        }
        return unknowns.isEmpty() ? (Object) false : Unknown.merge("known after apply", unknowns);
    }

    private static Object one(Object value) {
        if (value == null) {
            return null;
        }
        List<?> list = list(value);
        if (list.size() > 1) {
            throw new FunctionException("one: the list has " + list.size() + " elements");
        }
        return list.isEmpty() ? null : list.get(0);
    }

    private static Object sort(Object value) {
        List<String> out = new ArrayList<>();
        for (Object element : list(value)) {
            if (element instanceof Unknown u) {
                return new Unknown(u.reason(), u.references(), null);
            }
            String s = Values.toStringValue(element);
            if (s == null) {
                throw new FunctionException("sort: elements must be strings");
            }
            out.add(s);
        }
        out.sort(null);
        return new ArrayList<Object>(out);
    }

    private static Object minMax(String name, List<Object> args) {
        BigDecimal out = null;
        for (int i = 0; i < args.size(); i++) {
            BigDecimal n = Values.toNumber(args.get(i));
            if (n == null) {
                throw new FunctionException("argument " + (i + 1) + " must be a number");
            }
            out = out == null ? n : name.equals("min") ? out.min(n) : out.max(n);
        }
        if (out == null) {
            throw new FunctionException("needs at least one number");
        }
        return out;
    }

    private static Object reverse(Object value) {
        List<Object> out = new ArrayList<>(list(value));
        java.util.Collections.reverse(out);
        return out;
    }

    private static Object range(List<Object> args) {
        int start = args.size() > 1 ? num(args, 0) : 0;
        int limit = args.size() > 1 ? num(args, 1) : num(args, 0);
        int step = args.size() > 2 ? num(args, 2) : (limit >= start ? 1 : -1);
        if (step == 0 || Math.abs((long) limit - start) / Math.abs(step) > 1024) {
            throw new FunctionException("range is too long or has a zero step");
        }
        List<Object> out = new ArrayList<>();
        for (int i = start; step > 0 ? i < limit : i > limit; i += step) {
            out.add(BigDecimal.valueOf(i));
        }
        return out;
    }

    private static Object basename(String path) {
        String trimmed = path.replaceAll("/+$", "");
        int slash = trimmed.lastIndexOf('/');
        return slash < 0 ? trimmed : trimmed.substring(slash + 1);
    }

    private static Object substr(String text, int offset, int length) {
        int[] cps = text.codePoints().toArray();
        int start = offset < 0 ? Math.max(0, cps.length + offset) : Math.min(offset, cps.length);
        int end = length < 0 ? cps.length : Math.min(cps.length, start + length);
        return new String(cps, start, Math.max(0, end - start));
    }
}
