package dev.roleplan.input.hcl.syntax;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Comments of all three kinds are kept with their positions; comment-like text inside strings is not a comment. */
class HclCommentsTest {

    @Test
    void commentsAreKeptInSourceOrderWithPositions() {
        HclParser.ParsedFile parsed = HclParser.parseConfigWithComments("t.tf", """
                # first
                a = "# not a comment" // second\r
                b = <<EOT
                # not a comment either
                EOT
                /* third
                   spans */ c = 1
                """);
        List<String> comments = parsed.comments().stream()
                .map(c -> c.range().line() + ":" + c.range().column() + " " + c.text()).toList();
        assertEquals(List.of("1:1 # first", "2:23 // second", "6:1 /* third\n   spans */"), comments);
        assertEquals(3, parsed.body().attributes().size());
    }
}
