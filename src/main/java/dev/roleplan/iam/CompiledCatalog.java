package dev.roleplan.iam;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

/**
 * The action catalog in a compact binary form that the build writes from {@code iam-catalog.json.gz}
 * ({@link #main}, run by Maven after compiling): a table of the distinct strings, the global condition keys,
 * then each service (behind its prefix and length, so that a run reads only the services it asks for) with its
 * resource types, condition keys and actions as indexes into the table.
 *
 * <p>Why not the JSON: reading it took about 300 ms of CPU in a cold JVM and allocated 50 MB for 14 MB of
 * catalog, with ~24,000 condition-key strings that are 1,500 distinct ones. This form is read whole in about
 * 75 ms, shares each string, and on a 100 MB plan spares one of the run's two young collections
 * (docs/decisions/0011-compiled-action-catalog.md). The JSON stays the source: reviewable, and what
 * {@code tools/iam-data} writes. Enumerations are stored by name, so a reordered enum cannot misread.
 */
public final class CompiledCatalog {

    /** Where the build puts it, beside the JSON it is made from. */
    static final String RESOURCE = "/dev/roleplan/iam/iam-catalog.bin";

    private static final int MAGIC = 0x52504341; // "RPCA"
    /** Bumped when the layout changes: a stale file from an older build is refused, not misread. */
    static final int VERSION = 1;

    private CompiledCatalog() {
    }

    /** The catalog's parts, as {@link ActionCatalog} is built from them. */
    record Parts(Map<String, ServiceInfo> services, Map<String, ConditionKey> globals) {
    }

