import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Writes a realistic synthetic Terraform plan in the JSON form of {@code terraform show -json}
 * (format_version 1.2, terraform 1.9.8, hashicorp/aws 5.x attribute sets).
 *
 * <p>Run with the Java 17 source launcher, no dependencies:
 * {@code java tools/gen-plan/GenPlan.java --size 100MB --seed 42 --out /tmp/p100.json}.
 *
 * <p>The plan is built from "units": one root module call each (with count, for_each or neither),
 * nesting one more level of module calls inside. Every unit is generated from its own seed, so it can
 * be written into the four big sections of the plan (planned_values, resource_changes, prior_state,
 * configuration) in one pass. Each section streams into its own temporary file; the final file is the
 * small head and tail plus those files concatenated, so memory stays bounded by one unit whatever the
 * requested size. Same seed and size give a byte-identical file: all randomness comes from
 * SplittableRandom seeded from (seed, unit name, module address), and all maps are sorted.
 */
public final class GenPlan {

    static final String TF_VERSION = "1.9.8";
    static final String PROVIDER = "registry.terraform.io/hashicorp/aws";

    public static void main(String[] args) throws IOException {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("gen-plan: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        if (options == null) {
            System.out.println(Options.USAGE);
            return;
        }
        long start = System.nanoTime();
        Stats stats = new GenPlan(options).generate();
        double seconds = (System.nanoTime() - start) / 1e9;
        if (options.quiet()) {
            return;
        }
        System.err.printf(Locale.ROOT,
                "gen-plan: wrote %s: %,d bytes in %.2f s; %d units (%d ECS), %,d resource changes, "
                        + "%d task definitions (%d with an unknown role ARN), ECS/IAM share %.1f%% of bytes%n",
                options.out(), stats.bytes, seconds, stats.units, stats.ecsUnits, stats.resourceChanges,
                stats.taskDefinitions, stats.unknownRoleTaskDefinitions, 100.0 * stats.ecsBytes / Math.max(1, stats.bytes));
    }

    // ---------------------------------------------------------------- options

    record Options(long size, long seed, Path out, double taskDefsPer10MB, boolean small, boolean quiet) {
        static final String USAGE = """
                usage: java tools/gen-plan/GenPlan.java --out FILE [--size SIZE] [--seed N] [--task-defs-per-10mb N]
                                                  [--small] [--quiet]
                  --size SIZE     target file size: 50KB, 10MB, 100MB, 1GB (decimal) or KiB/MiB/GiB; default 10MB
                  --seed N        random seed (long); default 42. Same seed + size = byte-identical file
                  --out FILE      where to write the plan JSON (one line, like terraform show -json)
                  --task-defs-per-10mb N
                                  how many ECS task definitions per 10 MB of plan (default 10, which puts
                                  about 3% of the bytes in ECS and IAM); the ECS part grows with the size
                  --small         preset: a ~75 KB plan that still has every ECS/IAM linking shape
                  --quiet         no summary line on standard error""";

        static Options parse(String[] args) {
            long size = 10_000_000L;
            long seed = 42;
            Path out = null;
            double perTenMB = 10;
            boolean small = false;
            boolean quiet = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "-h", "--help" -> {
                        return null;
                    }
                    case "--size" -> size = parseSize(value(args, ++i, a));
                    case "--seed" -> {
                        String v = value(args, ++i, a);
                        try {
                            seed = Long.parseLong(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--seed: not a whole number: " + v);
                        }
                    }
                    case "--out" -> out = Path.of(value(args, ++i, a));
                    case "--task-defs-per-10mb" -> {
                        String v = value(args, ++i, a);
                        try {
                            perTenMB = Double.parseDouble(v);
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException("--task-defs-per-10mb: not a number: " + v);
                        }
                        if (!(perTenMB >= 0 && perTenMB <= 10_000)) {
                            throw new IllegalArgumentException("--task-defs-per-10mb must be between 0 and 10000: " + v);
                        }
                    }
                    case "--small" -> small = true;
                    case "--quiet" -> quiet = true;
                    default -> throw new IllegalArgumentException("unknown option: " + a);
                }
            }
            if (out == null) {
                throw new IllegalArgumentException("--out FILE is required");
            }
            if (small) {
                size = 50_000L;
            }
            if (size < 20_000L) {
                throw new IllegalArgumentException("--size must be at least 20KB");
            }
            return new Options(size, seed, out, perTenMB, small, quiet);
        }

        private static String value(String[] args, int i, String option) {
            if (i >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return args[i];
        }

        static long parseSize(String s) {
            String t = s.trim().toUpperCase(Locale.ROOT);
            long mult = 1;
            String[][] units = {{"KIB", "1024"}, {"MIB", "1048576"}, {"GIB", "1073741824"},
                    {"KB", "1000"}, {"MB", "1000000"}, {"GB", "1000000000"}, {"K", "1000"}, {"M", "1000000"},
                    {"G", "1000000000"}, {"B", "1"}};
            for (String[] u : units) {
                if (t.endsWith(u[0])) {
                    mult = Long.parseLong(u[1]);
                    t = t.substring(0, t.length() - u[0].length()).trim();
                    break;
                }
            }
            try {
                double v = Double.parseDouble(t);
                if (v <= 0) {
                    throw new NumberFormatException();
                }
                return (long) (v * mult);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--size: cannot read '" + s + "' (try 50KB, 10MB, 1GB)");
            }
        }
    }

    static final class Stats {
        long bytes;
        long ecsBytes;
        int units;
        int ecsUnits;
        long resourceChanges;
        int taskDefinitions;
        int unknownRoleTaskDefinitions;
    }

    // ---------------------------------------------------------------- value model

    /** An unknown ("known after apply") value; the kind decides its after_sensitive shadow. */
    enum Unk { STR, LIST, MAP }

    /** A sensitive value: written in plaintext in after/values (as terraform does), true in the shadows. */
    record Sens(Object v) {}

    enum Life { EXISTING, NEW }

    @SafeVarargs
    @SuppressWarnings("varargs") // the array is only copied
    static <T> List<T> list(T... items) {
        List<T> l = new ArrayList<>(items.length);
        java.util.Collections.addAll(l, items);
        return l;
    }

    /** A cty object or map: Go's encoder writes map keys sorted, so a TreeMap gives the same order. */
    static TreeMap<String, Object> obj(Object... kv) {
        TreeMap<String, Object> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** A JSON object whose keys keep insertion order (policy documents as AWS returns them). */
    static LinkedHashMap<String, Object> ordered(Object... kv) {
        LinkedHashMap<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static TreeMap<String, Object> cv(Object v) {
        return obj("constant_value", v);
    }

    static TreeMap<String, Object> refs(String... r) {
        TreeMap<String, Object> m = new TreeMap<>();
        m.put("references", list((Object[]) r));
        return m;
    }

    /** The expression terraform writes for anything that calls a function: an empty object. */
    static TreeMap<String, Object> fnExpr() {
        return new TreeMap<>();
    }

    /** References of an attribute traversal in the format 0.2+ form: attribute, then the object. */
    static TreeMap<String, Object> attrRef(String object, String attribute) {
        return refs(object + "." + attribute, object);
    }

    // ---------------------------------------------------------------- random

    static final class Rnd {
        final SplittableRandom r;

        Rnd(long seed) {
            r = new SplittableRandom(seed);
        }

        int nextInt(int n) {
            return r.nextInt(n);
        }

        int between(int lo, int hiInclusive) {
            return lo + r.nextInt(hiInclusive - lo + 1);
        }

        boolean chance(double p) {
            return r.nextDouble() < p;
        }

        <T> T pick(List<T> l) {
            return l.get(r.nextInt(l.size()));
        }

        @SafeVarargs
        final <T> T pick(T... l) {
            return l[r.nextInt(l.length)];
        }

        String hex(int n) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append("0123456789abcdef".charAt(r.nextInt(16)));
            }
            return sb.toString();
        }

        String upper(int n) {
            StringBuilder sb = new StringBuilder(n);
            for (int i = 0; i < n; i++) {
                sb.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".charAt(r.nextInt(32)));
            }
            return sb.toString();
        }

        String alnum(int n) {
            StringBuilder sb = new StringBuilder(n);
            String chars = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
            for (int i = 0; i < n; i++) {
                sb.append(chars.charAt(r.nextInt(chars.length())));
            }
            return sb.toString();
        }

        String digits(int n) {
            StringBuilder sb = new StringBuilder(n);
            sb.append((char) ('1' + r.nextInt(9)));
            for (int i = 1; i < n; i++) {
                sb.append((char) ('0' + r.nextInt(10)));
            }
            return sb.toString();
        }
    }

