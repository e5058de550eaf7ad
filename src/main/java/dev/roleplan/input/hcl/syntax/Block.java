package dev.roleplan.input.hcl.syntax;

import java.util.ArrayList;
import java.util.List;

/** {@code type "label" label { body }}. */
public record Block(String type, List<Label> labels, Body body, SourceRange typeRange, SourceRange range)
        implements BodyItem {

    public Block {
        labels = List.copyOf(labels);
    }

    /** A block label, written as a quoted string ({@code quoted}) or as a bare identifier. */
    public record Label(String value, boolean quoted, SourceRange range) {
    }

    public List<String> labelValues() {
        List<String> out = new ArrayList<>();
        for (Label label : labels) {
            out.add(label.value());
        }
        return out;
    }
}
