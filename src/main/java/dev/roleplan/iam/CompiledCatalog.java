package dev.roleplan.iam;

import java.io.BufferedInputStream;
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
 * ({@link #main}, run by Maven after compiling) and every run reads in one pass: a table of the distinct
 * strings, then each service's resource types, condition keys and actions as indexes into it.
 *
 * <p>Why not the JSON: reading it took about 300 ms of CPU in a cold JVM and allocated 50 MB for 14 MB of
 * catalog, with ~24,000 condition-key strings that are 1,500 distinct ones. This form is read in about 75 ms,
 * shares each string, and on a 100 MB plan spares one of the run's two young collections
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
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(source), 64 * 1024)) {
            reader = CatalogReader.read(in);
        }
        if (reader.format != CatalogReader.SUPPORTED_FORMAT) {
            throw new IamDataException("IAM action catalog " + args[0] + " has format " + reader.format + ", expected "
                    + CatalogReader.SUPPORTED_FORMAT);
        }
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            write(new Parts(reader.services, reader.globals), fingerprint(source), out);
        }
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
            writeService(out, strings, service);
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
        out.writeInt(strings.id(service.prefix()));
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
     * Reads what {@link #write} wrote.
     *
     * @param sourceFingerprint the {@link #fingerprint} of the JSON it must have been made from
     * @throws IamDataException if the data is cut off, from another version or JSON, or inconsistent
     */
    static Parts read(InputStream source, long sourceFingerprint) {
        try {
            return new Reader(new DataInputStream(new BufferedInputStream(source, 64 * 1024)), sourceFingerprint).read();
        } catch (EOFException e) {
            throw new IamDataException("compiled IAM action catalog " + RESOURCE + " is cut off; rebuild roleplan "
                    + "(mvn package)", e);
        } catch (IOException e) {
            throw new IamDataException("cannot read compiled IAM action catalog " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static final class Reader {
        private final DataInputStream in;
        private final long sourceFingerprint;
        private String[] strings;

        Reader(DataInputStream in, long sourceFingerprint) {
            this.in = in;
            this.sourceFingerprint = sourceFingerprint;
        }

        Parts read() throws IOException {
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
            strings = new String[count()];
            for (int i = 0; i < strings.length; i++) {
                strings[i] = in.readUTF();
            }
            Map<String, ConditionKey> globals = new TreeMap<>();
            for (int i = count(); i > 0; i--) {
                String name = string();
                globals.put(name, new ConditionKey(name, type(), true));
            }
            Map<String, ServiceInfo> services = new TreeMap<>();
            for (int i = count(); i > 0; i--) {
                ServiceInfo service = service();
                services.put(service.prefix(), service);
            }
            if (in.readInt() != MAGIC) {
                throw broken("its end marker is missing");
            }
            return new Parts(services, globals);
        }

        private ServiceInfo service() throws IOException {
            String prefix = string().intern();
            String name = string();
            ResourceType[] types = new ResourceType[count()];
            Map<String, ResourceType> byName = new TreeMap<>();
            for (int i = 0; i < types.length; i++) {
                String type = string();
                types[i] = new ResourceType(prefix, type, new ArnFormat(string()), strings());
                byName.put(type, types[i]);
            }
            Map<String, ConditionKeyType> keys = new TreeMap<>();
            for (int i = count(); i > 0; i--) {
                keys.put(string(), type());
            }
            ActionInfo[] actions = new ActionInfo[count()];
            for (int i = 0; i < actions.length; i++) {
                String action = string();
                AccessLevel level = enumValue(AccessLevel.class, string());
                String raw = string();
                List<ActionResourceType> accepted = new ArrayList<>(4);
                for (int j = count(); j > 0; j--) {
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

        private ConditionKeyType type() throws IOException {
            return new ConditionKeyType(enumValue(ConditionKeyType.ValueType.class, string()), in.readBoolean());
        }

        private List<String> strings() throws IOException {
            int n = count();
            if (n == 0) {
                return List.of();
            }
            String[] values = new String[n];
            for (int i = 0; i < n; i++) {
                values[i] = string();
            }
            return List.of(values);
        }

        private String string() throws IOException {
            int id = in.readInt();
            if (id < 0 || id >= strings.length) {
                throw broken("string " + id + " of " + strings.length + " does not exist");
            }
            return strings[id];
        }

        private int count() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > 1_000_000) {
                throw broken("a count of " + n);
            }
            return n;
        }

        private <E extends Enum<E>> E enumValue(Class<E> type, String name) throws IOException {
            try {
                return Enum.valueOf(type, name);
            } catch (IllegalArgumentException e) {
                throw broken("no " + type.getSimpleName() + " " + name);
            }
        }

        private IOException broken(String why) {
            return new IOException("broken: " + why);
        }
    }
}