    /** SplitMix64 finaliser over a seed and a string, so every unit and module gets an independent stream. */
    static long mix(long seed, String s) {
        long h = seed ^ 0x9E3779B97F4A7C15L;
        for (int i = 0; i < s.length(); i++) {
            h = (h ^ s.charAt(i)) * 0x100000001B3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    // ---------------------------------------------------------------- plan model

    /** One resource instance, with what the framework derives its sections from. */
    static final class Res {
        String address;
        String moduleAddress;
        String mode = "managed";
        String type;
        String name;
        Object index;
        int schema;
        List<String> actions;
        String reason;
        List<Object> replacePaths;
        TreeMap<String, Object> before;
        TreeMap<String, Object> after;
        boolean inPlanned = true;
        boolean inChanges = true;
        List<String> dependsOn = List.of();
    }

    /** What a resource generator returns: the known values plus what is computed by the provider on create. */
    static final class Vals {
        final TreeMap<String, Object> v;
        final Map<String, Unk> computed = new TreeMap<>();
        String forceNewAttr;
        Object forceNewValue;
        boolean neverChanges;
        /** data sources only: null = readable at plan time (prior_state only); else the read reason. */
        String readReason;
        TreeMap<String, Object> readAfter;

        Vals(TreeMap<String, Object> v, String... computedStrings) {
            this.v = v;
            for (String c : computedStrings) {
                computed.put(c, Unk.STR);
            }
        }

        Vals map(String... names) {
            for (String n : names) {
                computed.put(n, Unk.MAP);
            }
            return this;
        }

        Vals list(String... names) {
            for (String n : names) {
                computed.put(n, Unk.LIST);
            }
            return this;
        }

        Vals forceNew(String attr, Object value) {
            forceNewAttr = attr;
            forceNewValue = value;
            return this;
        }
    }

    interface ValFn {
        Vals make(Inst m, Object key, Rnd rnd);
    }

    /** A resource or module call repeated by count (instance keys 0..n-1) or for_each (the given keys). */
    abstract static class Repeated<T extends Repeated<T>> {
        Object countExpr;
        Object forEachExpr;
        List<Object> keys;

        @SuppressWarnings("unchecked")
        T count(int n, Object expr) {
            keys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                keys.add(i);
            }
            countExpr = expr;
            return (T) this;
        }

        @SuppressWarnings("unchecked")
        T forEach(List<String> ks, Object expr) {
            keys = new ArrayList<>(ks);
            forEachExpr = expr;
            return (T) this;
        }

        /** The configuration's count_expression / for_each_expression, whichever is set. */
        void writeRepetition(Out o) {
            if (countExpr != null) {
                o.raw(",\"count_expression\":");
                o.value(countExpr);
            }
            if (forEachExpr != null) {
                o.raw(",\"for_each_expression\":");
                o.value(forEachExpr);
            }
        }
    }

    static final class ResDef extends Repeated<ResDef> {
        String mode = "managed";
        final String type;
        final String name;
        final TreeMap<String, Object> exprs;
        int schema;
        List<String> dependsOn = List.of();
        final ValFn fn;
        /** for count resources: chance that an existing module instance drops its last index. */
        double shrinkChance;

        ResDef(String type, String name, TreeMap<String, Object> exprs, ValFn fn) {
            this.type = type;
            this.name = name;
            this.exprs = exprs;
            this.fn = fn;
        }

        ResDef data() {
            mode = "data";
            return this;
        }

        ResDef schema(int s) {
            schema = s;
            return this;
        }

        ResDef dependsOn(String... d) {
            dependsOn = List.of(d);
            return this;
        }
    }

    static final class ModDef {
        String source;
        String versionConstraint;
        final List<ResDef> resources = new ArrayList<>();
        final TreeMap<String, CallDef> calls = new TreeMap<>();
        final TreeMap<String, Object> variables = new TreeMap<>();
        final TreeMap<String, Object> outputs = new TreeMap<>();

        ModDef(String source) {
            this.source = source;
        }

        ResDef add(ResDef r) {
            resources.add(r);
            return r;
        }

        void variable(String name, String description, Object defaultValue, boolean hasDefault, boolean sensitive) {
            TreeMap<String, Object> v = new TreeMap<>();
            if (hasDefault) {
                v.put("default", defaultValue);
            }
            if (description != null) {
                v.put("description", description);
            }
            if (sensitive) {
                v.put("sensitive", true);
            }
            variables.put(name, v);
        }

        void output(String name, TreeMap<String, Object> expression, String description) {
            LinkedHashMap<String, Object> o = new LinkedHashMap<>();
            o.put("expression", expression);
            if (description != null) {
                o.put("description", description);
            }
            outputs.put(name, o);
        }
    }

    interface InstHook {
        void init(Inst inst);
    }

    static final class CallDef extends Repeated<CallDef> {
        final String name;
        final ModDef module;
        final TreeMap<String, Object> exprs = new TreeMap<>();
        InstHook hook;

        CallDef(String name, ModDef module) {
            this.name = name;
            this.module = module;
        }

        CallDef expr(String name, Object e) {
            exprs.put(name, e);
            return this;
        }
    }

    /** A module instance while expanding: its address, instance key, life and a per-instance scratch map. */
    static final class Inst {
        final String address;
        final Object key;
        final Inst parent;
        Life life;
        final Map<String, Object> scen = new TreeMap<>();

        Inst(String address, Object key, Inst parent, Life life) {
            this.address = address;
            this.key = key;
            this.parent = parent;
            this.life = life;
        }

        @SuppressWarnings("unchecked")
        <T> T get(String k) {
            for (Inst i = this; i != null; i = i.parent) {
                if (i.scen.containsKey(k)) {
                    return (T) i.scen.get(k);
                }
            }
            throw new IllegalStateException("no scenario value " + k + " at " + address);
        }
    }

    static final class ModInst {
        final String address;
        final List<Res> resources = new ArrayList<>();
        final List<ModInst> children = new ArrayList<>();

        ModInst(String address) {
            this.address = address;
        }
    }

    static String keySuffix(Object key) {
        if (key == null) {
            return "";
        }
        if (key instanceof Integer) {
            return "[" + key + "]";
        }
        return "[\"" + key + "\"]";
    }

    // ---------------------------------------------------------------- world constants

    final Options opt;
    final Rnd world;
    final String account;
    final String region;
    final String env;
    final String imageTag;
    final String dbPassword;
    final List<String> azs;
    final TreeMap<String, Object> defaultTags;
    final List<String> ecrRepos = list("api", "auth", "billing", "frontend", "ingest", "notifier", "payments",
            "reports", "scheduler", "search", "worker");
    final String externalAccount;
    final Stats stats = new Stats();
    double unitScale = 1.0;

    GenPlan(Options opt) {
        this.opt = opt;
        this.world = new Rnd(mix(opt.seed(), "world"));
        this.account = world.digits(12);
        this.externalAccount = world.digits(12);
        this.region = world.pick("eu-west-1", "us-east-1", "eu-central-1", "us-west-2", "ap-southeast-2");
        this.env = world.pick("prod", "production", "live");
        this.imageTag = "2025." + world.between(1, 12) + "." + world.between(0, 30) + "-" + world.hex(7);
        this.dbPassword = "pw-" + world.alnum(20);
        this.azs = list(region + "a", region + "b", region + "c");
        this.defaultTags = obj("Environment", env, "ManagedBy", "terraform", "Repository", "github.com/acme/platform-infra");
    }

    String isoTime(Rnd r) {
        long t = 1_640_995_200L + r.nextInt(100_000_000);
        return java.time.Instant.ofEpochSecond(t).toString();
    }

    TreeMap<String, Object> tags(String name, Object... extra) {
        TreeMap<String, Object> t = obj(extra);
        t.put("Name", name);
        return t;
    }

    TreeMap<String, Object> tagsAll(TreeMap<String, Object> tags) {
        TreeMap<String, Object> all = new TreeMap<>(defaultTags);
        if (tags != null) {
            all.putAll(tags);
        }
        return all;
    }

    void putTags(TreeMap<String, Object> v, TreeMap<String, Object> tags) {
        v.put("tags", tags);
        v.put("tags_all", tagsAll(tags));
    }

    String roleArn(String name) {
        return "arn:aws:iam::" + account + ":role/" + name;
    }

    static String dashed(String s) {
        return s.replace('_', '-');
    }

    // ---------------------------------------------------------------- JSON strings inside values

    /** Minified JSON, Go-style but without HTML escaping (what the provider stores for policies and containers). */
    static String json(Object v) {
        StringBuilder sb = new StringBuilder(256);
        appendJson(sb, v, -1, 0);
        return sb.toString();
    }

    /** Pretty JSON with two-space indentation, as aws_iam_policy_document.json renders it. */
    static String prettyJson(Object v) {
        StringBuilder sb = new StringBuilder(512);
        appendJson(sb, v, 2, 0);
        return sb.toString();
    }

    private static void appendJson(StringBuilder sb, Object v, int indent, int depth) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof String s) {
            sb.append('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    sb.append('\\').append(c);
                } else if (c == '\n') {
                    sb.append("\\n");
                } else if (c < 0x20) {
                    sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                } else {
                    sb.append(c);
                }
            }
            sb.append('"');
        } else if (v instanceof Map<?, ?> m) {
            if (m.isEmpty()) {
                sb.append("{}");
                return;
            }
            sb.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    sb.append(',');
                }
                first = false;
                newline(sb, indent, depth + 1);
                appendJson(sb, e.getKey(), indent, depth + 1);
                sb.append(indent >= 0 ? ": " : ":");
                appendJson(sb, e.getValue(), indent, depth + 1);
            }
            newline(sb, indent, depth);
            sb.append('}');
        } else if (v instanceof List<?> l) {
            if (l.isEmpty()) {
                sb.append("[]");
                return;
            }
            sb.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                newline(sb, indent, depth + 1);
                appendJson(sb, l.get(i), indent, depth + 1);
            }
            newline(sb, indent, depth);
            sb.append(']');
        } else {
            sb.append(v);
        }
    }

    private static void newline(StringBuilder sb, int indent, int depth) {
        if (indent >= 0) {
            sb.append('\n');
            for (int i = 0; i < indent * depth; i++) {
                sb.append(' ');
            }
        }
    }

    // ---------------------------------------------------------------- output stream with Go's JSON escaping

    /** A counting byte sink that writes JSON like Go's encoding/json (HTML-safe escaping of <, >, &). */
    static final class Out implements AutoCloseable {
        private final OutputStream os;
        private final byte[] buf = new byte[1 << 16];
        private int pos;
        long count;

        Out(OutputStream os) {
            this.os = os;
        }

        void raw(String s) {
            for (int i = 0; i < s.length(); i++) {
                rawChar(s.charAt(i));
            }
        }

        private void rawChar(char c) {
            if (c < 0x80) {
                byteOut(c);
            } else if (c < 0x800) {
                byteOut(0xC0 | (c >> 6));
                byteOut(0x80 | (c & 0x3F));
            } else {
                byteOut(0xE0 | (c >> 12));
                byteOut(0x80 | ((c >> 6) & 0x3F));
                byteOut(0x80 | (c & 0x3F));
            }
        }

        void byteOut(int b) {
            if (pos == buf.length) {
                flushBuf();
            }
            buf[pos++] = (byte) b;
            count++;
        }

        void str(String s) {
            byteOut('"');
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> {
                        byteOut('\\');
                        byteOut('"');
                    }
                    case '\\' -> {
                        byteOut('\\');
                        byteOut('\\');
                    }
                    case '\n' -> {
                        byteOut('\\');
                        byteOut('n');
                    }
                    case '\r' -> {
                        byteOut('\\');
                        byteOut('r');
                    }
                    case '\t' -> {
                        byteOut('\\');
                        byteOut('t');
                    }
                    case '<' -> raw("\\u003c");
                    case '>' -> raw("\\u003e");
                    case '&' -> raw("\\u0026");
                    case '\u2028' -> raw("\\u2028");
                    case '\u2029' -> raw("\\u2029");
                    default -> {
                        if (c < 0x20) {
                            raw(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            rawChar(c);
                        }
                    }
                }
            }
            byteOut('"');
        }

        void key(String k) {
            str(k);
            byteOut(':');
        }

        /** An object of the map's entries, leaving out those {@code omit} says, each value written by {@code child}. */
        void object(Map<?, ?> m, java.util.function.Predicate<Object> omit, java.util.function.Consumer<Object> child) {
            byteOut('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object x = e.getValue();
                if (omit.test(x)) {
                    continue;
                }
                if (!first) {
                    byteOut(',');
                }
                first = false;
                key((String) e.getKey());
                child.accept(x);
            }
            byteOut('}');
        }

        /** An array of the list's elements, each written by {@code child}. */
        void array(List<?> l, java.util.function.Consumer<Object> child) {
            byteOut('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    byteOut(',');
                }
                child.accept(l.get(i));
            }
            byteOut(']');
        }

        /** Writes a plain value tree (no unknown markers): maps, lists, strings, numbers, booleans, null. */
        void value(Object v) {
            if (v == null) {
                raw("null");
            } else if (v instanceof String s) {
                str(s);
            } else if (v instanceof Map<?, ?> m) {
                object(m, x -> false, this::value);
            } else if (v instanceof List<?> l) {
                array(l, this::value);
            } else if (v instanceof Sens s) {
                value(s.v());
            } else if (v instanceof Unk) {
                throw new IllegalStateException("unknown value in a plain value tree");
            } else {
                raw(String.valueOf(v));
            }
        }

        /** The known projection: unknown object attributes omitted, unknown list elements as null. */
        void known(Object v) {
            if (v instanceof Sens s) {
                known(s.v());
            } else if (v instanceof Unk) {
                raw("null");
            } else if (v instanceof Map<?, ?> m) {
                object(m, Out::isUnknown, this::known);
            } else if (v instanceof List<?> l) {
                array(l, this::known);
            } else {
                value(v);
            }
        }

        /**
         * after_unknown (sensitive=false) or after_sensitive/sensitive_values (sensitive=true), with
         * terraform's rules: false leaves are left out of objects but kept in lists; containers are kept.
         */
        void shadow(Object v, boolean sensitive) {
            if (v instanceof Map<?, ?> m) {
                object(m, x -> shadowIsFalse(x, sensitive), x -> shadow(x, sensitive));
            } else if (v instanceof List<?> l) {
                array(l, x -> shadow(x, sensitive));
            } else if (v instanceof Sens s) {
                if (sensitive) {
                    raw("true");
                } else {
                    shadow(s.v(), false);
                }
            } else if (v instanceof Unk u) {
                if (!sensitive) {
                    raw("true");
                } else if (u == Unk.MAP) {
                    raw("{}");
                } else if (u == Unk.LIST) {
                    raw("[]");
                } else {
                    raw("false");
                }
            } else {
                raw("false");
            }
        }

        static boolean isUnknown(Object v) {
            return v instanceof Unk || (v instanceof Sens s && s.v() instanceof Unk);
        }

        static boolean shadowIsFalse(Object v, boolean sensitive) {
            if (v instanceof Map || v instanceof List) {
                return false;
            }
            if (v instanceof Sens s) {
                return !sensitive && shadowIsFalse(s.v(), false);
            }
            if (v instanceof Unk u) {
                return sensitive && u == Unk.STR;
            }
            return true;
        }

        static boolean whollyKnown(Object v) {
            if (v instanceof Unk) {
                return false;
            }
            if (v instanceof Sens s) {
                return whollyKnown(s.v());
            }
            if (v instanceof Map<?, ?> m) {
                for (Object x : m.values()) {
                    if (!whollyKnown(x)) {
                        return false;
                    }
                }
            } else if (v instanceof List<?> l) {
                for (Object x : l) {
                    if (!whollyKnown(x)) {
                        return false;
                    }
                }
            }
            return true;
        }

        private void flushBuf() {
            try {
                os.write(buf, 0, pos);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            pos = 0;
        }

        @Override
        public void close() throws IOException {
            flushBuf();
            os.close();
        }
    }

    /** One of the streamed sections, with the comma bookkeeping of a JSON array or object body. */
    static final class Section {
        final Out out;
        final Path file;
        boolean first = true;

        Section(Path file) throws IOException {
            this.file = file;
            this.out = new Out(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
        }

        Out next() {
            if (!first) {
                out.byteOut(',');
            }
            first = false;
            return out;
        }
    }

    // ---------------------------------------------------------------- generation driver

    Stats generate() throws IOException {
        Path out = opt.out().toAbsolutePath();
        Path dir = out.getParent();
        Files.createDirectories(dir);
        String base = out.getFileName().toString();
        Section pv = new Section(dir.resolve(base + ".part-planned"));
        Section rc = new Section(dir.resolve(base + ".part-changes"));
        Section ps = new Section(dir.resolve(base + ".part-prior"));
        Section cf = new Section(dir.resolve(base + ".part-config"));
        Section ra = new Section(dir.resolve(base + ".part-relevant"));
        List<Section> sections = List.of(pv, rc, ps, cf, ra);
        try {
            writeUnits(pv, rc, ps, cf, ra);
            for (Section s : sections) {
                s.out.close();
            }
            assemble(out, pv, rc, ps, cf, ra);
        } finally {
            for (Section s : sections) {
                Files.deleteIfExists(s.file);
            }
        }
        stats.bytes = Files.size(out);
        return stats;
    }

    static long total(Section... s) {
        long t = 0;
        for (Section x : s) {
            t += x.out.count;
        }
        return t;
    }

    void writeUnits(Section pv, Section rc, Section ps, Section cf, Section ra) {
        // root module resources first: in every section "aws_…" and "data.…" sort before "module.…"
        ModDef root = rootModule();
        Inst rootInst = new Inst("", null, null, Life.EXISTING);
        ModInst rootMi = new ModInst("");
        expandResources(root, rootInst, rootMi, new Rnd(mix(opt.seed(), "root")));
        pv.out.raw("{\"resources\":[");
        ps.out.raw("{\"resources\":[");
        cf.out.raw("{\"outputs\":");
        cf.out.value(rootOutputsConfig());
        cf.out.raw(",\"resources\":[");
        boolean firstPlanned = true;
        boolean firstPrior = true;
        rootMi.resources.sort(Comparator.comparing(r -> r.address));
        for (Res r : rootMi.resources) {
            if (r.inPlanned && r.after != null) {
                if (!firstPlanned) {
                    pv.out.byteOut(',');
                }
                firstPlanned = false;
                writeStateResource(pv.out, r, r.after, false);
            }
            if (r.before != null) {
                if (!firstPrior) {
                    ps.out.byteOut(',');
                }
                firstPrior = false;
                writeStateResource(ps.out, r, r.before, true);
            }
            if (r.inChanges) {
                writeChange(rc.next(), r);
                stats.resourceChanges++;
            }
        }
        List<ResDef> rootConfig = configOrder(root.resources);
        for (int i = 0; i < rootConfig.size(); i++) {
            if (i > 0) {
                cf.out.byteOut(',');
            }
            writeConfigResource(cf.out, rootConfig.get(i));
        }
        pv.out.raw("],\"child_modules\":[");
        ps.out.raw("],\"child_modules\":[");
        cf.out.raw("],\"module_calls\":{");

        UnitNames names = new UnitNames(new Rnd(mix(opt.seed(), "names")), opt.size());
        long target = opt.size() - 4_000; // head and tail
        long ecsBytes = 0;
        int unitIndex = 0;
        while (unitIndex == 0 || stats.ecsUnits < 2 || total(pv, rc, ps, cf, ra) < target) {
            String name;
            boolean ecs;
            if (unitIndex == 0) {
                name = "account_baseline";
                ecs = true;
            } else {
                name = names.next();
                long soFar = total(pv, rc, ps, cf, ra);
                // a fixed number of task definitions per 10 MB, spread through the file
                ecs = stats.ecsUnits < 2 || stats.taskDefinitions < opt.taskDefsPer10MB() * soFar / 10_000_000.0;
            }
            long before = total(pv, rc, ps, cf, ra);
            // the last few units shrink so the file lands close to the requested size
            unitScale = Math.max(0.05, Math.min(1.0, (target - before) / 3_000_000.0));
            Rnd ur = new Rnd(mix(opt.seed(), name));
            CallDef call = unitIndex == 0 ? baselineUnit(name) : ecs ? ecsUnit(name, ur) : bulkUnit(name, ur);
            writeUnit(call, name, pv, rc, ps, cf, ra);
            long written = total(pv, rc, ps, cf, ra) - before;
            if (ecs) {
                ecsBytes += written;
                stats.ecsUnits++;
            }
            stats.units++;
            unitIndex++;
        }
        stats.ecsBytes = ecsBytes;
        pv.out.raw("]}");
        ps.out.raw("]}");
        cf.out.raw("},\"variables\":");
        cf.out.value(rootVariablesConfig());
        cf.out.raw("}");
    }

    void writeUnit(CallDef call, String name, Section pv, Section rc, Section ps, Section cf, Section ra) {
        List<ModInst> instances = expandCall(call, null, name);
        List<Res> all = new ArrayList<>();
        for (ModInst mi : instances) {
            collect(mi, all);
        }
        // planned_values and prior_state: module instances in address order, resources inside sorted
        for (ModInst mi : instances) {
            if (hasAny(mi, true)) {
                writeModule(pv.next(), mi, true);
            }
            if (hasAny(mi, false)) {
                writeModule(ps.next(), mi, false);
            }
        }
        all.sort(Comparator.comparing((Res r) -> r.address));
        for (Res r : all) {
            if (r.inChanges) {
                writeChange(rc.next(), r);
                stats.resourceChanges++;
            }
            if ("aws_ecs_task_definition".equals(r.type) && r.after != null) {
                stats.taskDefinitions++;
                if (r.after.get("execution_role_arn") instanceof Unk || r.after.get("task_role_arn") instanceof Unk) {
                    stats.unknownRoleTaskDefinitions++;
                }
            }
            if ("aws_iam_role".equals(r.type) && r.actions != null && r.actions.equals(List.of("no-op"))) {
                Out o = ra.next();
                o.raw("{\"resource\":");
                o.str(r.address);
                o.raw(",\"attribute\":[\"arn\"]}");
            }
        }
        Out o = cf.next();
        o.key(name);
        writeModuleCall(o, call);
    }

    static void collect(ModInst mi, List<Res> all) {
        all.addAll(mi.resources);
        for (ModInst c : mi.children) {
            collect(c, all);
        }
    }

    static boolean hasAny(ModInst mi, boolean planned) {
        for (Res r : mi.resources) {
            if (planned ? (r.inPlanned && r.after != null) : r.before != null) {
                return true;
            }
        }
        for (ModInst c : mi.children) {
            if (hasAny(c, planned)) {
                return true;
            }
        }
        return false;
    }

    List<ModInst> expandCall(CallDef call, Inst parent, String unitName) {
        List<ModInst> result = new ArrayList<>();
        List<Object> keys = call.keys == null ? java.util.Collections.singletonList(null) : call.keys;
        for (Object key : keys) {
            String addr = (parent == null || parent.address.isEmpty() ? "" : parent.address + ".")
                    + "module." + call.name + keySuffix(key);
            Inst inst = new Inst(addr, key, parent, parent == null ? Life.EXISTING : parent.life);
            if (parent == null) {
                inst.scen.put("unit", unitName);
            }
            if (call.hook != null) {
                call.hook.init(inst);
            }
            ModInst mi = new ModInst(addr);
            expandResources(call.module, inst, mi, new Rnd(mix(opt.seed(), addr)));
            for (CallDef child : call.module.calls.values()) {
                mi.children.addAll(expandCall(child, inst, unitName));
            }
            mi.resources.sort(Comparator.comparing(r -> r.address));
            mi.children.sort(Comparator.comparing(c -> c.address));
            result.add(mi);
        }
        return result;
    }

    void expandResources(ModDef def, Inst inst, ModInst mi, Rnd rnd) {
        for (ResDef d : def.resources) {
            List<Object> keys = d.keys == null ? java.util.Collections.singletonList(null) : new ArrayList<>(d.keys);
            boolean shrink = d.countExpr != null && inst.life == Life.EXISTING && rnd.chance(d.shrinkChance);
            for (Object key : keys) {
                mi.resources.add(build(inst, d, key, rnd, false));
            }
            if (shrink) {
                // the count went down: the old last instance is planned for deletion
                mi.resources.add(build(inst, d, keys.size(), rnd, true));
            }
        }
    }

    Res build(Inst m, ResDef d, Object key, Rnd rnd, boolean deleteByCount) {
        Vals vals = d.fn.make(m, key, rnd);
        Res r = new Res();
        r.moduleAddress = m.address.isEmpty() ? null : m.address;
        r.mode = d.mode;
        r.type = d.type;
        r.name = d.name;
        r.index = key;
        r.schema = d.schema;
        r.dependsOn = d.dependsOn;
        String local = ("data".equals(d.mode) ? "data." : "") + d.type + "." + d.name + keySuffix(key);
        r.address = m.address.isEmpty() ? local : m.address + "." + local;
        if ("data".equals(d.mode)) {
            if (vals.readReason == null) {
                r.before = vals.v;
                r.inPlanned = false;
                r.inChanges = false;
            } else {
                r.actions = List.of("read");
                r.reason = vals.readReason;
                r.after = vals.readAfter;
            }
            return r;
        }
        if (deleteByCount) {
            r.before = vals.v;
            r.actions = List.of("delete");
            r.reason = "delete_because_count_index";
            r.inPlanned = false;
            return r;
        }
        if (m.life == Life.NEW) {
            r.actions = List.of("create");
            r.after = withComputedUnknown(vals);
            return r;
        }
        r.before = vals.v;
        double roll = rnd.r.nextDouble();
        if (!vals.neverChanges && vals.forceNewAttr != null && roll < 0.05) {
            TreeMap<String, Object> after = withComputedUnknown(vals);
            after.put(vals.forceNewAttr, vals.forceNewValue);
            r.after = after;
            r.actions = rnd.chance(0.7) ? List.of("delete", "create") : List.of("create", "delete");
            r.reason = "replace_because_cannot_update";
            r.replacePaths = list(list(vals.forceNewAttr));
        } else if (!vals.neverChanges && roll < 0.14 && vals.v.get("tags") instanceof Map) {
            TreeMap<String, Object> after = new TreeMap<>(vals.v);
            @SuppressWarnings("unchecked")
            TreeMap<String, Object> newTags = new TreeMap<>((Map<String, Object>) vals.v.get("tags"));
            newTags.put("CostCenter", "cc-" + rnd.digits(4));
            after.put("tags", newTags);
            after.put("tags_all", tagsAll(newTags));
            r.after = after;
            r.actions = List.of("update");
        } else {
            r.after = vals.v;
            r.actions = List.of("no-op");
        }
        return r;
    }

    static TreeMap<String, Object> withComputedUnknown(Vals vals) {
        TreeMap<String, Object> after = new TreeMap<>(vals.v);
        for (Map.Entry<String, Unk> c : vals.computed.entrySet()) {
            after.put(c.getKey(), c.getValue());
        }
        return after;
    }

    // ---------------------------------------------------------------- section writers

    /** A resource object's opening: address (and module_address in resource_changes), mode, type, name, index. */
    void writeIdentity(Out o, Res r, boolean withModuleAddress) {
        o.raw("{\"address\":");
        o.str(r.address);
        if (withModuleAddress && r.moduleAddress != null) {
            o.raw(",\"module_address\":");
            o.str(r.moduleAddress);
        }
        o.raw(",\"mode\":");
        o.str(r.mode);
        o.raw(",\"type\":");
        o.str(r.type);
        o.raw(",\"name\":");
        o.str(r.name);
        if (r.index != null) {
            o.raw(",\"index\":");
            o.value(r.index);
        }
    }

    void writeStateResource(Out o, Res r, TreeMap<String, Object> values, boolean prior) {
        writeIdentity(o, r, false);
        o.raw(",\"provider_name\":\"" + PROVIDER + "\",\"schema_version\":" + r.schema + ",\"values\":");
        o.known(values);
        o.raw(",\"sensitive_values\":");
        o.shadow(values, true);
        if (prior && !r.dependsOn.isEmpty() && "managed".equals(r.mode)) {
            o.raw(",\"depends_on\":");
            List<String> deps = new ArrayList<>();
            String prefix = r.moduleAddress == null ? "" : r.moduleAddress + ".";
            for (String d : r.dependsOn) {
                deps.add(prefix + d);
            }
            deps.sort(null);
            o.value(deps);
        }
        o.byteOut('}');
    }

    void writeModule(Out o, ModInst mi, boolean planned) {
        o.raw("{");
        boolean any = false;
        boolean first = true;
        for (Res r : mi.resources) {
            TreeMap<String, Object> values = planned ? (r.inPlanned ? r.after : null) : r.before;
            if (values == null) {
                continue;
            }
            if (!any) {
                o.raw("\"resources\":[");
                any = true;
            }
            if (!first) {
                o.byteOut(',');
            }
            first = false;
            writeStateResource(o, r, values, !planned);
        }
        if (any) {
            o.raw("],");
        }
        o.raw("\"address\":");
        o.str(mi.address);
        boolean firstChild = true;
        for (ModInst c : mi.children) {
            if (!hasAny(c, planned)) {
                continue;
            }
            o.raw(firstChild ? ",\"child_modules\":[" : ",");
            firstChild = false;
            writeModule(o, c, planned);
        }
        if (!firstChild) {
            o.byteOut(']');
        }
        o.byteOut('}');
    }

    void writeChange(Out o, Res r) {
        writeIdentity(o, r, true);
        o.raw(",\"provider_name\":\"" + PROVIDER + "\",\"change\":{\"actions\":");
        o.value(r.actions);
        o.raw(",\"before\":");
        if (r.before == null) {
            o.raw("null");
        } else {
            o.known(r.before);
        }
        o.raw(",\"after\":");
        if (r.after == null) {
            o.raw("null");
        } else {
            o.known(r.after);
        }
        o.raw(",\"after_unknown\":");
        if (r.after == null || Out.whollyKnown(r.after)) {
            o.raw("{}");
        } else {
            o.shadow(r.after, false);
        }
        o.raw(",\"before_sensitive\":");
        if (r.before == null) {
            o.raw("false");
        } else {
            o.shadow(r.before, true);
        }
        o.raw(",\"after_sensitive\":");
        if (r.after == null) {
            o.raw("false");
        } else {
            o.shadow(r.after, true);
        }
        if (r.replacePaths != null) {
            o.raw(",\"replace_paths\":");
            o.value(r.replacePaths);
        }
        o.byteOut('}');
        if (r.reason != null) {
            o.raw(",\"action_reason\":");
            o.str(r.reason);
        }
        o.byteOut('}');
    }

    /** terraform lists configuration resources sorted by their module-relative address. */
    static List<ResDef> configOrder(List<ResDef> defs) {
        List<ResDef> sorted = new ArrayList<>(defs);
        sorted.sort(Comparator.comparing(d -> ("data".equals(d.mode) ? "data." : "") + d.type + "." + d.name));
        return sorted;
    }

    void writeConfigResource(Out o, ResDef d) {
        String local = ("data".equals(d.mode) ? "data." : "") + d.type + "." + d.name;
        o.raw("{\"address\":");
        o.str(local);
        o.raw(",\"mode\":");
        o.str(d.mode);
        o.raw(",\"type\":");
        o.str(d.type);
        o.raw(",\"name\":");
        o.str(d.name);
        o.raw(",\"provider_config_key\":\"aws\",\"expressions\":");
        o.value(d.exprs);
        o.raw(",\"schema_version\":" + d.schema);
        d.writeRepetition(o);
        if (!d.dependsOn.isEmpty()) {
            o.raw(",\"depends_on\":");
            o.value(d.dependsOn);
        }
        o.byteOut('}');
    }

    void writeModuleCall(Out o, CallDef c) {
        o.raw("{\"source\":");
        o.str(c.module.source);
        if (!c.exprs.isEmpty()) {
            o.raw(",\"expressions\":");
            o.value(c.exprs);
        }
        c.writeRepetition(o);
        o.raw(",\"module\":{");
        ModDef m = c.module;
        boolean needComma = false;
        if (!m.outputs.isEmpty()) {
            o.raw("\"outputs\":");
            o.value(m.outputs);
            needComma = true;
        }
        if (!m.resources.isEmpty()) {
            o.raw(needComma ? ",\"resources\":[" : "\"resources\":[");
            List<ResDef> sorted = configOrder(m.resources);
            for (int i = 0; i < sorted.size(); i++) {
                if (i > 0) {
                    o.byteOut(',');
                }
                writeConfigResource(o, sorted.get(i));
            }
            o.byteOut(']');
            needComma = true;
        }
        if (!m.calls.isEmpty()) {
            o.raw(needComma ? ",\"module_calls\":{" : "\"module_calls\":{");
            boolean first = true;
            for (CallDef child : m.calls.values()) {
                if (!first) {
                    o.byteOut(',');
                }
                first = false;
                o.key(child.name);
                writeModuleCall(o, child);
            }
            o.byteOut('}');
            needComma = true;
        }
        if (!m.variables.isEmpty()) {
            o.raw(needComma ? ",\"variables\":" : "\"variables\":");
            o.value(m.variables);
        }
        o.byteOut('}');
        if (m.versionConstraint != null) {
            o.raw(",\"version_constraint\":");
            o.str(m.versionConstraint);
        }
        o.byteOut('}');
    }

    void assemble(Path out, Section pv, Section rc, Section ps, Section cf, Section ra) throws IOException {
        try (FileChannel dst = FileChannel.open(out, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            StringBuilder head = new StringBuilder();
            head.append("{\"format_version\":\"1.2\",\"terraform_version\":\"" + TF_VERSION + "\",\"variables\":");
            head.append(plainJson(rootVariableValues()));
            head.append(",\"planned_values\":{\"outputs\":").append(plainJson(plannedOutputs()));
            head.append(",\"root_module\":");
            put(dst, head.toString());
            copy(pv.file, dst);
            put(dst, "},\"resource_changes\":[");
            copy(rc.file, dst);
            put(dst, "],\"output_changes\":" + plainJson(outputChanges())
                    + ",\"prior_state\":{\"format_version\":\"1.0\",\"terraform_version\":\"" + TF_VERSION
                    + "\",\"values\":{\"outputs\":" + plainJson(plannedOutputs()) + ",\"root_module\":");
            copy(ps.file, dst);
            put(dst, "}},\"configuration\":{\"provider_config\":" + plainJson(providerConfig()) + ",\"root_module\":");
            copy(cf.file, dst);
            put(dst, "},\"relevant_attributes\":[");
            copy(ra.file, dst);
            Rnd t = new Rnd(mix(opt.seed(), "timestamp"));
            put(dst, "],\"timestamp\":\"" + isoTime(t) + "\",\"applyable\":true,\"complete\":true,\"errored\":false}\n");
        }
    }

    static String plainJson(Object v) {
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try (Out o = new Out(bos)) {
            o.value(v);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bos.toString(StandardCharsets.UTF_8);
    }

    static void put(FileChannel dst, String s) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
        while (b.hasRemaining()) {
            dst.write(b);
        }
    }

    static void copy(Path src, FileChannel dst) throws IOException {
        try (FileChannel in = FileChannel.open(src, StandardOpenOption.READ)) {
            long size = in.size();
            long done = 0;
            while (done < size) {
                done += in.transferTo(done, size - done, dst);
            }
        }
    }

    // ---------------------------------------------------------------- root module

    TreeMap<String, Object> rootVariableValues() {
        return obj("db_password", obj("value", dbPassword), "environment", obj("value", env),
                "image_tag", obj("value", imageTag), "region", obj("value", region));
    }

    TreeMap<String, Object> rootVariablesConfig() {
        return obj("db_password", obj("description", "Master password of the application database", "sensitive", true),
                "environment", obj("default", "prod", "description", "Deployment environment"),
                "image_tag", obj("description", "Container image tag to deploy"),
                "region", obj("default", "eu-west-1", "description", "AWS region"));
    }

    TreeMap<String, Object> rootOutputsConfig() {
        return obj("account_id", ordered("expression", attrRef("data.aws_caller_identity.current", "account_id")),
                "ecs_task_execution_role_arn", ordered("expression",
                        refs("module.account_baseline.ecs_task_execution_role_arn", "module.account_baseline"),
                        "description", "Execution role shared by the ECS services"),
                "region", ordered("expression", attrRef("data.aws_region.current", "name")));
    }

    TreeMap<String, Object> plannedOutputs() {
        return obj("account_id", obj("sensitive", false, "type", "string", "value", account),
                "ecs_task_execution_role_arn", obj("sensitive", false, "type", "string",
                        "value", roleArn(env + "-ecs-task-execution")),
                "region", obj("sensitive", false, "type", "string", "value", region));
    }

    TreeMap<String, Object> outputChanges() {
        TreeMap<String, Object> changes = new TreeMap<>();
        TreeMap<String, Object> planned = plannedOutputs();
        for (Map.Entry<String, Object> e : planned.entrySet()) {
            Object value = ((Map<?, ?>) e.getValue()).get("value");
            changes.put(e.getKey(), ordered("actions", list("no-op"), "before", value, "after", value,
                    "after_unknown", false, "before_sensitive", false, "after_sensitive", false));
        }
        return changes;
    }

    TreeMap<String, Object> providerConfig() {
        LinkedHashMap<String, Object> aws = ordered("name", "aws", "full_name", PROVIDER,
                "version_constraint", "~> 5.60",
                "expressions", obj("default_tags", list(obj("tags", cv(defaultTags))),
                        "region", refs("var.region")));
        return obj("aws", aws);
    }

    ModDef rootModule() {
        ModDef m = new ModDef(".");
        m.add(new ResDef("aws_caller_identity", "current", obj(), (i, k, r) -> {
            Vals v = new Vals(obj("account_id", account, "arn", "arn:aws:sts::" + account
                    + ":assumed-role/terraform-ci/GitHubActions", "id", account, "user_id", "AROA" + r.upper(17)
                    + ":GitHubActions"));
            return v;
        }).data());
        m.add(new ResDef("aws_region", "current", obj(), (i, k, r) -> new Vals(obj("description",
                "Europe (Ireland)", "endpoint", "ec2." + region + ".amazonaws.com", "id", region, "name", region))).data());
        m.add(new ResDef("aws_ecr_repository", "service", obj("image_scanning_configuration",
                list(obj("scan_on_push", cv(true))), "image_tag_mutability", cv("IMMUTABLE"), "name",
                refs("each.key")), (i, k, r) -> {
            String name = "acme/" + k;
            TreeMap<String, Object> v = obj("arn", "arn:aws:ecr:" + region + ":" + account + ":repository/" + name,
                    "encryption_configuration", list(obj("encryption_type", "AES256", "kms_key", "")),
                    "force_delete", null, "id", name, "image_scanning_configuration", list(obj("scan_on_push", true)),
                    "image_tag_mutability", "IMMUTABLE", "name", name, "registry_id", account,
                    "repository_url", account + ".dkr.ecr." + region + ".amazonaws.com/" + name, "timeouts", null);
            putTags(v, tags(name));
            Vals vals = new Vals(v, "arn", "id", "registry_id", "repository_url");
            vals.neverChanges = true;
            return vals;
        }).forEach(opt.small() ? ecrRepos.subList(0, 1) : ecrRepos, refs("local.repositories")));
        return m;
    }

    // ---------------------------------------------------------------- unit names (sorted, letters and '_' only)

    /**
     * Unit names come out in increasing string order and never contain a digit, so that every unit's
     * addresses ("module.NAME." / "module.NAME[") form one contiguous block in terraform's address sort.
     */
    static final class UnitNames {
        static final List<String> A = List.of("analytics", "archive", "audit", "auth", "backoffice", "billing",
                "booking", "catalog", "checkout", "claims", "content", "crm", "data", "delivery", "edge", "events",
                "fleet", "fraud", "gateway", "identity", "inventory", "ledger", "logistics", "loyalty", "media",
                "messaging", "metrics", "mobile", "notify", "orders", "partner", "payments", "pricing", "profile",
                "quotes", "reporting", "returns", "risk", "search", "shipping", "storefront", "support", "tax",
                "ticketing", "warehouse");
        static final List<String> B = List.of("api", "app", "batch", "cache", "core", "db", "dns", "etl", "hub",
                "jobs", "lake", "mesh", "net", "ops", "platform", "portal", "queue", "store", "stream", "sync", "web");
        static final List<String> C = List.of("", "_blue", "_east", "_green", "_legacy", "_next", "_west");
        final List<String> all = new ArrayList<>();
        final Rnd rnd;
        final double take;
        int pos;
        String last;
        int overflow;

        UnitNames(Rnd rnd, long size) {
            this.rnd = rnd;
            for (String a : A) {
                for (String b : B) {
                    for (String c : C) {
                        all.add(a + "_" + b + c);
                    }
                }
            }
            all.sort(null);
            double expectedUnits = Math.max(4, size / (300_000.0 * Math.max(0.1, Math.min(1.0, size / 8_000_000.0))));
            take = Math.min(1.0, expectedUnits * 1.3 / all.size());
        }

        String next() {
            while (pos < all.size()) {
                String n = all.get(pos++);
                if (rnd.chance(take)) {
                    last = n;
                    return n;
                }
            }
            // ran out: continue after the last name with fixed-width letter suffixes (still sorted)
            int k = overflow++;
            char[] s = {(char) ('a' + (k / 676) % 26), (char) ('a' + (k / 26) % 26), (char) ('a' + k % 26)};
            return (last == null ? "zone" : last) + "_x" + new String(s);
        }
    }

    // ---------------------------------------------------------------- IAM helpers

    static final String EXEC_MANAGED = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy";
    static final List<String> TASK_MANAGED = List.of("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess",
            "arn:aws:iam::aws:policy/AmazonSQSFullAccess", "arn:aws:iam::aws:policy/CloudWatchAgentServerPolicy",
            "arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess", "arn:aws:iam::aws:policy/AWSXRayDaemonWriteAccess",
            "arn:aws:iam::aws:policy/AmazonSSMReadOnlyAccess", "arn:aws:iam::aws:policy/SecretsManagerReadWrite",
            "arn:aws:iam::aws:policy/AmazonS3FullAccess");

    /** A policy statement as data: used to render data-source statements, jsonencode output and state JSON. */
    record Stmt(String sid, String effect, List<String> actions, List<String> resources, String principalType,
                List<String> principals, String condTest, String condVar, List<String> condValues) {}

    static Stmt allow(String sid, List<String> actions, List<String> resources) {
        return new Stmt(sid, "Allow", actions, resources, null, null, null, null, null);
    }

    Stmt ecsTrust(boolean withCondition) {
        if (withCondition) {
            return new Stmt("EcsTasksAssume", "Allow", List.of("sts:AssumeRole"), null, "Service",
                    List.of("ecs-tasks.amazonaws.com"), "StringEquals", "aws:SourceAccount", List.of(account));
        }
        return new Stmt("", "Allow", List.of("sts:AssumeRole"), null, "Service", List.of("ecs-tasks.amazonaws.com"),
                null, null, null);
    }

    /** Policy JSON as jsonencode + the provider write it for new resources: minified, keys sorted. */
    static String policySorted(List<Stmt> stmts) {
        List<Object> s = new ArrayList<>();
        for (Stmt st : stmts) {
            TreeMap<String, Object> m = obj("Effect", st.effect(), "Action", oneOrMany(st.actions()));
            if (st.sid() != null && !st.sid().isEmpty()) {
                m.put("Sid", st.sid());
            }
            if (st.resources() != null) {
                m.put("Resource", oneOrMany(st.resources()));
            }
            if (st.principalType() != null) {
                m.put("Principal", obj(st.principalType(), oneOrMany(st.principals())));
            }
            if (st.condTest() != null) {
                m.put("Condition", obj(st.condTest(), obj(st.condVar(), oneOrMany(st.condValues()))));
            }
            s.add(m);
        }
        return json(obj("Statement", s, "Version", "2012-10-17"));
    }

    /** Policy JSON in document order (Version, Statement; Sid, Effect, Action, Resource), as read back from AWS. */
    static Object policyOrderedTree(List<Stmt> stmts) {
        List<Object> s = new ArrayList<>();
        for (Stmt st : stmts) {
            LinkedHashMap<String, Object> m = new LinkedHashMap<>();
            if (st.sid() != null) {
                m.put("Sid", st.sid());
            }
            m.put("Effect", st.effect());
            if (st.principalType() != null) {
                m.put("Principal", ordered(st.principalType(), oneOrMany(st.principals())));
            }
            m.put("Action", oneOrMany(st.actions()));
            if (st.resources() != null) {
                m.put("Resource", oneOrMany(st.resources()));
            }
            if (st.condTest() != null) {
                m.put("Condition", ordered(st.condTest(), ordered(st.condVar(), oneOrMany(st.condValues()))));
            }
            s.add(m);
        }
        return ordered("Version", "2012-10-17", "Statement", s);
    }

    static Object oneOrMany(List<String> l) {
        return l.size() == 1 ? l.get(0) : new ArrayList<Object>(l);
    }

    /** aws_iam_policy_document "statement" blocks, as the data source stores them. */
    static List<Object> docStatements(List<Stmt> stmts, boolean unknownResources) {
        List<Object> out = new ArrayList<>();
        for (Stmt st : stmts) {
            List<Object> principals = new ArrayList<>();
            if (st.principalType() != null) {
                principals.add(obj("identifiers", new ArrayList<Object>(st.principals()), "type", st.principalType()));
            }
            List<Object> conditions = new ArrayList<>();
            if (st.condTest() != null) {
                conditions.add(obj("test", st.condTest(), "values", new ArrayList<Object>(st.condValues()),
                        "variable", st.condVar()));
            }
            Object resources;
            if (st.resources() == null) {
                resources = null;
            } else if (unknownResources) {
                List<Object> rs = new ArrayList<>();
                for (int i = 0; i < st.resources().size(); i++) {
                    rs.add(i == 0 ? Unk.STR : st.resources().get(i));
                }
                resources = rs;
            } else {
                resources = new ArrayList<Object>(st.resources());
            }
            out.add(obj("actions", new ArrayList<Object>(st.actions()), "condition", conditions, "effect", st.effect(),
                    "not_actions", null, "not_principals", list(), "not_resources", null, "principals", principals,
                    "resources", resources, "sid", st.sid() == null ? "" : st.sid()));
        }
        return out;
    }

    /** Config expressions of an aws_iam_policy_document: statement blocks with constants and references. */
    static TreeMap<String, Object> docExprs(List<Stmt> stmts, Object resourcesExpr) {
        List<Object> blocks = new ArrayList<>();
        for (Stmt st : stmts) {
            TreeMap<String, Object> b = obj("actions", cv(new ArrayList<Object>(st.actions())), "effect", cv(st.effect()));
            if (st.sid() != null && !st.sid().isEmpty()) {
                b.put("sid", cv(st.sid()));
            }
            if (st.resources() != null) {
                b.put("resources", resourcesExpr != null ? resourcesExpr : cv(new ArrayList<Object>(st.resources())));
            }
            if (st.principalType() != null) {
                b.put("principals", list(obj("identifiers", cv(new ArrayList<Object>(st.principals())),
                        "type", cv(st.principalType()))));
            }
            if (st.condTest() != null) {
                b.put("condition", list(obj("test", cv(st.condTest()), "values", refs("var.account_id"),
                        "variable", cv(st.condVar()))));
            }
            blocks.add(b);
        }
        return obj("statement", blocks);
    }

    /** A readable aws_iam_policy_document (prior_state only) or one read during apply (resource_changes "read"). */
    Vals policyDocument(List<Stmt> stmts, Rnd r, String readReason) {
        Object tree = policyOrderedTree(stmts);
        String pretty = prettyJson(tree);
        TreeMap<String, Object> v = obj("id", String.valueOf(1_000_000_000L + r.nextInt(2_000_000_000)), "json", pretty,
                "minified_json", json(tree), "override_policy_documents", null, "policy_id", null,
                "source_policy_documents", null, "statement", docStatements(stmts, false), "version", "2012-10-17");
        Vals vals = new Vals(v);
        if (readReason != null) {
            vals.readReason = readReason;
            boolean configUnknown = "read_because_config_unknown".equals(readReason);
            vals.readAfter = obj("id", Unk.STR, "json", Unk.STR, "minified_json", Unk.STR,
                    "override_policy_documents", null, "policy_id", null, "source_policy_documents", null,
                    "statement", docStatements(stmts, configUnknown), "version", "2012-10-17");
        }
        return vals;
    }

    TreeMap<String, Object> roleValues(String name, String description, String assumePolicy,
                                       List<Object> inline, List<Object> managed, Rnd r) {
        TreeMap<String, Object> v = obj("arn", roleArn(name), "assume_role_policy", assumePolicy,
                "create_date", isoTime(r), "description", description, "force_detach_policies", false,
                "id", name, "inline_policy", inline, "managed_policy_arns", managed,
                "max_session_duration", 3600, "name", name, "name_prefix", "", "path", "/",
                "permissions_boundary", null, "unique_id", "AROA" + r.upper(17));
        putTags(v, tags(name));
        return v;
    }

    /** Role values: existing roles show inline and managed policies read from AWS; new ones have them unknown. */
    Vals role(Inst m, String name, String description, List<Stmt> trust, List<Object> inlineFromAws,
              List<Object> managedFromAws, List<Object> configuredInline, Rnd r) {
        String assume = m.life == Life.NEW ? policySorted(trust) : json(policyOrderedTree(trust));
        List<Object> inline = new ArrayList<>(inlineFromAws);
        if (configuredInline != null) {
            inline.addAll(configuredInline);
        }
        if (inline.isEmpty()) {
            inline.add(obj("name", "", "policy", ""));
        }
        TreeMap<String, Object> v = roleValues(name, description, assume, inline, managedFromAws, r);
        Vals vals = new Vals(v, "arn", "create_date", "id", "unique_id").map("tags_all");
        if (configuredInline == null) {
            vals.computed.put("inline_policy", Unk.LIST);
        } else {
            vals.v.put("inline_policy", new ArrayList<>(configuredInline));
        }
        vals.computed.put("managed_policy_arns", Unk.LIST);
        vals.forceNew("name", name + "-v2");
        vals.neverChanges = true; // role ARNs stay stable across the plan; churn comes from other types
        return vals;
    }

    // ---------------------------------------------------------------- account baseline unit (shared roles)

    CallDef baselineUnit(String name) {
        ModDef m = new ModDef("./modules/account-baseline");
        String execName = env + "-ecs-task-execution";
        List<Stmt> trust = List.of(ecsTrust(false));
        m.add(new ResDef("aws_iam_policy_document", "ecs_tasks_assume", docExprs(trust, null),
                (i, k, r) -> policyDocument(trust, r, null)).data());
        m.add(new ResDef("aws_iam_role", "ecs_task_execution", obj("assume_role_policy",
                attrRef("data.aws_iam_policy_document.ecs_tasks_assume", "json"), "name",
                refs("var.execution_role_name")), (i, k, r) -> role(i, execName,
                "Shared ECS task execution role", trust, list(), list(EXEC_MANAGED), null, r)));
        m.add(new ResDef("aws_iam_role_policy_attachment", "ecs_task_execution", obj("policy_arn", cv(EXEC_MANAGED),
                "role", attrRef("aws_iam_role.ecs_task_execution", "name")), (i, k, r) -> {
            Vals v = new Vals(obj("id", execName + "-" + r.digits(20), "policy_arn", EXEC_MANAGED, "role", execName), "id");
            v.neverChanges = true;
            return v;
        }));
        if (opt.small()) {
            return baselineCall(name, m, execName);
        }
        List<Stmt> ciStmts = List.of(allow("Deploy", list("ecs:*", "ecr:*", "iam:PassRole"), list("*")),
                allow("State", list("s3:*"), list("*")));
        String ciName = env + "-ci-deploy";
        List<Stmt> ciTrust = List.of(new Stmt("", "Allow", List.of("sts:AssumeRoleWithWebIdentity"), null,
                "Federated", List.of("arn:aws:iam::" + account + ":oidc-provider/token.actions.githubusercontent.com"),
                "StringLike", "token.actions.githubusercontent.com:sub", List.of("repo:acme/*")));
        m.add(new ResDef("aws_iam_role", "ci_deploy", obj("assume_role_policy", fnExpr(), "name", cv(ciName)),
                (i, k, r) -> role(i, ciName, "GitHub Actions deploy role", ciTrust, list(),
                        list("arn:aws:iam::" + account + ":policy/" + ciName), null, r)));
        m.add(new ResDef("aws_iam_policy", "ci_deploy", obj("name", cv(ciName), "policy", fnExpr()),
                (i, k, r) -> managedPolicy(i, ciName, ciStmts, r)));
        m.add(new ResDef("aws_iam_role_policy_attachment", "ci_deploy", obj("policy_arn",
                attrRef("aws_iam_policy.ci_deploy", "arn"), "role", attrRef("aws_iam_role.ci_deploy", "name")),
                (i, k, r) -> attachment(i, ciName, "arn:aws:iam::" + account + ":policy/" + ciName, false, r)));
        return baselineCall(name, m, execName);
    }

    CallDef baselineCall(String name, ModDef m, String execName) {
        m.variable("execution_role_name", null, execName, true, false);
        m.output("ecs_task_execution_role_arn", attrRef("aws_iam_role.ecs_task_execution", "arn"),
                "ARN of the shared ECS task execution role");
        m.output("ecs_task_execution_role_name", attrRef("aws_iam_role.ecs_task_execution", "name"), null);
        CallDef call = new CallDef(name, m);
        call.hook = inst -> inst.life = Life.EXISTING;
        return call;
    }

    Vals managedPolicy(Inst m, String name, List<Stmt> stmts, Rnd r) {
        String arn = "arn:aws:iam::" + account + ":policy/" + name;
        String doc = m.life == Life.NEW ? policySorted(stmts) : json(policyOrderedTree(stmts));
        TreeMap<String, Object> v = obj("arn", arn, "attachment_count", 1, "description", "", "id", arn, "name", name,
                "name_prefix", "", "path", "/", "policy", doc, "policy_id", "ANPA" + r.upper(17));
        putTags(v, null);
        Vals vals = new Vals(v, "arn", "attachment_count", "id", "policy_id").map("tags_all");
        vals.neverChanges = true;
        return vals;
    }

    /** A role policy attachment; with a new customer policy the policy_arn is unknown (linked by reference). */
    Vals attachment(Inst m, String roleName, String policyArn, boolean policyIsNew, Rnd r) {
        TreeMap<String, Object> v = obj("id", roleName + "-" + r.digits(20), "policy_arn", policyArn, "role", roleName);
        Vals vals = new Vals(v, "id");
        if (policyIsNew) {
            vals.computed.put("policy_arn", Unk.STR);
        }
        vals.neverChanges = true;
        return vals;
    }

    // ---------------------------------------------------------------- ECS unit

    static final List<String> SERVICES = List.of("api", "auth", "billing", "frontend", "ingest", "notifier",
            "payments", "reports", "scheduler", "search", "worker");

    enum ExecVia { BASELINE, PLATFORM }

    enum TaskVia { ROLES, SHARED, OWN, EXTERNAL, NONE }

    record Svc(String name, ExecVia exec, TaskVia task, String taskRoleKey, int containers, boolean usesDbPassword,
               int count, String policyStyle) {}

    CallDef ecsUnit(String unit, Rnd ur) {
        boolean small = opt.small();
        int nServices = small ? 4 : ur.between(2, 4);
        List<String> pool = new ArrayList<>(SERVICES);
        List<Svc> svcs = new ArrayList<>();
        String lastRoleKey = null;
        for (int i = 0; i < nServices; i++) {
            String s = pool.remove(ur.nextInt(pool.size()));
            ExecVia exec = ur.chance(0.45) ? ExecVia.BASELINE : ExecVia.PLATFORM;
            TaskVia task;
            double t = ur.r.nextDouble();
            if (i == 0) {
                task = ur.chance(0.5) ? TaskVia.ROLES : TaskVia.OWN;
            } else if (t < 0.35) {
                task = TaskVia.ROLES;
            } else if (t < 0.50 && lastRoleKey != null) {
                task = TaskVia.SHARED;
            } else if (t < 0.80) {
                task = TaskVia.OWN;
            } else if (t < 0.92) {
                task = TaskVia.EXTERNAL;
            } else {
                task = TaskVia.NONE;
            }
            if (small && i == 1) {
                task = TaskVia.SHARED;
                exec = ExecVia.BASELINE;
            }
            if (small && i == 2) {
                task = TaskVia.EXTERNAL;
            }
            String roleKey = switch (task) {
                case ROLES -> s;
                case SHARED -> lastRoleKey;
                default -> null;
            };
            if (task == TaskVia.ROLES) {
                lastRoleKey = s;
            }
            if (task == TaskVia.SHARED && lastRoleKey == null) {
                task = TaskVia.OWN;
            }
            String style = ur.pick("customer", "customer", "managed", "inline", "bad");
            int count = ("worker".equals(s) || "ingest".equals(s) || ur.chance(0.15)) ? 2 : 0;
            svcs.add(new Svc(s, exec, task, roleKey, ur.between(1, 4), ur.chance(0.3), count, style));
        }
        if (small) {
            // every linking shape once: role from a sibling module (used by two services, one with count),
            // own role in the service module, an external literal ARN
            String first = svcs.get(0).name();
            svcs.set(0, new Svc(first, ExecVia.PLATFORM, TaskVia.ROLES, first, 2, true, 0, "customer"));
            svcs.set(1, new Svc(svcs.get(1).name(), ExecVia.BASELINE, TaskVia.SHARED, first, 1, false, 2, "inline"));
            svcs.set(2, new Svc(svcs.get(2).name(), ExecVia.PLATFORM, TaskVia.OWN, null, 1, false, 0, "bad"));
            svcs.set(3, new Svc(svcs.get(3).name(), ExecVia.BASELINE, TaskVia.EXTERNAL, null, 1, false, 0, "managed"));
        }

        ModDef platform = new ModDef("./modules/ecs-platform");
        platform.variable("account_id", null, null, false, false);
        platform.variable("cluster_key", "Instance key of this platform", null, false, false);
        platform.variable("db_password", null, null, false, true);
        platform.variable("environment", null, null, false, false);
        platform.variable("execution_role_arn", "Shared execution role from the account baseline", null, false, false);
        platform.variable("image_tag", null, null, false, false);
        platform.variable("log_retention_days", null, 30, true, false);

        platform.add(new ResDef("aws_ecs_cluster", "this", obj("name", refs("var.environment", "var.cluster_key"),
                "setting", list(obj("name", cv("containerInsights"), "value", cv("enabled")))), (i, k, r) -> {
            String cluster = i.get("cluster");
            TreeMap<String, Object> v = obj("arn", "arn:aws:ecs:" + region + ":" + account + ":cluster/" + cluster,
                    "configuration", list(), "id", "arn:aws:ecs:" + region + ":" + account + ":cluster/" + cluster,
                    "name", cluster, "service_connect_defaults", list(),
                    "setting", list(obj("name", "containerInsights", "value", "enabled")));
            putTags(v, tags(cluster));
            return new Vals(v, "arn", "id").map("tags_all");
        }));
        platform.add(new ResDef("aws_cloudwatch_log_group", "ecs", obj("name", refs("var.environment",
                "var.cluster_key"), "retention_in_days", refs("var.log_retention_days")), (i, k, r) -> {
            String cluster = i.get("cluster");
            TreeMap<String, Object> v = obj("arn", "arn:aws:logs:" + region + ":" + account + ":log-group:/ecs/" + cluster,
                    "id", "/ecs/" + cluster, "kms_key_id", "", "log_group_class", "STANDARD", "name", "/ecs/" + cluster,
                    "name_prefix", "", "retention_in_days", 30, "skip_destroy", false);
            putTags(v, tags("/ecs/" + cluster));
            return new Vals(v, "arn", "id").map("tags_all");
        }));

        ModDef roles = rolesModule(svcs);
        CallDef rolesCall = new CallDef("roles", roles).expr("account_id", refs("var.account_id"))
                .expr("name_prefix", refs("var.environment", "var.cluster_key"));
        platform.calls.put("roles", rolesCall);
        for (Svc s : svcs) {
            CallDef sc = new CallDef("svc_" + s.name(), serviceModule(s));
            sc.expr("cluster_arn", attrRef("aws_ecs_cluster.this", "arn"));
            sc.expr("execution_role_arn", s.exec() == ExecVia.BASELINE ? refs("var.execution_role_arn")
                    : refs("module.roles.execution_role_arn", "module.roles"));
            switch (s.task()) {
                case ROLES, SHARED -> sc.expr("task_role_arn", refs("module.roles." + s.taskRoleKey() + "_task_role_arn",
                        "module.roles"));
                case EXTERNAL -> sc.expr("task_role_arn", cv(externalRoleArn(s)));
                default -> {
                }
            }
            sc.expr("image_tag", refs("var.image_tag"));
            sc.expr("log_group_name", attrRef("aws_cloudwatch_log_group.ecs", "name"));
            sc.expr("name", cv(s.name()));
            if (s.usesDbPassword()) {
                sc.expr("db_password", refs("var.db_password"));
            }
            if (s.count() > 0) {
                sc.count(s.count(), cv(s.count()));
            }
            platform.calls.put(sc.name, sc);
        }

        CallDef call = new CallDef(unit, platform);
        int shape = small ? 0 : ur.nextInt(4);
        switch (shape) {
            case 0 -> call.forEach(List.of("primary"), refs("local.clusters"));
            case 1 -> call.forEach(List.of("blue", "green"), refs("local.clusters"));
            case 2 -> call.count(2, cv(2));
            default -> { }
        }
        call.expr("cluster_key", call.forEachExpr != null ? refs("each.key") : call.countExpr != null
                ? refs("count.index") : cv("main"));
        call.expr("account_id", attrRef("data.aws_caller_identity.current", "account_id"));
        call.expr("db_password", refs("var.db_password"));
        call.expr("environment", refs("var.environment"));
        call.expr("execution_role_arn", refs("module.account_baseline.ecs_task_execution_role_arn",
                "module.account_baseline"));
        call.expr("image_tag", refs("var.image_tag"));
        boolean firstEcs = stats.ecsUnits == 1;
        call.hook = inst -> {
            Rnd lr = new Rnd(mix(opt.seed(), inst.address + "#life"));
            boolean isFirstInstance = inst.key == null || Integer.valueOf(0).equals(inst.key)
                    || "primary".equals(inst.key) || "blue".equals(inst.key);
            inst.life = (firstEcs && isFirstInstance) || lr.chance(0.4) ? Life.NEW : Life.EXISTING;
            String key = inst.key == null ? "main" : String.valueOf(inst.key);
            inst.scen.put("cluster", env + "-" + dashed(unit) + "-" + key);
        };
        return call;
    }

    String externalRoleArn(Svc s) {
        return "arn:aws:iam::" + externalAccount + ":role/legacy-" + s.name() + "-task";
    }

    List<Stmt> taskStatements(String service, String style, Rnd r) {
        String bucket = "acme-" + env + "-" + service + "-" + r.hex(6);
        List<Stmt> l = new ArrayList<>();
        if ("bad".equals(style)) {
            switch (r.nextInt(3)) {
                case 0 -> l.add(allow("S3Everything", list("s3:*"), list("*")));
                case 1 -> l.add(allow("Admin", list("*"), list("*")));
                default -> l.add(allow("PassAnything", list("iam:PassRole", "sts:AssumeRole"), list("*")));
            }
        }
        l.add(allow("ReadBucket", list("s3:GetObject", "s3:ListBucket"), list("arn:aws:s3:::" + bucket,
                "arn:aws:s3:::" + bucket + "/*")));
        if (r.chance(0.6)) {
            l.add(allow("Queue", list("sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes"),
                    list("arn:aws:sqs:" + region + ":" + account + ":" + env + "-" + service)));
        }
        if (r.chance(0.4)) {
            l.add(allow("Table", list("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"),
                    list("arn:aws:dynamodb:" + region + ":" + account + ":table/" + env + "-" + service)));
        }
        return l;
    }

    ModDef rolesModule(List<Svc> svcs) {
        ModDef m = new ModDef("../ecs-roles");
        m.variable("account_id", null, null, false, false);
        m.variable("name_prefix", "Prefix of role names", null, false, false);
        List<Stmt> trust = List.of(ecsTrust(true));
        m.add(new ResDef("aws_iam_policy_document", "ecs_tasks_assume", docExprs(trust, null),
                (i, k, r) -> policyDocument(trust, r, null)).data());
        m.add(new ResDef("aws_iam_role", "execution", obj("assume_role_policy",
                attrRef("data.aws_iam_policy_document.ecs_tasks_assume", "json"), "name", refs("var.name_prefix")),
                (i, k, r) -> {
                    String name = i.get("cluster") + "-execution";
                    List<Object> inline = list(obj("name", "secrets", "policy", json(policyOrderedTree(execSecrets(i))))); 
                    return role(i, name, "", trust, inline, list(EXEC_MANAGED), null, r);
                }));
        m.add(new ResDef("aws_iam_role_policy_attachment", "execution", obj("policy_arn", cv(EXEC_MANAGED), "role",
                attrRef("aws_iam_role.execution", "name")), (i, k, r) -> attachment(i, i.get("cluster") + "-execution",
                EXEC_MANAGED, false, r)));
        m.add(new ResDef("aws_iam_role_policy", "execution_secrets", obj("name", cv("secrets"), "policy", fnExpr(),
                "role", attrRef("aws_iam_role.execution", "id")), (i, k, r) -> {
            String roleName = i.get("cluster") + "-execution";
            String doc = i.life == Life.NEW ? policySorted(execSecrets(i)) : json(policyOrderedTree(execSecrets(i)));
            Vals v = new Vals(obj("id", roleName + ":secrets", "name", "secrets", "name_prefix", "", "policy", doc,
                    "role", roleName), "id");
            v.neverChanges = true;
            return v;
        }));
        m.output("execution_role_arn", attrRef("aws_iam_role.execution", "arn"), "ARN of the platform execution role");
        for (Svc s : svcs) {
            if (s.task() != TaskVia.ROLES) {
                continue;
            }
            String rn = s.name() + "_task";
            String style = s.policyStyle();
            boolean inlineBlocks = "inline".equals(style);
            TreeMap<String, Object> roleExprs = obj("assume_role_policy",
                    attrRef("data.aws_iam_policy_document.ecs_tasks_assume", "json"),
                    "name", refs("var.name_prefix"));
            if (inlineBlocks) {
                roleExprs.put("inline_policy", list(obj("name", cv(s.name() + "-inline"), "policy", fnExpr())));
            }
            m.add(new ResDef("aws_iam_role", rn, roleExprs, (i, k, r) -> {
                String name = i.get("cluster") + "-" + s.name() + "-task";
                List<Stmt> stmts = taskStatements(s.name(), style, new Rnd(mix(opt.seed(), i.address + rn)));
                List<Object> managed = list();
                List<Object> inlineAws = list();
                List<Object> cfgInline = null;
                switch (style) {
                    case "customer", "bad" -> managed.add("arn:aws:iam::" + account + ":policy/" + name);
                    case "managed" -> managed.add(managedFor(s));
                    default -> cfgInline = list(obj("name", s.name() + "-inline", "policy",
                            i.life == Life.NEW ? policySorted(stmts) : json(policyOrderedTree(stmts))));
                }
                return role(i, name, "Task role of " + s.name(), trust, inlineAws, managed, cfgInline, r);
            }));
            switch (style) {
                case "customer", "bad" -> {
                    m.add(new ResDef("aws_iam_policy", rn, obj("name", refs("var.name_prefix"), "policy", fnExpr()),
                            (i, k, r) -> managedPolicy(i, i.get("cluster") + "-" + s.name() + "-task",
                                    taskStatements(s.name(), style, new Rnd(mix(opt.seed(), i.address + rn))), r)));
                    m.add(new ResDef("aws_iam_role_policy_attachment", rn, obj("policy_arn",
                            attrRef("aws_iam_policy." + rn, "arn"), "role", attrRef("aws_iam_role." + rn, "name")),
                            (i, k, r) -> {
                                String name = i.get("cluster") + "-" + s.name() + "-task";
                                return attachment(i, name, "arn:aws:iam::" + account + ":policy/" + name,
                                        i.life == Life.NEW, r);
                            }));
                }
                case "managed" -> m.add(new ResDef("aws_iam_role_policy_attachment", rn, obj("policy_arn",
                        cv(managedFor(s)), "role", attrRef("aws_iam_role." + rn, "name")),
                        (i, k, r) -> attachment(i, i.get("cluster") + "-" + s.name() + "-task", managedFor(s), false, r)));
                default -> {
                }
            }
            m.output(s.name() + "_task_role_arn", attrRef("aws_iam_role." + rn, "arn"), "Task role of " + s.name());
        }
        return m;
    }

    String managedFor(Svc s) {
        return TASK_MANAGED.get(Math.floorMod(s.name().hashCode(), TASK_MANAGED.size()));
    }

    List<Stmt> execSecrets(Inst i) {
        String cluster = i.get("cluster");
        return List.of(allow("ReadSecrets", list("secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt"),
                list("arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + cluster + "/*",
                        "arn:aws:ssm:" + region + ":" + account + ":parameter/" + cluster + "/*")));
    }

    ModDef serviceModule(Svc s) {
        ModDef m = new ModDef("../ecs-service");
        m.variable("cluster_arn", null, null, false, false);
        if (s.usesDbPassword()) {
            m.variable("db_password", null, null, false, true);
        }
        m.variable("desired_count", null, 2, true, false);
        m.variable("execution_role_arn", "Role the ECS agent uses to pull images and read secrets", null, false, false);
        m.variable("image_tag", null, null, false, false);
        m.variable("log_group_name", null, null, false, false);
        m.variable("name", null, null, false, false);
        m.variable("task_role_arn", "Role the containers run as", null, true, false);

        String taskRoleRes = s.task() == TaskVia.OWN ? "aws_iam_role.task" : null;
        TreeMap<String, Object> tdExprs = obj("container_definitions", s.usesDbPassword()
                        ? refs("var.db_password", "var.image_tag", "var.log_group_name", "var.name") : fnExpr(),
                "cpu", cv("512"), "execution_role_arn", refs("var.execution_role_arn"),
                "family", refs("var.name"), "memory", cv("1024"), "network_mode", cv("awsvpc"),
                "requires_compatibilities", cv(list("FARGATE")),
                "runtime_platform", list(obj("cpu_architecture", cv("X86_64"), "operating_system_family", cv("LINUX"))));
        if (taskRoleRes != null) {
            tdExprs.put("task_role_arn", attrRef(taskRoleRes, "arn"));
        } else if (s.task() != TaskVia.NONE) {
            tdExprs.put("task_role_arn", refs("var.task_role_arn"));
        }
        m.add(new ResDef("aws_ecs_task_definition", "this", tdExprs, (i, k, r) -> taskDefinition(i, s, r)).schema(1));
        if (s.task() == TaskVia.OWN) {
            List<Stmt> trust = List.of(ecsTrust(false));
            m.add(new ResDef("aws_iam_policy_document", "assume", docExprs(trust, null),
                    (i, k, r) -> policyDocument(trust, r, null)).data());
            m.add(new ResDef("aws_iam_policy_document", "task", docExprs(taskStatements(s.name(), s.policyStyle(),
                    new Rnd(0)), refs("local.bucket_arns")), (i, k, r) -> policyDocument(ownStatements(i, s), r,
                    i.life == Life.NEW ? "read_because_dependency_pending" : null)).data().dependsOn("aws_iam_role.task"));
            m.add(new ResDef("aws_iam_role", "task", obj("assume_role_policy",
                    attrRef("data.aws_iam_policy_document.assume", "json"), "name", refs("var.name")),
                    (i, k, r) -> role(i, i.get("cluster") + "-" + s.name() + taskSuffix(i) + "-task", "", trust,
                            list(obj("name", "permissions", "policy", json(policyOrderedTree(ownStatements(i, s))))),
                            list(), null, r)));
            m.add(new ResDef("aws_iam_role_policy", "task", obj("name", cv("permissions"), "policy",
                    attrRef("data.aws_iam_policy_document.task", "json"), "role", attrRef("aws_iam_role.task", "id")),
                    (i, k, r) -> {
                        String roleName = i.get("cluster") + "-" + s.name() + taskSuffix(i) + "-task";
                        List<Stmt> st = ownStatements(i, s);
                        Vals v = new Vals(obj("id", roleName + ":permissions", "name", "permissions", "name_prefix", "",
                                "policy", json(policyOrderedTree(st)), "role", roleName), "id");
                        if (i.life == Life.NEW) {
                            v.computed.put("policy", Unk.STR);
                        }
                        v.neverChanges = true;
                        return v;
                    }).dependsOn("aws_iam_role.task", "data.aws_iam_policy_document.task"));
        }
        if (opt.small()) {
            return m; // the small preset keeps only what linking needs
        }
        m.add(new ResDef("aws_ecs_service", "this", obj("cluster", refs("var.cluster_arn"), "desired_count",
                refs("var.desired_count"), "launch_type", cv("FARGATE"), "name", refs("var.name"),
                "network_configuration", list(obj("assign_public_ip", cv(false), "security_groups", fnExpr(),
                        "subnets", fnExpr())), "task_definition", attrRef("aws_ecs_task_definition.this", "arn")),
                (i, k, r) -> ecsService(i, s, r)));
        return m;
    }

    static String taskSuffix(Inst i) {
        return i.key == null ? "" : "-" + i.key;
    }

    List<Stmt> ownStatements(Inst i, Svc s) {
        return taskStatements(s.name(), s.policyStyle(), new Rnd(mix(opt.seed(), i.address + "#own")));
    }

    Vals taskDefinition(Inst i, Svc s, Rnd r) {
        String cluster = i.get("cluster");
        String family = cluster + "-" + s.name() + taskSuffix(i);
        Inst platform = i.parent;
        boolean platformNew = platform.life == Life.NEW;
        Object exec = s.exec() == ExecVia.BASELINE ? roleArn(env + "-ecs-task-execution")
                : platformNew ? Unk.STR : roleArn(cluster + "-execution");
        Object task = switch (s.task()) {
            case ROLES, SHARED -> platformNew ? Unk.STR : roleArn(cluster + "-" + s.taskRoleKey() + "-task");
            case OWN -> i.life == Life.NEW ? Unk.STR : roleArn(family + "-task");
            case EXTERNAL -> externalRoleArn(s);
            case NONE -> null;
        };
        String containers = containerDefinitions(i, s, family, imageTag, r);
        int revision = revisionOf(family);
        TreeMap<String, Object> v = obj("arn", "arn:aws:ecs:" + region + ":" + account + ":task-definition/" + family + ":"
                        + revision, "arn_without_revision", "arn:aws:ecs:" + region + ":" + account
                        + ":task-definition/" + family,
                "container_definitions", s.usesDbPassword() ? new Sens(containers) : containers,
                "cpu", "512", "ephemeral_storage", list(), "execution_role_arn", exec, "family", family, "id", family,
                "inference_accelerator", list(), "ipc_mode", null, "memory", "1024", "network_mode", "awsvpc",
                "pid_mode", null, "placement_constraints", list(), "proxy_configuration", list(),
                "requires_compatibilities", list("FARGATE"), "revision", revision,
                "runtime_platform", list(obj("cpu_architecture", "X86_64", "operating_system_family", "LINUX")),
                "skip_destroy", false, "task_role_arn", task, "track_latest", false, "volume", list());
        putTags(v, tags(family, "Service", s.name()));
        Vals vals = new Vals(v, "arn", "arn_without_revision", "id", "revision").map("tags_all");
        String newContainers = containerDefinitions(i, s, family, imageTag + "-hotfix", new Rnd(mix(opt.seed(),
                i.address + "#td")));
        vals.forceNew("container_definitions", s.usesDbPassword() ? new Sens(newContainers) : newContainers);
        return vals;
    }

    /** The task definition's current revision, so the service's task_definition ARN matches it. */
    int revisionOf(String family) {
        return 3 + (int) Math.floorMod(mix(opt.seed(), family), 88L);
    }

    static final List<String> SECRET_NAMES = List.of("DATABASE_URL", "STRIPE_API_KEY", "JWT_SIGNING_KEY",
            "REDIS_AUTH_TOKEN", "SENTRY_DSN", "OAUTH_CLIENT_SECRET");
    static final List<String> PLAIN_ENV = List.of("LOG_LEVEL", "AWS_REGION", "PORT", "FEATURE_FLAGS", "NODE_ENV",
            "JAVA_TOOL_OPTIONS", "OTEL_EXPORTER_OTLP_ENDPOINT", "QUEUE_URL", "JDBC_URL");

    String containerDefinitions(Inst i, Svc s, String family, String tag, Rnd r) {
        Rnd cr = new Rnd(mix(opt.seed(), i.address + "#containers"));
        String cluster = i.get("cluster");
        List<Object> defs = new ArrayList<>();
        for (int c = 0; c < s.containers(); c++) {
            String name;
            String image;
            if (c == 0) {
                name = s.name();
                image = account + ".dkr.ecr." + region + ".amazonaws.com/acme/" + s.name() + ":" + tag;
            } else {
                name = cr.pick("envoy", "log-router", "datadog-agent", "otel-collector", "migrations", "nginx");
                image = switch (name) {
                    case "log-router" -> "public.ecr.aws/aws-observability/aws-for-fluent-bit:2.32.2";
                    case "datadog-agent" -> "public.ecr.aws/datadog/agent:7.55.2";
                    default -> account + ".dkr.ecr." + region + ".amazonaws.com/acme/" + name + ":" + tag;
                };
                name = name + (c > 1 ? "-" + c : "");
            }
            List<Object> environment = new ArrayList<>();
            for (int e = 0, n = opt.small() ? 1 : cr.between(2, 6); e < n; e++) {
                String en = PLAIN_ENV.get((e + c) % PLAIN_ENV.size());
                environment.add(obj("name", en, "value", envValue(en, s, cr)));
            }
            if (c == 0 && cr.chance(0.5)) {
                // the classic mistake: a secret-looking name with a literal value in "environment"
                environment.add(obj("name", cr.pick("API_KEY", "ADMIN_PASSWORD", "AWS_SECRET_ACCESS_KEY", "DB_PASS"),
                        "value", "sk_live_" + cr.alnum(24)));
            }
            if (c == 0 && s.usesDbPassword()) {
                environment.add(obj("name", "DB_PASSWORD", "value", dbPassword));
            }
            environment.sort(Comparator.comparing(o -> (String) ((Map<?, ?>) o).get("name")));
            List<Object> secrets = new ArrayList<>();
            if (c == 0) {
                for (int e = 0, n = cr.between(1, 3); e < n; e++) {
                    String sn = SECRET_NAMES.get((e + s.name().length()) % SECRET_NAMES.size());
                    String from = cr.chance(0.6)
                            ? "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + cluster + "/" + s.name()
                                    + "/" + sn.toLowerCase(Locale.ROOT) + "-" + cr.alnum(6)
                            : "arn:aws:ssm:" + region + ":" + account + ":parameter/" + cluster + "/" + s.name() + "/"
                                    + sn.toLowerCase(Locale.ROOT);
                    secrets.add(obj("name", sn, "valueFrom", from));
                }
            }
            TreeMap<String, Object> def = obj("cpu", c == 0 ? 384 : 64, "environment", environment,
                    "essential", c == 0, "image", image,
                    "logConfiguration", obj("logDriver", "awslogs", "options", obj("awslogs-group", "/ecs/" + cluster,
                            "awslogs-region", region, "awslogs-stream-prefix", name)),
                    "memory", c == 0 ? 768 : 128, "mountPoints", list(), "name", name,
                    "portMappings", c == 0 ? list(obj("containerPort", 8080, "hostPort", 8080, "protocol", "tcp"))
                            : list(),
                    "systemControls", list(), "volumesFrom", list());
            if (!secrets.isEmpty()) {
                def.put("secrets", secrets);
            }
            if (c == 0 && cr.chance(0.4)) {
                def.put("healthCheck", obj("command", list("CMD-SHELL", "curl -f http://localhost:8080/health || exit 1"),
                        "interval", 30, "retries", 3, "timeout", 5));
            }
            defs.add(def);
        }
        return json(defs);
    }

    String envValue(String name, Svc s, Rnd r) {
        return switch (name) {
            case "LOG_LEVEL" -> r.pick("info", "debug", "warn");
            case "AWS_REGION" -> region;
            case "PORT" -> "8080";
            case "FEATURE_FLAGS" -> "checkout-v2,fast-search," + s.name() + "-beta";
            case "NODE_ENV" -> "production";
            case "JAVA_TOOL_OPTIONS" -> "-XX:MaxRAMPercentage=75 -XX:+UseG1GC";
            case "OTEL_EXPORTER_OTLP_ENDPOINT" -> "http://localhost:4317";
            // '&' comes out as \u0026 in terraform's JSON, as Go's encoder escapes it
            case "JDBC_URL" -> "jdbc:postgresql://" + s.name() + "-db.internal:5432/app?ssl=true&sslmode=verify-full";
            default -> "https://sqs." + region + ".amazonaws.com/" + account + "/" + env + "-" + s.name();
        };
    }

    Vals ecsService(Inst i, Svc s, Rnd r) {
        String cluster = i.get("cluster");
        String name = s.name() + taskSuffix(i);
        String clusterArn = "arn:aws:ecs:" + region + ":" + account + ":cluster/" + cluster;
        TreeMap<String, Object> v = obj("alarms", list(), "availability_zone_rebalancing", "DISABLED",
                "capacity_provider_strategy", list(), "cluster", clusterArn,
                "deployment_circuit_breaker", list(obj("enable", true, "rollback", true)),
                "deployment_controller", list(), "deployment_maximum_percent", 200,
                "deployment_minimum_healthy_percent", 100, "desired_count", 2, "enable_ecs_managed_tags", false,
                "enable_execute_command", r.chance(0.3), "force_delete", null, "force_new_deployment", null,
                "health_check_grace_period_seconds", 0, "iam_role", "/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
                "id", "arn:aws:ecs:" + region + ":" + account + ":service/" + cluster + "/" + name,
                "launch_type", "FARGATE", "load_balancer", list(), "name", name,
                "network_configuration", list(obj("assign_public_ip", false, "security_groups", list("sg-0" + r.hex(16)),
                        "subnets", list("subnet-0" + r.hex(16), "subnet-0" + r.hex(16)))),
                "ordered_placement_strategy", list(), "placement_constraints", list(), "platform_version", "LATEST",
                "propagate_tags", "NONE", "scheduling_strategy", "REPLICA", "service_connect_configuration", list(),
                "service_registries", list(), "task_definition", "arn:aws:ecs:" + region + ":" + account
                        + ":task-definition/" + cluster + "-" + name + ":" + revisionOf(cluster + "-" + name),
                "timeouts", null, "triggers", obj(), "volume_configuration", list(), "vpc_lattice_configurations", list(),
                "wait_for_steady_state", false);
        putTags(v, tags(name));
        return new Vals(v, "id", "iam_role", "task_definition", "platform_version").map("tags_all", "triggers");
    }

    // ---------------------------------------------------------------- bulk units

    CallDef bulkUnit(String unit, Rnd ur) {
        int kind = ur.nextInt(6);
        ModDef m;
        CallDef nested;
        switch (kind) {
            case 0 -> {
                m = networkModule(ur);
                nested = new CallDef("endpoints", securityModule(ur)).count(scaled(ur, 1, 3), refs("var.endpoint_count"));
            }
            case 1 -> {
                m = computeModule(ur);
                nested = new CallDef("alarms", alarmsModule(ur)).forEach(List.of("cpu", "disk", "memory"),
                        refs("local.alarm_sets"));
            }
            case 2 -> {
                m = storageModule(ur);
                nested = new CallDef("replica", storageModule(ur));
            }
            case 3 -> {
                m = dnsModule(ur);
                nested = new CallDef("records", dnsRecordsModule(ur)).forEach(List.of("internal", "public"),
                        refs("var.zones"));
            }
            case 4 -> {
                m = alarmsModule(ur);
                nested = new CallDef("dashboard", dashboardModule(ur));
            }
            default -> {
                m = securityModule(ur);
                m.source = "terraform-aws-modules/security-group/aws";
                m.versionConstraint = "~> 5.1";
                nested = new CallDef("launch", computeModule(ur)).count(scaled(ur, 1, 2), refs("var.launch_count"));
            }
        }
        nested.expr("environment", refs("var.environment"));
        nested.expr("name", refs("var.name"));
        m.calls.put(nested.name, nested);
        m.variable("environment", null, null, false, false);
        m.variable("name", null, null, false, false);
        CallDef call = new CallDef(unit, m);
        // bigger plans get wider units (more for_each keys) so the unit count stays moderate
        int width = (int) Math.max(1, Math.min(6, opt.size() / 150_000_000L + scaled(ur, 1, 3)));
        switch (ur.nextInt(3)) {
            case 0 -> {
                List<String> keys = new ArrayList<>();
                List<String> pool = list("ap", "eu", "sa", "us", "ca", "me", "af");
                for (int k = 0; k < width; k++) {
                    keys.add(pool.get(k) + "-" + (k % 2 == 0 ? "primary" : "dr"));
                }
                keys.sort(null);
                call.forEach(keys, refs("var.regions"));
            }
            case 1 -> call.count(width, refs("var.instance_count"));
            default -> { }
        }
        call.expr("environment", refs("var.environment"));
        call.expr("name", cv(dashed(unit)));
        call.hook = inst -> {
            Rnd lr = new Rnd(mix(opt.seed(), inst.address + "#life"));
            inst.life = lr.chance(0.12) ? Life.NEW : Life.EXISTING;
            inst.scen.put("prefix", env + "-" + dashed(unit) + (inst.key == null ? "" : "-" + inst.key));
        };
        return call;
    }

    /**
     * How many resources or instances a bulk unit gets: plans under 8 MB get proportionally fewer per unit
     * (so a 400 KB plan still has several units), while each resource keeps the same shape at every size.
     */
    int scaled(Rnd r, int lo, int hi) {
        double f = Math.min(1.0, opt.size() / 8_000_000.0) * unitScale;
        return (int) Math.max(1, Math.round(r.between(lo, hi) * f));
    }

    String prefix(Inst i) {
        return i.get("prefix");
    }

    ModDef networkModule(Rnd ur) {
        ModDef m = new ModDef("./modules/network");
        m.add(new ResDef("aws_vpc", "this", obj("cidr_block", cv("10.0.0.0/16"), "enable_dns_hostnames", cv(true)),
                (i, k, r) -> {
                    String id = "vpc-0" + r.hex(16);
                    TreeMap<String, Object> v = obj("arn", "arn:aws:ec2:" + region + ":" + account + ":vpc/" + id,
                            "assign_generated_ipv6_cidr_block", null, "cidr_block", "10." + r.nextInt(255) + ".0.0/16",
                            "default_network_acl_id", "acl-0" + r.hex(16), "default_route_table_id", "rtb-0" + r.hex(16),
                            "default_security_group_id", "sg-0" + r.hex(16), "dhcp_options_id", "dopt-0" + r.hex(16),
                            "enable_dns_hostnames", true, "enable_dns_support", true,
                            "enable_network_address_usage_metrics", false, "id", id, "instance_tenancy", "default",
                            "ipv4_ipam_pool_id", null, "ipv4_netmask_length", null, "ipv6_association_id", "",
                            "ipv6_cidr_block", "", "ipv6_cidr_block_network_border_group", "", "ipv6_ipam_pool_id", "",
                            "ipv6_netmask_length", 0, "main_route_table_id", "rtb-0" + r.hex(16), "owner_id", account);
                    putTags(v, tags(prefix(i)));
                    return new Vals(v, "arn", "default_network_acl_id", "default_route_table_id",
                            "default_security_group_id", "dhcp_options_id", "id", "ipv6_association_id",
                            "main_route_table_id", "owner_id").map("tags_all");
                }));
        int subnets = scaled(ur, 3, 9);
        ResDef subnet = m.add(new ResDef("aws_subnet", "private", obj("availability_zone", fnExpr(), "cidr_block",
                fnExpr(), "vpc_id", attrRef("aws_vpc.this", "id")), (i, k, r) -> {
            String id = "subnet-0" + r.hex(16);
            int n = (Integer) k;
            TreeMap<String, Object> v = obj("arn", "arn:aws:ec2:" + region + ":" + account + ":subnet/" + id,
                    "assign_ipv6_address_on_creation", false, "availability_zone", azs.get(n % 3),
                    "availability_zone_id", "euw1-az" + (n % 3 + 1), "cidr_block", "10.0." + (n * 16) + ".0/20",
                    "customer_owned_ipv4_pool", "", "enable_dns64", false, "enable_lni_at_device_index", 0,
                    "enable_resource_name_dns_a_record_on_launch", false,
                    "enable_resource_name_dns_aaaa_record_on_launch", false, "id", id, "ipv6_cidr_block", "",
                    "ipv6_cidr_block_association_id", "", "ipv6_native", false, "map_customer_owned_ip_on_launch", false,
                    "map_public_ip_on_launch", false, "outpost_arn", "", "owner_id", account,
                    "private_dns_hostname_type_on_launch", "ip-name", "timeouts", null, "vpc_id", "vpc-0" + r.hex(16));
            putTags(v, tags(prefix(i) + "-private-" + azs.get(n % 3), "Tier", "private"));
            return new Vals(v, "arn", "id", "ipv6_cidr_block_association_id", "owner_id").map("tags_all");
        }).count(subnets, refs("local.azs")));
        subnet.shrinkChance = 0.05;
        m.add(new ResDef("aws_route_table", "private", obj("vpc_id", attrRef("aws_vpc.this", "id")), (i, k, r) -> {
            String id = "rtb-0" + r.hex(16);
            List<Object> routes = new ArrayList<>();
            for (int n = 0, c = r.between(2, 12); n < c; n++) {
                routes.add(obj("carrier_gateway_id", "", "cidr_block", "172." + (16 + n) + ".0.0/16", "core_network_arn", "",
                        "destination_prefix_list_id", "", "egress_only_gateway_id", "", "gateway_id", "",
                        "ipv6_cidr_block", "", "local_gateway_id", "", "nat_gateway_id", "", "network_interface_id", "",
                        "transit_gateway_id", "tgw-0" + r.hex(16), "vpc_endpoint_id", "", "vpc_peering_connection_id", ""));
            }
            TreeMap<String, Object> v = obj("arn", "arn:aws:ec2:" + region + ":" + account + ":route-table/" + id,
                    "id", id, "owner_id", account, "propagating_vgws", list(), "route", routes, "timeouts", null,
                    "vpc_id", "vpc-0" + r.hex(16));
            putTags(v, tags(prefix(i) + "-private"));
            return new Vals(v, "arn", "id", "owner_id").map("tags_all").list("propagating_vgws");
        }));
        m.add(new ResDef("aws_security_group", "default", sgExprs(), (i, k, r) -> securityGroup(i, "default", r, 10)));
        return m;
    }

    TreeMap<String, Object> sgExprs() {
        return obj("description", cv("Managed by Terraform"), "egress", fnExpr(), "ingress", fnExpr(), "name",
                refs("var.name"), "vpc_id", refs("var.vpc_id"));
    }

    Vals securityGroup(Inst i, String suffix, Rnd r, int maxRules) {
        String id = "sg-0" + r.hex(16);
        List<Object> ingress = new ArrayList<>();
        for (int n = 0, c = r.between(3, maxRules); n < c; n++) {
            int port = r.pick(22, 80, 443, 3306, 5432, 6379, 8080, 8443, 9090, 9200);
            List<Object> cidrs = new ArrayList<>();
            for (int x = 0, cc = r.between(1, 4); x < cc; x++) {
                cidrs.add("10." + r.nextInt(255) + "." + r.nextInt(255) + ".0/24");
            }
            if (r.chance(0.05)) {
                cidrs = list("0.0.0.0/0");
            }
            ingress.add(obj("cidr_blocks", cidrs, "description", "Allow " + port + " from office range " + n,
                    "from_port", port, "ipv6_cidr_blocks", list(), "prefix_list_ids", list(), "protocol", "tcp",
                    "security_groups", list(), "self", false, "to_port", port));
        }
        String name = prefix(i) + "-" + suffix;
        TreeMap<String, Object> v = obj("arn", "arn:aws:ec2:" + region + ":" + account + ":security-group/" + id,
                "description", "Managed by Terraform", "egress", list(obj("cidr_blocks", list("0.0.0.0/0"),
                        "description", "", "from_port", 0, "ipv6_cidr_blocks", list(), "prefix_list_ids", list(),
                        "protocol", "-1", "security_groups", list(), "self", false, "to_port", 0)),
                "id", id, "ingress", ingress, "name", name, "name_prefix", "", "owner_id", account,
                "revoke_rules_on_delete", false, "timeouts", null, "vpc_id", "vpc-0" + r.hex(16));
        putTags(v, tags(name));
        return new Vals(v, "arn", "id", "owner_id").map("tags_all").forceNew("name", name + "-new");
    }

    ModDef securityModule(Rnd ur) {
        ModDef m = new ModDef("./modules/security-groups");
        m.variable("vpc_id", null, null, true, false);
        int groups = scaled(ur, 2, 6);
        m.add(new ResDef("aws_security_group", "service", sgExprs(), (i, k, r) -> securityGroup(i, "svc-" + k, r, 24))
                .count(groups, refs("var.group_count")));
        return m;
    }

    static final String USER_DATA_SCRIPT = """
            #!/bin/bash
            set -euo pipefail
            exec > >(tee /var/log/user-data.log | logger -t user-data -s 2>/dev/console) 2>&1
            yum update -y && yum install -y amazon-cloudwatch-agent jq awscli
            cat > /opt/aws/amazon-cloudwatch-agent/etc/config.json <<'EOF'
            {"agent": {"metrics_collection_interval": 60}, "logs": {"logs_collected": {"files": {"collect_list": [
              {"file_path": "/var/log/messages", "log_group_name": "/ec2/messages"}]}}}}
            EOF
            /opt/aws/amazon-cloudwatch-agent/bin/amazon-cloudwatch-agent-ctl -a fetch-config -m ec2 -s
            echo "ECS_CLUSTER=${cluster}" >> /etc/ecs/ecs.config && systemctl enable --now ecs
            """;

    ModDef computeModule(Rnd ur) {
        ModDef m = new ModDef("./modules/compute");
        m.add(new ResDef("aws_launch_template", "this", obj("image_id", refs("data.aws_ami.al2023.id",
                "data.aws_ami.al2023"), "instance_type", cv("m6i.large"), "name_prefix", refs("var.name"), "user_data",
                fnExpr()), (i, k, r) -> {
            StringBuilder script = new StringBuilder();
            for (int n = 0, c = r.between(2, 16); n < c; n++) {
                script.append(USER_DATA_SCRIPT.replace("${cluster}", prefix(i) + "-" + n));
                script.append("# block ").append(n).append(' ').append(r.alnum(64)).append('\n');
            }
            String ud = Base64.getEncoder().encodeToString(script.toString().getBytes(StandardCharsets.UTF_8));
            String id = "lt-0" + r.hex(16);
            TreeMap<String, Object> v = obj("arn", "arn:aws:ec2:" + region + ":" + account + ":launch-template/" + id,
                    "block_device_mappings", list(obj("device_name", "/dev/xvda", "ebs", list(obj("delete_on_termination",
                            "true", "encrypted", "true", "iops", 3000, "kms_key_id", "", "snapshot_id", "",
                            "throughput", 125, "volume_size", 50, "volume_type", "gp3")), "no_device", "",
                            "virtual_name", "")),
                    "default_version", r.between(1, 40), "description", "", "disable_api_stop", false,
                    "disable_api_termination", false, "ebs_optimized", "", "id", id, "image_id", "ami-0" + r.hex(16),
                    "instance_type", r.pick("m6i.large", "c6i.xlarge", "r6i.large", "t3.medium"),
                    "latest_version", r.between(1, 40), "metadata_options", list(obj("http_endpoint", "enabled",
                            "http_protocol_ipv6", "", "http_put_response_hop_limit", 2, "http_tokens", "required",
                            "instance_metadata_tags", "")),
                    "name", prefix(i) + "-" + r.digits(8), "name_prefix", prefix(i) + "-", "update_default_version", null,
                    "user_data", ud, "vpc_security_group_ids", list("sg-0" + r.hex(16)));
            putTags(v, tags(prefix(i)));
            return new Vals(v, "arn", "default_version", "id", "latest_version", "name").map("tags_all");
        }));
        int instances = scaled(ur, 2, 10);
        ResDef inst = m.add(new ResDef("aws_instance", "node", obj("ami", refs("data.aws_ami.al2023.id",
                "data.aws_ami.al2023"), "instance_type", cv("m6i.large"), "subnet_id", fnExpr(), "user_data", fnExpr()),
                (i, k, r) -> instance(i, (Integer) k, r)).count(instances, refs("var.node_count")).schema(1));
        inst.shrinkChance = 0.08;
        return m;
    }

    Vals instance(Inst i, int n, Rnd r) {
        String id = "i-0" + r.hex(16);
        String ip = "10." + r.nextInt(255) + "." + r.nextInt(255) + "." + r.between(4, 250);
        String sha;
        try {
            byte[] d = MessageDigest.getInstance("SHA-1").digest((prefix(i) + n).getBytes(StandardCharsets.UTF_8));
            StringBuilder sb = new StringBuilder();
            for (byte b : d) {
                sb.append(String.format(Locale.ROOT, "%02x", b & 0xff));
            }
            sha = sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        TreeMap<String, Object> v = obj("ami", "ami-0" + r.hex(16), "arn", "arn:aws:ec2:" + region + ":" + account
                        + ":instance/" + id, "associate_public_ip_address", false, "availability_zone", azs.get(n % 3),
                "capacity_reservation_specification", list(obj("capacity_reservation_preference", "open",
                        "capacity_reservation_target", list())),
                "cpu_core_count", 1, "cpu_options", list(obj("amd_sev_snp", "", "core_count", 1, "threads_per_core", 2)),
                "cpu_threads_per_core", 2, "credit_specification", list(), "disable_api_stop", false,
                "disable_api_termination", false, "ebs_block_device", list(), "ebs_optimized", false,
                "enclave_options", list(obj("enabled", false)), "ephemeral_block_device", list(),
                "get_password_data", false, "hibernation", false, "host_id", "", "host_resource_group_arn", null,
                "iam_instance_profile", prefix(i) + "-node", "id", id, "instance_initiated_shutdown_behavior", "stop",
                "instance_lifecycle", "", "instance_market_options", list(), "instance_state", "running",
                "instance_type", r.pick("m6i.large", "c6i.xlarge", "t3.medium"), "ipv6_address_count", 0,
                "ipv6_addresses", list(), "key_name", "", "launch_template", list(),
                "maintenance_options", list(obj("auto_recovery", "default")),
                "metadata_options", list(obj("http_endpoint", "enabled", "http_protocol_ipv6", "disabled",
                        "http_put_response_hop_limit", 2, "http_tokens", "required", "instance_metadata_tags", "disabled")),
                "monitoring", true, "network_interface", list(), "outpost_arn", "", "password_data", "",
                "placement_group", "", "placement_partition_number", 0, "primary_network_interface_id", "eni-0" + r.hex(16),
                "private_dns", "ip-" + ip.replace('.', '-') + "." + region + ".compute.internal",
                "private_dns_name_options", list(obj("enable_resource_name_dns_a_record", false,
                        "enable_resource_name_dns_aaaa_record", false, "hostname_type", "ip-name")),
                "private_ip", ip, "public_dns", "", "public_ip", "", "root_block_device", list(obj("delete_on_termination",
                        true, "device_name", "/dev/xvda", "encrypted", true, "iops", 3000, "kms_key_id",
                        "arn:aws:kms:" + region + ":" + account + ":key/" + r.hex(8) + "-" + r.hex(4) + "-" + r.hex(4) + "-"
                                + r.hex(4) + "-" + r.hex(12), "tags", null, "tags_all", obj(), "throughput", 125,
                        "volume_id", "vol-0" + r.hex(16), "volume_size", 50, "volume_type", "gp3")),
                "secondary_private_ips", list(), "security_groups", list(), "source_dest_check", true,
                "spot_instance_request_id", "", "subnet_id", "subnet-0" + r.hex(16), "tenancy", "default",
                "timeouts", null, "user_data", sha, "user_data_base64", null, "user_data_replace_on_change", false,
                "volume_tags", null, "vpc_security_group_ids", list("sg-0" + r.hex(16)));
        putTags(v, tags(prefix(i) + "-node-" + n));
        return new Vals(v, "arn", "id", "instance_state", "outpost_arn", "password_data", "primary_network_interface_id",
                "private_dns", "private_ip", "public_dns", "public_ip").map("tags_all")
                .list("ipv6_addresses", "secondary_private_ips", "security_groups")
                .forceNew("ami", "ami-0" + r.hex(16));
    }

    ModDef alarmsModule(Rnd ur) {
        ModDef m = new ModDef("./modules/alarms");
        List<String> metrics = list("CPUUtilization", "MemoryUtilization", "DiskReadOps", "NetworkIn", "NetworkOut",
                "StatusCheckFailed", "HTTPCode_Target_5XX_Count", "TargetResponseTime", "ApproximateAgeOfOldestMessage");
        int n = scaled(ur, 3, 9);
        List<String> keys = new ArrayList<>(metrics.subList(0, n));
        keys.sort(null);
        m.add(new ResDef("aws_cloudwatch_metric_alarm", "this", obj("alarm_actions", fnExpr(), "alarm_name",
                refs("var.name", "each.key"), "comparison_operator", cv("GreaterThanThreshold"), "dimensions", fnExpr(),
                "evaluation_periods", cv(3), "metric_name", refs("each.key"), "namespace", cv("AWS/EC2"), "period", cv(60),
                "statistic", cv("Average"), "threshold", refs("each.value.threshold", "each.value")), (i, k, r) -> {
            String name = prefix(i) + "-" + k;
            TreeMap<String, Object> v = obj("actions_enabled", true, "alarm_actions", list("arn:aws:sns:" + region + ":"
                            + account + ":" + env + "-alerts"), "alarm_description", "Alarm when " + k + " is high on "
                            + prefix(i), "alarm_name", name, "arn", "arn:aws:cloudwatch:" + region + ":" + account
                            + ":alarm:" + name, "comparison_operator", "GreaterThanThreshold", "datapoints_to_alarm", 0,
                    "dimensions", obj("AutoScalingGroupName", prefix(i) + "-asg"), "evaluate_low_sample_count_percentiles",
                    "", "evaluation_periods", 3, "extended_statistic", "", "id", name, "insufficient_data_actions", list(),
                    "metric_name", k, "metric_query", list(), "namespace", "AWS/EC2", "ok_actions", list(), "period", 60,
                    "statistic", "Average", "threshold", r.between(50, 95), "threshold_metric_id", "",
                    "treat_missing_data", "missing", "unit", "");
            putTags(v, tags(name));
            return new Vals(v, "arn", "id").map("tags_all");
        }).forEach(keys, refs("local.metrics")).schema(1));
        m.add(new ResDef("aws_sns_topic", "alerts", obj("name", refs("var.name")), (i, k, r) -> {
            String name = prefix(i) + "-alerts";
            TreeMap<String, Object> v = obj("application_failure_feedback_role_arn", "", "arn", "arn:aws:sns:" + region
                            + ":" + account + ":" + name, "content_based_deduplication", false, "delivery_policy", "",
                    "display_name", "", "fifo_topic", false, "id", "arn:aws:sns:" + region + ":" + account + ":" + name,
                    "kms_master_key_id", "", "name", name, "name_prefix", "", "owner", account,
                    "policy", json(policyOrderedTree(List.of(new Stmt("__default_statement_ID", "Allow",
                            List.of("SNS:Publish", "SNS:Subscribe", "SNS:GetTopicAttributes"),
                            List.of("arn:aws:sns:" + region + ":" + account + ":" + name), "AWS", List.of("*"),
                            "StringEquals", "AWS:SourceOwner", List.of(account))))),
                    "signature_version", 0, "tracing_config", "");
            putTags(v, tags(name));
            return new Vals(v, "arn", "id", "owner", "policy").map("tags_all");
        }));
        return m;
    }

    ModDef dashboardModule(Rnd ur) {
        ModDef m = new ModDef("./modules/dashboard");
        m.add(new ResDef("aws_cloudwatch_dashboard", "this", obj("dashboard_body", fnExpr(), "dashboard_name",
                refs("var.name")), (i, k, r) -> {
            List<Object> widgets = new ArrayList<>();
            for (int n = 0, c = r.between(8, 30); n < c; n++) {
                widgets.add(obj("height", 6, "properties", obj("metrics", list(list("AWS/ECS", "CPUUtilization",
                                "ServiceName", prefix(i) + "-" + n, "ClusterName", prefix(i)), list(".", "MemoryUtilization",
                                ".", ".", ".", ".")), "period", 300, "region", region, "stat", "Average",
                        "title", "Service " + n + " utilisation", "view", "timeSeries"), "type", "metric",
                        "width", 12, "x", (n % 2) * 12, "y", (n / 2) * 6));
            }
            String name = prefix(i);
            TreeMap<String, Object> v = obj("dashboard_arn", "arn:aws:cloudwatch::" + account + ":dashboard/" + name,
                    "dashboard_body", json(obj("widgets", widgets)), "dashboard_name", name, "id", name);
            return new Vals(v, "dashboard_arn", "id");
        }));
        return m;
    }

    ModDef storageModule(Rnd ur) {
        ModDef m = new ModDef("./modules/storage");
        m.add(new ResDef("aws_s3_bucket", "this", obj("bucket", refs("var.name"), "force_destroy", cv(false)),
                (i, k, r) -> {
                    String b = prefix(i) + "-" + r.hex(8);
                    TreeMap<String, Object> v = obj("acceleration_status", "", "acl", null, "arn", "arn:aws:s3:::" + b,
                            "bucket", b, "bucket_domain_name", b + ".s3.amazonaws.com", "bucket_prefix", "",
                            "bucket_regional_domain_name", b + ".s3." + region + ".amazonaws.com",
                            "cors_rule", list(), "force_destroy", false, "grant", list(obj("id", r.hex(64), "permissions",
                                    list("FULL_CONTROL"), "type", "CanonicalUser", "uri", "")),
                            "hosted_zone_id", "Z1BKCTXD74EZPE", "id", b, "lifecycle_rule", list(), "logging", list(),
                            "object_lock_configuration", list(), "object_lock_enabled", false, "policy", "",
                            "region", region, "replication_configuration", list(), "request_payer", "BucketOwner",
                            "server_side_encryption_configuration", list(obj("rule", list(obj(
                                    "apply_server_side_encryption_by_default", list(obj("kms_master_key_id", "",
                                            "sse_algorithm", "AES256")), "bucket_key_enabled", false)))),
                            "timeouts", null, "versioning", list(obj("enabled", true, "mfa_delete", false)),
                            "website", list(), "website_domain", null, "website_endpoint", null);
                    putTags(v, tags(b, "DataClassification", r.pick("internal", "confidential", "public")));
                    return new Vals(v, "acceleration_status", "arn", "bucket_domain_name", "bucket_regional_domain_name",
                            "hosted_zone_id", "id", "policy", "region", "request_payer").map("tags_all")
                            .list("cors_rule", "grant", "lifecycle_rule", "logging", "object_lock_configuration",
                                    "replication_configuration", "server_side_encryption_configuration", "versioning",
                                    "website").forceNew("bucket", b + "-v2");
                }));
        m.add(new ResDef("aws_s3_bucket_policy", "this", obj("bucket", attrRef("aws_s3_bucket.this", "id"), "policy",
                fnExpr()), (i, k, r) -> {
            String b = prefix(i);
            List<Stmt> st = new ArrayList<>();
            for (int n = 0, c = r.between(2, 8); n < c; n++) {
                st.add(new Stmt("Reader" + n, "Allow", List.of("s3:GetObject", "s3:ListBucket"),
                        List.of("arn:aws:s3:::" + b + "-*", "arn:aws:s3:::" + b + "-*/*"), "AWS",
                        List.of("arn:aws:iam::" + r.digits(12) + ":root"), null, null, null));
            }
            st.add(new Stmt("DenyInsecure", "Deny", List.of("s3:*"), List.of("arn:aws:s3:::" + b + "-*"), "AWS",
                    List.of("*"), "Bool", "aws:SecureTransport", List.of("false")));
            return new Vals(obj("bucket", b + "-" + r.hex(8), "id", b, "policy", json(policyOrderedTree(st))), "id");
        }));
        m.add(new ResDef("aws_s3_bucket_lifecycle_configuration", "this", obj("bucket",
                attrRef("aws_s3_bucket.this", "id")), (i, k, r) -> {
            List<Object> rules = new ArrayList<>();
            for (int n = 0, c = r.between(1, 6); n < c; n++) {
                rules.add(obj("abort_incomplete_multipart_upload", list(obj("days_after_initiation", 7)),
                        "expiration", list(obj("date", null, "days", 30 * (n + 1), "expired_object_delete_marker", false)),
                        "filter", list(obj("and", list(), "object_size_greater_than", null, "object_size_less_than", null,
                                "prefix", "logs/" + n + "/", "tag", list())), "id", "expire-" + n,
                        "noncurrent_version_expiration", list(obj("newer_noncurrent_versions", null,
                                "noncurrent_days", 90)), "noncurrent_version_transition", list(), "prefix", "",
                        "status", "Enabled", "transition", list(obj("date", null, "days", 30, "storage_class",
                                "STANDARD_IA"))));
            }
            String b = prefix(i) + "-" + r.hex(8);
            return new Vals(obj("bucket", b, "expected_bucket_owner", "", "id", b, "rule", rules, "timeouts", null,
                    "transition_default_minimum_object_size", "all_storage_classes_128K"), "id");
        }));
        return m;
    }

    ModDef dnsModule(Rnd ur) {
        ModDef m = new ModDef("./modules/dns");
        m.add(new ResDef("aws_route53_zone", "this", obj("name", refs("var.name")), (i, k, r) -> {
            String zone = prefix(i) + ".acme-corp.internal";
            String id = "Z0" + r.upper(19);
            TreeMap<String, Object> v = obj("arn", "arn:aws:route53:::hostedzone/" + id, "comment", "Managed by Terraform",
                    "delegation_set_id", "", "force_destroy", false, "id", id, "name", zone,
                    "name_servers", list("ns-" + r.between(1, 2000) + ".awsdns-" + r.between(10, 60) + ".org",
                            "ns-" + r.between(1, 2000) + ".awsdns-" + r.between(10, 60) + ".com"),
                    "primary_name_server", "ns-" + r.between(1, 2000) + ".awsdns-" + r.between(10, 60) + ".org",
                    "vpc", list(), "zone_id", id);
            putTags(v, tags(zone));
            return new Vals(v, "arn", "id", "primary_name_server", "zone_id").map("tags_all").list("name_servers");
        }));
        return m;
    }

    ModDef dnsRecordsModule(Rnd ur) {
        ModDef m = new ModDef("./modules/dns-records");
        int n = scaled(ur, 10, 80);
        ResDef rec = m.add(new ResDef("aws_route53_record", "this", obj("name", fnExpr(), "records", fnExpr(), "ttl",
                cv(300), "type", cv("A"), "zone_id", refs("var.zone_id")), (i, k, r) -> {
            String name = "host-" + k + "." + prefix(i) + ".acme-corp.internal";
            String zone = "Z0" + r.upper(19);
            List<Object> records = new ArrayList<>();
            for (int x = 0, c = r.between(1, 4); x < c; x++) {
                records.add("10." + r.nextInt(255) + "." + r.nextInt(255) + "." + r.between(4, 250));
            }
            TreeMap<String, Object> v = obj("alias", list(), "allow_overwrite", null, "cidr_routing_policy", list(),
                    "failover_routing_policy", list(), "fqdn", name, "geolocation_routing_policy", list(),
                    "geoproximity_routing_policy", list(), "health_check_id", null, "id", zone + "_" + name + "_A",
                    "latency_routing_policy", list(), "multivalue_answer_routing_policy", null, "name", name,
                    "records", records, "set_identifier", null, "ttl", 300, "type", "A",
                    "weighted_routing_policy", list(), "zone_id", zone);
            Vals vals = new Vals(v, "allow_overwrite", "fqdn", "id");
            return vals.forceNew("name", "new-" + name);
        }).count(n, refs("var.hosts")).schema(2));
        rec.shrinkChance = 0.1;
        return m;
    }
}