    /**
     * Build step: {@code CompiledCatalog CATALOG.json.gz OUT.bin}. Reads the JSON whole (the same reader the
     * tests check against the AWS data) and writes the binary form.
     */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: CompiledCatalog CATALOG.json.gz OUT.bin");
        }
        byte[] source = Files.readAllBytes(Path.of(args[0]));
        CatalogReader reader;
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(source), 64 * 1024)) {
            reader = CatalogReader.read(in);
        }
        if (reader.format != CatalogReader.SUPPORTED_FORMAT) {
            throw new IamDataException("IAM action catalog " + args[0] + " has format " + reader.format + ", expected "
                    + CatalogReader.SUPPORTED_FORMAT);
        }
        List<String> unusual = unusualActionNames(reader.services.values());
        if (!unusual.isEmpty()) {
            throw new IamDataException("IAM action catalog " + args[0] + " names actions with more than a-z, 0-9, '-' "
                    + "and ':' (in lower case), whose order roleplan does not expect: " + unusual);
        }
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            write(new Parts(reader.services, reader.globals), fingerprint(source), out);
        }
    }

    /**
     * The actions (lower-case full names) named with more than a-z, 0-9, '-' and ':': none in the AWS data. For the
     * others the order of lower-case names is {@link String#CASE_INSENSITIVE_ORDER}, which
     * {@link EffectivePermissions#grants()} relies on; the build refuses a catalog that breaks it, so that a run
     * need not check each name it reads.
     */
    static List<String> unusualActionNames(Iterable<ServiceInfo> services) {
        List<String> out = new ArrayList<>();
        for (ServiceInfo service : services) {
            for (ActionInfo action : service.actions()) {
                if (!plainName(action.lowerName())) {
                    out.add(action.lowerName());
                }
            }
        }
        return out;
    }

    private static boolean plainName(String lower) {
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == ':')) {
                return false;
            }
        }
        return true;
    }

    /** The JSON a compiled catalog was made from, to tell a stale one (the JSON changed, the build step did not run). */
    static long fingerprint(byte[] sourceJsonGz) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(sourceJsonGz);
        return (long) sourceJsonGz.length << 32 | crc.getValue();
    }

    static void write(Parts catalog, long sourceFingerprint, OutputStream target) throws IOException {
        Strings strings = new Strings();
        ByteArrayOutputStream body = new ByteArrayOutputStream(1 << 20);
        DataOutputStream out = new DataOutputStream(body);
        out.writeInt(catalog.globals().size());
        for (ConditionKey key : catalog.globals().values()) {
            out.writeInt(strings.id(key.name()));
            writeType(out, strings, key.type());
        }
        out.writeInt(catalog.services().size());
        for (ServiceInfo service : catalog.services().values()) {
            // each service behind its prefix and length: a run reads only the services it asks for
            ByteArrayOutputStream one = new ByteArrayOutputStream(4096);
            DataOutputStream serviceOut = new DataOutputStream(one);
            writeService(serviceOut, strings, service);
            serviceOut.flush();
            out.writeInt(strings.id(service.prefix()));
            out.writeInt(one.size());
            one.writeTo(out);
        }
        out.writeInt(MAGIC); // the end: a cut-off file is noticed
        out.flush();

        DataOutputStream head = new DataOutputStream(target);
        head.writeInt(MAGIC);
        head.writeInt(VERSION);
        head.writeLong(sourceFingerprint);
        head.writeInt(strings.inOrder.size());
        for (String s : strings.inOrder) {
            head.writeUTF(s);
        }
        body.writeTo(head);
        head.flush();
    }

    private static void writeService(DataOutputStream out, Strings strings, ServiceInfo service) throws IOException {
        out.writeInt(strings.id(service.name()));
        Map<String, Integer> typeIndex = new HashMap<>();
        out.writeInt(service.resourceTypes().size());
        for (ResourceType type : service.resourceTypes().values()) {
            typeIndex.put(type.name(), typeIndex.size());
            out.writeInt(strings.id(type.name()));
            out.writeInt(strings.id(type.arnFormat().format()));
            writeStrings(out, strings, type.conditionKeys());
        }
        out.writeInt(service.conditionKeys().size());
        for (Map.Entry<String, ConditionKeyType> key : service.conditionKeys().entrySet()) {
            out.writeInt(strings.id(key.getKey()));
            writeType(out, strings, key.getValue());
        }
        out.writeInt(service.actions().size());
        for (ActionInfo action : service.actions()) {
            out.writeInt(strings.id(action.name()));
            out.writeInt(strings.id(action.accessLevel().name()));
            out.writeInt(strings.id(action.accessLevelRaw()));
            out.writeInt(action.resourceTypes().size());
            for (ActionResourceType accepted : action.resourceTypes()) {
                out.writeInt(typeIndex.get(accepted.resourceType().name()));
                out.writeBoolean(accepted.required());
                writeStrings(out, strings, accepted.conditionKeys());
            }
            writeStrings(out, strings, action.conditionKeys());
        }
    }

    private static void writeType(DataOutputStream out, Strings strings, ConditionKeyType type) throws IOException {
        out.writeInt(strings.id(type.valueType().name()));
        out.writeBoolean(type.multivalued());
    }

    private static void writeStrings(DataOutputStream out, Strings strings, List<String> values) throws IOException {
        out.writeInt(values.size());
        for (String value : values) {
            out.writeInt(strings.id(value));
        }
    }

    /** Each distinct string once, numbered in first-use order. */
    private static final class Strings {
        final Map<String, Integer> ids = new HashMap<>();
        final List<String> inOrder = new ArrayList<>();

        int id(String s) {
            return ids.computeIfAbsent(s, k -> {
                inOrder.add(k);
                return inOrder.size() - 1;
            });
        }
    }

    /**
     * The strings, the global condition keys and where each service is, reading no service yet.
     *
     * @param sourceFingerprint the {@link #fingerprint} of the JSON it must have been made from
     * @throws IamDataException if the data is cut off, from another version or JSON, or inconsistent
     */
    static Index index(byte[] data, long sourceFingerprint) {
        try {
            DataInputStream in = new DataInputStream(new ByteArrayInputStream(data));
            if (in.readInt() != MAGIC) {
                throw broken("it is not a compiled catalog");
            }
            int version = in.readInt();
            if (version != VERSION) {
                throw broken("it has layout " + version + ", this roleplan reads " + VERSION + "; rebuild roleplan "
                        + "(mvn package)");
            }
            if (in.readLong() != sourceFingerprint) {
                throw broken("it was made from another " + ActionCatalog.RESOURCE + "; rebuild roleplan (mvn package)");
            }
            String[] strings = new String[count(in)];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = in.readUTF();
            }
            Fields fields = new Fields(in, strings);
            Map<String, ConditionKey> globals = new TreeMap<>();
            for (int i = count(in); i > 0; i--) {
                String name = fields.string();
                globals.put(name, new ConditionKey(name, fields.type(), true));
            }
            Map<String, int[]> where = new TreeMap<>();
            for (int i = count(in); i > 0; i--) {
                String prefix = fields.string().intern();
                int length = count(in);
                int offset = data.length - in.available();
                if (in.skipBytes(length) != length) {
                    throw new EOFException();
                }
                where.put(prefix, new int[] {offset, length});
            }
            if (in.readInt() != MAGIC) {
                throw broken("its end marker is missing");
            }
            return new Index(data, strings, Collections.unmodifiableMap(globals), where);
        } catch (EOFException e) {
            throw new IamDataException("compiled IAM action catalog " + RESOURCE + " is cut off; rebuild roleplan "
                    + "(mvn package)", e);
        } catch (IOException e) {
            throw new IamDataException("cannot read compiled IAM action catalog " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    /** An indexed compiled catalog: {@link #service} reads one service from its place. */
    static final class Index {
        private final byte[] data;
        private final String[] strings;
        private final Map<String, ConditionKey> globals;
        private final Map<String, int[]> where;

        private Index(byte[] data, String[] strings, Map<String, ConditionKey> globals, Map<String, int[]> where) {
            this.data = data;
            this.strings = strings;
            this.globals = globals;
            this.where = where;
        }

        /** Every service prefix, sorted. */
        List<String> prefixes() {
            return List.copyOf(where.keySet());
        }

        Map<String, ConditionKey> globals() {
            return globals;
        }

        /** The service with this prefix (one of {@link #prefixes}). */
        ServiceInfo service(String prefix) {
            int[] place = where.get(prefix);
            try {
                return new Fields(new DataInputStream(new ByteArrayInputStream(data, place[0], place[1])), strings)
                        .service(prefix);
            } catch (EOFException e) {
                throw new IamDataException("compiled IAM action catalog " + RESOURCE + ": service " + prefix
                        + " is cut off; rebuild roleplan (mvn package)", e);
            } catch (IOException e) {
                throw new IamDataException("cannot read compiled IAM action catalog " + RESOURCE + ": service " + prefix
                        + ": " + e.getMessage(), e);
            }
        }
    }

    /** Reads the fields of the layout from a stream, strings by their index in the table. */
    private static final class Fields {
        private final DataInputStream in;
        private final String[] strings;

        Fields(DataInputStream in, String[] strings) {
            this.in = in;
            this.strings = strings;
        }

        ServiceInfo service(String prefix) throws IOException {
            String name = string();
            ResourceType[] types = new ResourceType[count(in)];
            Map<String, ResourceType> byName = new TreeMap<>();
            for (int i = 0; i < types.length; i++) {
                String type = string();
                types[i] = new ResourceType(prefix, type, new ArnFormat(string()), strings());
                byName.put(type, types[i]);
            }
            Map<String, ConditionKeyType> keys = new TreeMap<>();
            for (int i = count(in); i > 0; i--) {
                keys.put(string(), type());
            }
            ActionInfo[] actions = new ActionInfo[count(in)];
            for (int i = 0; i < actions.length; i++) {
                String action = string();
                AccessLevel level = enumValue(AccessLevel.class, string());
                String raw = string();
                List<ActionResourceType> accepted = new ArrayList<>(4);
                for (int j = count(in); j > 0; j--) {
                    int type = in.readInt();
                    if (type < 0 || type >= types.length) {
                        throw broken(prefix + ":" + action + " names resource type " + type + " of " + types.length);
                    }
                    accepted.add(new ActionResourceType(types[type], in.readBoolean(), strings()));
                }
                actions[i] = new ActionInfo(prefix, action, level, raw, accepted, strings());
            }
            return new ServiceInfo(prefix, name, List.of(actions), Collections.unmodifiableMap(byName),
                    Collections.unmodifiableMap(keys));
        }

        ConditionKeyType type() throws IOException {
            return new ConditionKeyType(enumValue(ConditionKeyType.ValueType.class, string()), in.readBoolean());
        }

        private List<String> strings() throws IOException {
            int n = count(in);
            if (n == 0) {
                return List.of();
            }
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = string();
            }
            return List.of(values);
        }

        String string() throws IOException {
            int id = in.readInt();
            if (id < 0 || id >= strings.length) {
                throw broken("string " + id + " of " + strings.length + " does not exist");
            }
            return strings[id];
        }
    }

    private static int count(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > 100_000_000) {
            throw broken("a count of " + n);
        }
        return n;
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String name) throws IOException {
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw broken("no " + type.getSimpleName() + " " + name);
        }
    }

    private static IOException broken(String why) {
        return new IOException("broken: " + why);
    }
}
