package dev.roleplan.input.hcl.syntax;

import java.util.List;

/** A piece of a template: literal text, an interpolation, or an {@code if}/{@code for} directive. */
public sealed interface TemplatePart {

    SourceRange range();

    record Literal(String text, SourceRange range) implements TemplatePart {
    }

    /** {@code ${expression}}. */
    record Interpolation(Expression expression, SourceRange range) implements TemplatePart {
    }

    /** {@code %{if cond}then%{else}otherwise%{endif}}; otherwise is empty when there is no else. */
    record If(Expression condition, List<TemplatePart> then, List<TemplatePart> otherwise, SourceRange range)
            implements TemplatePart {
        public If {
            then = List.copyOf(then);
            otherwise = List.copyOf(otherwise);
        }
    }

    /** {@code %{for k, v in coll}body%{endfor}}; keyVar is null with one variable. */
    record For(String keyVar, String valueVar, Expression collection, List<TemplatePart> body, SourceRange range)
            implements TemplatePart {
        public For {
            body = List.copyOf(body);
        }
    }
}
