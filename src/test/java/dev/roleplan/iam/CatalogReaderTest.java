package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogReaderTest {
    private static ActionCatalog load(String json) throws IOException {
        return ActionCatalog.load(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static final String SERVICE = """
            {"name":"Example","actions":{"Do":{"access":"%s","resourceTypes":["%s"],"conditionKeys":["ex:k"]}},
             "resourceTypes":{"thing":{"arn":"arn:${Partition}:ex:${Region}:${Account}:thing/${Id}"}},
             "conditionKeys":{"ex:k":"%s"}}""";

    private static String catalog(int format, String access, String type, String keyType) {
        return "{\"format\":" + format + ",\"future\":[1,{\"x\":2}],\"globalConditionKeys\":{\"aws:SourceIp\":{\"type\":\"IPAddress\"}},"
                + "\"services\":{\"ex\":" + SERVICE.formatted(access, type, keyType) + "}}";
    }

    @Test
    void readsAMinimalCatalogSkippingUnknownFields() throws IOException {
        ActionCatalog c = load(catalog(2, "Write", "thing*", "String"));
        ActionInfo action = c.action("EX:do").orElseThrow();
        assertEquals("ex:Do", action.fullName());
        assertEquals(AccessLevel.WRITE, action.accessLevel());
        assertEquals("Write", action.accessLevelRaw());
        assertEquals(true, action.resourceTypes().get(0).required());
        assertEquals(true, action.acceptsArn("arn:aws:ex:eu-west-1:1:thing/a"));
        assertEquals(List.of("ex:k"), action.conditionKeys());
        assertEquals("String", c.conditionKeyType("ex:k").orElseThrow().awsName());
        assertEquals("Example", c.service("ex").orElseThrow().name());
    }

    @Test
    void refusesBrokenData() {
        assertEquals("IAM action catalog has format 1, this roleplan reads format 2; regenerate it with tools/iam-data/generate.sh",
                assertThrows(IamDataException.class, () -> load(catalog(1, "Write", "thing", "String"))).getMessage());
        assertEquals("IAM action catalog: ex:Do has unknown access level \"Writ\"",
                assertThrows(IamDataException.class, () -> load(catalog(2, "Writ", "thing", "String"))).getMessage());
        assertEquals("IAM action catalog: ex:Do names undefined resource type thingy",
                assertThrows(IamDataException.class, () -> load(catalog(2, "Write", "thingy", "String"))).getMessage());
        assertEquals("IAM action catalog: condition key ex:k: unknown condition key type \"Strang\"",
                assertThrows(IamDataException.class, () -> load(catalog(2, "Write", "thing", "Strang"))).getMessage());
        assertEquals("IAM action catalog has no services",
                assertThrows(IamDataException.class, () -> load("{\"format\":2,\"services\":{}}")).getMessage());
    }

    /** Read as runs read the bundled catalog: compiled, then each service when first asked for. */
    private static ActionCatalog lazily(String json) throws IOException {
        return CompiledCatalogTest.readLazily(load(json));
    }

    @Test
    void aLazyCatalogReadsOnlyTheServicesAskedFor() throws IOException {
        String two = catalog(2, "Write", "thing*", "String").replace("\"services\":{\"ex\":" + SERVICE.formatted("Write", "thing*", "String"),
                "\"services\":{\"ex\":" + SERVICE.formatted("Write", "thing*", "String") + ",\"zz\":{\"name\":\"Zed\",\"actions\":"
                        + "{\"Go\":{\"access\":\"Read\"}}}");
        ActionCatalog c = lazily(two);
        assertEquals(0, c.servicesRead());
        assertEquals(List.of("ex", "zz"), List.copyOf(c.services().keySet()));
        assertEquals(0, c.servicesRead());
        assertEquals("zz:Go", c.action("ZZ:go").orElseThrow().fullName());
        assertEquals(1, c.servicesRead());
        assertEquals(List.of("ex:Do", "zz:Go"), c.allActions().stream().map(ActionInfo::fullName).toList());
        assertEquals(2, c.servicesRead());
    }

    /** "s3-outposts:x" sorts before "s3:x" ('-' before ':'), though the prefix "s3" sorts before "s3-outposts". */
    @Test
    void everyActionIsInLowerCaseNameOrderAcrossServices() throws IOException {
        String json = "{\"format\":2,\"services\":{"
                + "\"s3\":{\"name\":\"S3\",\"actions\":{\"GetObject\":{\"access\":\"Read\"}}},"
                + "\"s3-outposts\":{\"name\":\"Outposts\",\"actions\":{\"GetObject\":{\"access\":\"Read\"}}}}}";
        for (ActionCatalog c : List.of(load(json), lazily(json))) {
            assertEquals(List.of("s3-outposts:GetObject", "s3:GetObject"),
                    c.allActions().stream().map(ActionInfo::fullName).toList());
            assertEquals(List.of("s3-outposts:GetObject", "s3:GetObject"),
                    EffectivePermissions.ofDocuments(List.of(PolicyParser.parse(
                            "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}}")), c)
                            .grants().keySet().stream().toList());
        }
    }

    /** Read as any other name; the build step refuses to bundle it (CompiledCatalogTest). */
    @Test
    void namesBeyondLettersDigitsAndDashesAreRead() throws IOException {
        ActionCatalog c = lazily(catalog(2, "Write", "thing*", "String").replace("\"Do\":", "\"Do_It\":"));
        assertEquals("ex:Do_It", c.allActions().get(0).fullName());
    }

    /**
     * The JSON is read whole, so a broken service is refused before a catalog is compiled from it; a compiled one
     * refuses a broken service when it is read (CompiledCatalogTest).
     */
    @Test
    void aLazyCatalogRefusesABrokenServiceWhenItIsRead() throws IOException {
        assertEquals("IAM action catalog: ex:Do has unknown access level \"Writ\"",
                assertThrows(IamDataException.class, () -> lazily(catalog(2, "Writ", "thing", "String"))).getMessage());
        assertEquals("IAM action catalog has format 1, this roleplan reads format 2; regenerate it with tools/iam-data/generate.sh",
                assertThrows(IamDataException.class, () -> lazily(catalog(1, "Write", "thing", "String"))).getMessage());
    }

    @Test
    void theBundledCatalogReadLazilyIsTheCatalogReadWhole() throws IOException {
        ActionCatalog lazy = CompiledCatalogTest.freshBundled();
        ActionCatalog whole;
        try (java.io.InputStream in = new java.util.zip.GZIPInputStream(
                ActionCatalog.class.getResourceAsStream(ActionCatalog.RESOURCE))) {
            whole = ActionCatalog.load(in);
        }
        assertEquals(whole.allActions(), lazy.allActions());
        assertEquals(whole.services(), lazy.services());
        assertEquals(whole.globalConditionKeys(), lazy.globalConditionKeys());
        assertEquals(whole.conditionKey("s3:prefix"), lazy.conditionKey("s3:prefix"));
    }
}
