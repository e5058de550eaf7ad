package dev.roleplan.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PrintableTest {
    @Test
    void controlsAndBidiAreShownLineBreaksOnlyWhenAsked() {
        String hostile = "a\nb\r\u001b[31mred\u202Eevil\u2028x\u0085";
        assertEquals("a\\nb\\r\\u001b[31mred<U+202E>evil<U+2028>x\\u0085", Printable.escape(hostile, false));
        assertEquals("a\nb\r\\u001b[31mred<U+202E>evil<U+2028>x\\u0085", Printable.escape(hostile, true));
        assertEquals("plain text, é and 日本", Printable.escape("plain text, é and 日本", false));
    }

    @Test
    void tabsAreShownAsBackslashT() {
        assertEquals("a\\tb", Printable.escape("a\tb", false));
        assertEquals("a\\tb", Printable.escape("a\tb", true));
    }
}
