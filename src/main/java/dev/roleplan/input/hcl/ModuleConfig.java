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
     * {@code root}; a syntax error is an {@link InputException} naming the file as the user would find it.
     */
    static ModuleConfig load(Path root, Path dirOrFile, Session session) {
        boolean single = Files.isRegularFile(dirOrFile);
        ModuleConfig config = new ModuleConfig(single ? dirOrFile.toAbsolutePath().getParent() : dirOrFile.toAbsolutePath());
        List<Path> files = files(dirOrFile);
        // Override files are merged into the blocks of the other files after those are all read, as in Terraform.
        for (boolean overrides : new boolean[] {false, true}) {
            for (Path file : files) {
                if (isOverrideFile(file) != overrides) {
                    continue;
                }
                String display = root.relativize(file.toAbsolutePath()).toString().replace('\\', '/');
                String name = session.files().shown(display);
                String text = text(file, display, name, session.files());
                Body body;
                try {
                    if (file.getFileName().toString().endsWith(".tf.json")) {
                        body = JsonConfig.toBody(HclJsonParser.parseConfig(display, text));
                    } else {
                        HclParser.ParsedFile parsed = HclParser.parseConfigWithComments(display, text);
                        session.comments(parsed.comments());
                        body = parsed.body();
                    }
                } catch (HclSyntaxException e) {
                    throw syntaxError(name, e);
                }
                if (overrides) {
                    config.override(body, session);
                } else {
                    config.add(body, session);
                }
            }
        }
        return config;
    }

    /** {@code override.tf}, {@code x_override.tf} and their {@code .tf.json} forms. */
    static boolean isOverrideFile(Path file) {
        String name = file.getFileName().toString();
        String base = name.endsWith(".tf.json") ? name.substring(0, name.length() - ".tf.json".length())
                : name.substring(0, name.length() - ".tf".length());
        return base.equals("override") || base.endsWith("_override");
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

    /** A .tfvars.json file: its top-level properties are attributes. */
    static Body parseJsonValues(String display, String text) {
        JsonValue.JsonObject root = HclJsonParser.parseConfig(display, text);
        List<dev.roleplan.input.hcl.syntax.BodyItem> items = new ArrayList<>();
        for (JsonValue.Member member : root.members()) {
            items.add(new Attribute(member.key(), HclJsonParser.toExpression(member.value()), member.keyRange(),
                    member.keyRange()));
        }
        return new Body(items, root.range());
    }

    /**
     * The text of a configuration or variable file, {@code display} being its name in positions and {@code name} its
     * name in errors; a file that cannot be read, or is larger than the input limit, is refused. Invalid UTF-8 is not
     * a read error here: it is a syntax error at 1:1, whichever syntax the file is in.
     */
    static String text(Path file, String display, String name, SourceFiles files) {
        try {
            return HclParser.decodeUtf8(display, files.read(file, name, null));
        } catch (IOException e) {
            throw new InputException(name, null, "cannot be read: " + e.getMessage(), e);
        } catch (HclSyntaxException e) {
            throw syntaxError(name, e);
        }
    }

    /**
     * A syntax error as the reader reports it: {@code name:line:col}, {@code name} being what the caller knows the
     * file (or {@code --var}) as. The parser only knows the name used in positions, which for a --var-file can be
     * the name of another file in the tree.
     */
    static InputException syntaxError(String name, HclSyntaxException e) {
        return new InputException(name + ":" + e.line() + ":" + e.column(), null, e.detail(), e);
    }

    private void add(Body body, Session session) {
        for (Block block : body.blocks()) {
            Map<String, Block> into = blocksOf(block);
            String key = keyOf(block);
            if (into != null && key != null) {
                Block first = into.get(key);
                if (first != null) {
                    session.notice(where(block) + ": " + describe(block) + " is already defined at " + where(first)
                            + "; terraform refuses a duplicate, roleplan keeps the first");
                } else {
                    into.put(key, block);
                }
            } else if (block.type().equals("provider")) {
                providers.add(block);
            } else if (block.type().equals("locals")) {
                for (Attribute local : block.body().attributes()) {
                    Attribute first = locals.get(local.name());
                    if (first != null) {
                        session.notice(local.range().file() + ":" + local.range().line() + ": local." + local.name()
                                + " is already defined at " + first.range().file() + ":" + first.range().line()
                                + "; terraform refuses a duplicate, roleplan keeps the first");
                    } else {
                        locals.put(local.name(), local);
                    }
                }
            }
            // terraform, moved, import, check, removed blocks hold nothing roleplan analyses
        }
    }

    /**
     * An override file's blocks merged into the blocks they name: each attribute replaces the original's,
     * each nested block type replaces all the original's blocks of that type (Terraform's override rules).
     */
    private void override(Body body, Session session) {
        for (Block block : body.blocks()) {
            Map<String, Block> into = blocksOf(block);
            String key = keyOf(block);
            if (into != null && key != null) {
                Block original = into.get(key);
                if (original == null) {
                    session.notice(where(block) + ": " + describe(block) + " overrides nothing (no such block in the "
                            + "other files); terraform refuses this, roleplan ignores it");
                } else {
                    into.put(key, merged(original, block));
                }
            } else if (block.type().equals("provider")) {
                int index = -1;
                for (int i = 0; i < providers.size(); i++) {
                    if (providers.get(i).labelValues().equals(block.labelValues()) && java.util.Objects.equals(alias(providers.get(i)), alias(block))) {
                        index = i;
                    }
                }
                if (index < 0) {
                    session.notice(where(block) + ": " + describe(block) + " overrides nothing (no such block in the "
                            + "other files); terraform refuses this, roleplan ignores it");
                } else {
                    providers.set(index, merged(providers.get(index), block));
                }
            } else if (block.type().equals("locals")) {
                for (Attribute local : block.body().attributes()) {
                    if (!locals.containsKey(local.name())) {
                        session.notice(local.range().file() + ":" + local.range().line() + ": local." + local.name()
                                + " overrides nothing (no such local in the other files); terraform refuses this, roleplan ignores it");
                    } else {
                        locals.put(local.name(), local);
                    }
                }
            }
        }
    }

    private static Block merged(Block original, Block override) {
        java.util.Set<String> attributes = new java.util.HashSet<>();
        java.util.Set<String> blockTypes = new java.util.HashSet<>();
        for (dev.roleplan.input.hcl.syntax.BodyItem item : override.body().items()) {
            if (item instanceof Attribute a) {
                attributes.add(a.name());
            } else if (item instanceof Block b) {
                blockTypes.add(nestedType(b));
            }
        }
        List<dev.roleplan.input.hcl.syntax.BodyItem> items = new ArrayList<>();
        for (dev.roleplan.input.hcl.syntax.BodyItem item : original.body().items()) {
            boolean replaced = item instanceof Attribute a ? attributes.contains(a.name())
                    : item instanceof Block b && blockTypes.contains(nestedType(b));
            if (!replaced) {
                items.add(item);
            }
        }
        items.addAll(override.body().items());
        return new Block(original.type(), original.labels(), new Body(items, original.body().range()),
                original.typeRange(), original.range());
    }

    /** A nested block's type; a {@code dynamic "x"} block stands for blocks of type x. */
    private static String nestedType(Block block) {
        return block.type().equals("dynamic") && block.labels().size() == 1 ? block.labels().get(0).value() : block.type();
    }

    private static String alias(Block provider) {
        Attribute alias = provider.body().attribute("alias").orElse(null);
        return alias != null && alias.value() instanceof dev.roleplan.input.hcl.syntax.Expression.TemplateExpr t
                && t.isStringLiteral() ? t.literalValue() : null;
    }

    /** The map a block of this kind is kept in, or null (providers, locals and blocks roleplan does not keep). */
    private Map<String, Block> blocksOf(Block block) {
        return switch (block.type()) {
            case "variable" -> variables;
            case "output" -> outputs;
            case "module" -> calls;
            case "resource", "data" -> resources;
            default -> null;
        };
    }

    /** The key of a block in its map; null when its labels are not the expected ones. */
    private static String keyOf(Block block) {
        List<String> labels = block.labelValues();
        return switch (block.type()) {
            case "variable", "output", "module" -> labels.size() == 1 ? labels.get(0) : null;
            case "resource" -> labels.size() == 2 ? labels.get(0) + "." + labels.get(1) : null;
            case "data" -> labels.size() == 2 ? "data." + labels.get(0) + "." + labels.get(1) : null;
            default -> null;
        };
    }

    private static String where(Block block) {
        return block.range().file() + ":" + block.range().line();
    }

    private static String describe(Block block) {
        StringBuilder out = new StringBuilder(block.type());
        for (String label : block.labelValues()) {
            out.append(" \"").append(label).append('"');
        }
        return out.toString();
    }
}
