package dev.roleplan.iam;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CompiledCatalogTest {

    static byte[] bundled(String resource) throws IOException {
        try (InputStream in = ActionCatalog.class.getResourceAsStream(resource)) {
            assertNotNull(in, resource + " is on the classpath (the build's process-classes step writes the compiled one)");
            return in.readAllBytes();
        }
    }

    private static CompiledCatalog.Parts fromJson(byte[] jsonGz) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(jsonGz))) {
            CatalogReader reader = CatalogReader.read(in);
            return new CompiledCatalog.Parts(reader.services, reader.globals);
        }
    }

    private static byte[] compiled(CompiledCatalog.Parts parts, long fingerprint) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CompiledCatalog.write(parts, fingerprint, out);
        return out.toByteArray();
    }

    /** Every service of a compiled catalog, read from its index. */
    private static CompiledCatalog.Parts readWhole(byte[] data, long sourceFingerprint) {
        CompiledCatalog.Index index = CompiledCatalog.index(data, sourceFingerprint);
        java.util.Map<String, ServiceInfo> services = new java.util.TreeMap<>();
        for (String prefix : index.prefixes()) {
            services.put(prefix, index.service(prefix));
        }
        return new CompiledCatalog.Parts(services, index.globals());
    }

    /**
     * A catalog read whole, compiled and read back lazily, as runs read the bundled one: each service when first
     * asked for.
     */
    static ActionCatalog readLazily(ActionCatalog whole) throws IOException {
        CompiledCatalog.Parts parts = new CompiledCatalog.Parts(whole.services(), whole.globalConditionKeys());
        return ActionCatalog.loadCompiled(compiled(parts, 0), 0);
    }

    /** The bundled compiled catalog, loaded afresh: no service read yet. */
    static ActionCatalog freshBundled() throws IOException {
        return ActionCatalog.loadCompiled(bundled(CompiledCatalog.RESOURCE), CompiledCatalog.fingerprint(bundled(ActionCatalog.RESOURCE)));
    }

    @Test
    void theCompiledCatalogTheBuildBundlesIsTheJsonCatalog() throws IOException {
        byte[] json = bundled(ActionCatalog.RESOURCE);
        CompiledCatalog.Parts expected = fromJson(json);
        CompiledCatalog.Parts read = readWhole(bundled(CompiledCatalog.RESOURCE),
                CompiledCatalog.fingerprint(json));
        assertEquals(expected.globals(), read.globals());
        assertEquals(expected.services().keySet(), read.services().keySet());
        // record equality reaches every action, resource type (with its ARN format) and condition key
        assertEquals(expected.services(), read.services());
        assertEquals(22_000, read.services().values().stream().mapToInt(s -> s.actions().size()).sum(), 2_000);
    }

    @Test
    void theRunsReadTheCompiledCatalog() throws IOException {
        CompiledCatalog.Parts json = fromJson(bundled(ActionCatalog.RESOURCE));
        ActionCatalog catalog = ActionCatalog.get();
        assertEquals(json.services(), catalog.services());
        assertEquals(json.globals(), catalog.globalConditionKeys());
        // one string for a key many actions list (the string table's point; the JSON reader makes one per use),
        // which also shows that the catalog came from the compiled form
        java.util.List<String> get = catalog.action("s3:GetObject").orElseThrow().conditionKeys();
        java.util.List<String> put = catalog.action("s3:PutObject").orElseThrow().conditionKeys();
        assertSame(get.get(get.indexOf("s3:ResourceAccount")), put.get(put.indexOf("s3:ResourceAccount")));
    }

    @Test
    void aServiceIsReadWhenFirstAskedFor() throws IOException {
        byte[] json = bundled(ActionCatalog.RESOURCE);
        ActionCatalog catalog = ActionCatalog.loadCompiled(bundled(CompiledCatalog.RESOURCE), CompiledCatalog.fingerprint(json));
        assertEquals(0, catalog.servicesRead());
        assertEquals("s3:GetObject", catalog.action("S3:getobject").orElseThrow().fullName());
        assertEquals(1, catalog.servicesRead());
        assertEquals(java.util.Optional.empty(), catalog.action("nosuchservice:Do"));
        assertEquals(1, catalog.servicesRead());
        assertEquals(fromJson(json).services().get("ecs"), catalog.service("ecs").orElseThrow());
        assertEquals(2, catalog.servicesRead());
    }

    @Test
    void aCompiledCatalogMadeFromOtherJsonIsRefused() throws IOException {
        byte[] json = bundled(ActionCatalog.RESOURCE);
        byte[] data = compiled(fromJson(json), CompiledCatalog.fingerprint(json) + 1);
        IamDataException e = assertThrows(IamDataException.class,
                () -> readWhole(data, CompiledCatalog.fingerprint(json)));
        assertEquals("cannot read compiled IAM action catalog /dev/roleplan/iam/iam-catalog.bin: broken: it was made "
                + "from another /dev/roleplan/iam/iam-catalog.json.gz; rebuild roleplan (mvn package)", e.getMessage());
    }

    @Test
    void aCutOffOrForeignFileIsRefusedClearly() throws IOException {
        byte[] json = bundled(ActionCatalog.RESOURCE);
        long fingerprint = CompiledCatalog.fingerprint(json);
        byte[] data = compiled(fromJson(json), fingerprint);

        byte[] cut = Arrays.copyOf(data, data.length - 100);
        assertEquals("compiled IAM action catalog /dev/roleplan/iam/iam-catalog.bin is cut off; rebuild roleplan (mvn package)",
                assertThrows(IamDataException.class, () -> readWhole(cut, fingerprint))
                        .getMessage());

        byte[] otherVersion = data.clone();
        ByteBuffer.wrap(otherVersion).putInt(4, CompiledCatalog.VERSION + 1);
        assertEquals("cannot read compiled IAM action catalog /dev/roleplan/iam/iam-catalog.bin: broken: it has layout "
                + (CompiledCatalog.VERSION + 1) + ", this roleplan reads " + CompiledCatalog.VERSION + "; rebuild roleplan (mvn package)",
                assertThrows(IamDataException.class,
                        () -> readWhole(otherVersion, fingerprint)).getMessage());

        assertEquals("cannot read compiled IAM action catalog /dev/roleplan/iam/iam-catalog.bin: broken: it is not a compiled catalog",
                assertThrows(IamDataException.class,
                        () -> readWhole(json, fingerprint)).getMessage());
    }

    /** The order EffectivePermissions keeps grants in assumes such names: the build checks them once, not each run. */
    @Test
    void theBuildStepRefusesActionNamesBeyondLettersDigitsDashesAndColons(@org.junit.jupiter.api.io.TempDir
                                                                           java.nio.file.Path dir) throws IOException {
        String json = "{\"format\":2,\"services\":{\"ex\":{\"name\":\"Example\",\"actions\":{"
                + "\"Do_It\":{\"access\":\"Read\"},\"Do-It2\":{\"access\":\"Read\"}}}}}";
        java.nio.file.Path source = dir.resolve("catalog.json.gz");
        java.nio.file.Files.write(source, gzip(json));
        java.nio.file.Path target = dir.resolve("catalog.bin");
        assertEquals("IAM action catalog " + source + " names actions with more than a-z, 0-9, '-' and ':' (in lower "
                + "case), whose order roleplan does not expect: [ex:do_it]", assertThrows(IamDataException.class,
                () -> CompiledCatalog.main(new String[] {source.toString(), target.toString()})).getMessage());
        assertEquals(false, java.nio.file.Files.exists(target));

        java.nio.file.Files.write(source, gzip(json.replace("Do_It", "DoIt")));
        CompiledCatalog.main(new String[] {source.toString(), target.toString()});
        assertEquals(true, java.nio.file.Files.size(target) > 0);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.io.OutputStream out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /** The index reads no service: a broken one is refused when a question first reads it, naming it. */
    @Test
    void aBrokenServiceIsRefusedWhenItIsRead() throws IOException {
        ActionCatalog whole = ActionCatalog.load(new ByteArrayInputStream(("{\"format\":2,\"services\":{"
                + "\"ex\":{\"name\":\"Example\",\"actions\":{\"Do\":{\"access\":\"Write\"}}},"
                + "\"zz\":{\"name\":\"Zed\",\"actions\":{\"Go\":{\"access\":\"Read\"}}}}}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        byte[] data = compiled(new CompiledCatalog.Parts(whole.services(), whole.globalConditionKeys()), 7);
        String table = new String(data, java.nio.charset.StandardCharsets.ISO_8859_1);
        data[table.indexOf("WRITE") + 4] = 'X'; // the access level ex:Do names, in the string table
        ActionCatalog c = ActionCatalog.loadCompiled(data, 7);
        assertEquals("zz:Go", c.action("zz:Go").orElseThrow().fullName());
        assertEquals("cannot read compiled IAM action catalog /dev/roleplan/iam/iam-catalog.bin: service ex: broken: "
                + "no AccessLevel WRITX", assertThrows(IamDataException.class, () -> c.action("ex:Do")).getMessage());
    }

    @Test
    void anIndexOutsideTheStringTableIsRefusedNotMisread() throws IOException {
        // a catalog with one global key and no services: its last bytes before the end marker are the service count
        CompiledCatalog.Parts tiny = new CompiledCatalog.Parts(java.util.Map.of(), new java.util.TreeMap<>(java.util.Map.of(
                "aws:SourceIp", new ConditionKey("aws:SourceIp", ConditionKeyType.parse("IPAddress"), true))));
        byte[] data = compiled(tiny, 7);
        // header (magic, version, fingerprint), the table's count and 2 strings, then the global count, the key's id
        int stringTableEnd = 4 + 4 + 8 + 4 + 2 + "aws:SourceIp".length() + 2 + "IP_ADDRESS".length();
        ByteBuffer.wrap(data).putInt(stringTableEnd + 4, 99);
        assertEquals("cannot read compiled IAM action catalog /dev/roleplan/iam/iam-catalog.bin: broken: string 99 of 2 "
                + "does not exist", assertThrows(IamDataException.class,
                () -> readWhole(data, 7)).getMessage());
    }
}
