package dev.roleplan.input.hcl.syntax;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A body: the attributes and blocks of a file or of a block, in source order. */
public record Body(List<BodyItem> items, SourceRange range) {

    public Body {
        items = List.copyOf(items);
    }

    public List<Attribute> attributes() {
        List<Attribute> out = new ArrayList<>();
        for (BodyItem item : items) {
            if (item instanceof Attribute attribute) {
                out.add(attribute);
            }
        }
        return out;
    }

    public List<Block> blocks() {
        List<Block> out = new ArrayList<>();
        for (BodyItem item : items) {
            if (item instanceof Block block) {
                out.add(block);
            }
        }
        return out;
    }

    public List<Block> blocks(String type) {
        List<Block> out = new ArrayList<>();
        for (Block block : blocks()) {
            if (block.type().equals(type)) {
                out.add(block);
            }
        }
        return out;
    }

    /** The attribute of that name; the parser guarantees there is at most one. */
    public Optional<Attribute> attribute(String name) {
        for (Attribute attribute : attributes()) {
            if (attribute.name().equals(name)) {
                return Optional.of(attribute);
            }
        }
        return Optional.empty();
    }
}
