package dev.roleplan.input;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class InputLimitsTest {

    @Test
    void sizesParseWithBinaryUnits() {
        assertEquals(1_048_576L, InputLimits.parseSize("1048576"));
        assertEquals(65_536L, InputLimits.parseSize("64k"));
        assertEquals(512L * 1024 * 1024, InputLimits.parseSize("512M"));
        assertEquals(1L << 30, InputLimits.parseSize("1gb"));
        assertThrows(IllegalArgumentException.class, () -> InputLimits.parseSize("lots"));
        assertThrows(IllegalArgumentException.class, () -> InputLimits.parseSize("0"));
        assertThrows(IllegalArgumentException.class, () -> InputLimits.parseSize("-5m"));
        assertThrows(IllegalArgumentException.class, () -> InputLimits.parseSize("9999999999999g"));
        assertThrows(IllegalArgumentException.class, () -> InputLimits.parseSize("999999999999g"));
    }

    @Test
    void sizesFormatAsWritten() {
        assertEquals("512m", InputLimits.formatSize(512L * 1024 * 1024));
        assertEquals("1g", InputLimits.formatSize(1L << 30));
        assertEquals("3k", InputLimits.formatSize(3072));
        assertEquals("1000 bytes", InputLimits.formatSize(1000));
    }

    @Test
    void aSmallSizeLimitAlsoBoundsStrings() {
        InputLimits limits = InputLimits.defaults().withMaxInputBytes(1024);
        assertEquals(1024, limits.maxStringLength());
        assertEquals(InputLimits.DEFAULT_MAX_STRING_LENGTH, InputLimits.defaults().withMaxInputBytes(1L << 33).maxStringLength());
    }

    @Test
    void limitedStreamPassesUpToTheLimitAndFailsBeyond() throws IOException {
        byte[] ten = new byte[10];
        assertArrayEquals(ten, new LimitedInputStream(new ByteArrayInputStream(ten), 10).readAllBytes());
        LimitedInputStream over = new LimitedInputStream(new ByteArrayInputStream(new byte[11]), 10);
        LimitedInputStream.TooLarge e = assertThrows(LimitedInputStream.TooLarge.class, over::readAllBytes);
        assertEquals("larger than the maximum input size of 10 bytes", e.getMessage());
    }
}
