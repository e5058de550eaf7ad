package dev.roleplan.input.hcl;

import dev.roleplan.input.InputException;
import dev.roleplan.input.hcl.syntax.Attribute;
import dev.roleplan.input.hcl.syntax.Block;
import dev.roleplan.input.hcl.syntax.Body;
import dev.roleplan.input.hcl.syntax.HclJsonParser;
import dev.roleplan.input.hcl.syntax.HclParser;
import dev.roleplan.input.hcl.syntax.HclSyntaxException;
import dev.roleplan.input.hcl.syntax.JsonValue;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The blocks of one module directory: every {@code *.tf} file merged, as Terraform merges them. */
final class ModuleConfig {

    final Path dir;
    final Map<String, Block> variables = new LinkedHashMap<>();
    final Map<String, Attribute> locals = new LinkedHashMap<>();
    final Map<String, Block> outputs = new LinkedHashMap<>();
    /** "type.name" of managed resources and "data.type.name" of data sources, in file order. */
    final Map<String, Block> resources = new LinkedHashMap<>();
    final Map<String, Block> calls = new LinkedHashMap<>();
    final List<Block> providers = new ArrayList<>();

    private ModuleConfig(Path dir) {
        this.dir = dir;
    }

    /**
     * Reads a module directory (or a single {@code .tf} file). File names in positions are relative to
     * {@code root}. Syntax errors are thrown as {@link HclSyntaxException}.
     */
    static ModuleConfig load(Path root, Path dirOrFile, Session session) {
        boolean single = Files.isRegularFile(dirOrFile);
        ModuleConfig config = new ModuleConfig(single ? dirOrFile.toAbsolutePath().getParent() : dirOrFile.toAbsolutePath());
        for (Path file : files(dirOrFile)) {
            String display = root.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
            if (file.getFileName().toString().endsWith(".tf.json")) {
                config.add(parseJson(file, display));
            } else {
                HclParser.ParsedFile parsed = parseWithComments(file, display);
                session.comments(parsed.comments());
                config.add(parsed.body());
            }
        }
        return config;
    }

    static List<Path> files(Path dirOrFile) {
        if (Files.isRegularFile(dirOrFile)) {
            return List.of(dirOrFile);
        }
        try (Stream<Path> stream = Files.list(dirOrFile)) {
            return stream.filter(p -> {
                String name = p.getFileName().toString();
                return Files.isRegularFile(p) && (name.endsWith(".tf") || name.endsWith(".tf.json"));
            }).sorted().toList();
        } catch (IOException e) {
            throw new InputException(dirOrFile.toString(), null, "cannot list the directory: " + e.getMessage(), e);
        }
    }

    static Body parse(Path file, String display) {
        try {
            return HclParser.parseConfig(file, display);
        } catch (MalformedInputException e) {
            throw new InputException(display, null, "is not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(display, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    static HclParser.ParsedFile parseWithComments(Path file, String display) {
        try {
            return HclParser.parseConfigWithComments(file, display);
        } catch (MalformedInputException e) {
            throw new InputException(display, null, "is not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(display, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    /** A .tfvars.json file: its top-level properties are attributes. */
    static Body parseJsonValues(Path file, String display) {
        try {
            String text = Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
            JsonValue.JsonObject root = HclJsonParser.parseConfig(display, text);
            List<dev.roleplan.input.hcl.syntax.BodyItem> items = new ArrayList<>();
            for (JsonValue.Member member : root.members()) {
                items.add(new Attribute(member.key(), HclJsonParser.toExpression(member.value()), member.keyRange(),
                        member.keyRange()));
            }
            return new Body(items, root.range());
        } catch (IOException e) {
            throw new InputException(display, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    static Body parseJson(Path file, String display) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
            return JsonConfig.toBody(HclJsonParser.parseConfig(display, text));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(display, null, "is not valid UTF-8 text", e);
        } catch (IOException e) {
            throw new InputException(display, null, "cannot be read: " + e.getMessage(), e);
        }
    }

    private void add(Body body) {
        for (Block block : body.blocks()) {
            List<String> labels = block.labelValues();
            switch (block.type()) {
                case "variable" -> put(variables, labels, 1, block);
                case "output" -> put(outputs, labels, 1, block);
                case "module" -> put(calls, labels, 1, block);
                case "provider" -> providers.add(block);
                case "locals" -> block.body().attributes().forEach(a -> locals.put(a.name(), a));
                case "resource" -> {
                    if (labels.size() == 2) {
                        resources.put(labels.get(0) + "." + labels.get(1), block);
                    }
                }
                case "data" -> {
                    if (labels.size() == 2) {
                        resources.put("data." + labels.get(0) + "." + labels.get(1), block);
                    }
                }
                default -> {
                    // terraform, moved, import, check, removed blocks hold nothing roleplan analyses
                }
            }
        }
    }

    private static void put(Map<String, Block> into, List<String> labels, int count, Block block) {
        if (labels.size() == count) {
            into.put(labels.get(0), block);
        }
    }
}
