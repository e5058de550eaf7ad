package dev.roleplan.input.plan;

import dev.roleplan.input.InputException;
import dev.roleplan.model.Notice;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.PushbackReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Decodes the first bytes of a plan: a UTF-8 byte order mark is dropped, UTF-16 with a byte order mark
 * becomes a character stream, and the {@code [command]...} line that hashicorp/setup-terraform's wrapper
 * writes before the JSON is skipped with a warning. Everything after the first few bytes is streamed
 * untouched: a plan is never held in memory as text and never split into lines.
 */
final class PlanSource {

    private static final String WRAPPER = "[command]";
    private static final int PEEK = 16;

    /** Either {@code bytes} (UTF-8, handed to Jackson as bytes so it reports byte offsets) or {@code chars}. */
    record Opened(InputStream bytes, Reader chars, String encoding, boolean wrapper) {
    }

    private PlanSource() {
    }

    static Opened open(InputStream raw, String displayName, List<Notice> notices) throws IOException, InputException {
        PushbackInputStream in = new PushbackInputStream(raw, PEEK);
        byte[] head = in.readNBytes(4);
        int n = head.length;
        if (n == 0) {
            throw new InputException(displayName, null, "the file is empty, not a Terraform plan");
        }
        if (n >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
            in.unread(head, 3, n - 3);
            return openUtf8(in, displayName, notices);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            in.unread(head, 2, n - 2);
            return openUtf16(in, StandardCharsets.UTF_16LE, "UTF-16LE", displayName, notices);
        }
        if (n >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            in.unread(head, 2, n - 2);
            return openUtf16(in, StandardCharsets.UTF_16BE, "UTF-16BE", displayName, notices);
        }
        if (n >= 2 && (head[0] == 0 || head[1] == 0)) {
            throw new InputException(displayName, head[0] == 0 ? "byte 0" : "byte 1",
                    "has a NUL byte at its start: UTF-16 or UTF-32 text without a byte order mark, or a binary file "
                            + "(a saved plan must first be converted with 'terraform show -json')");
        }
        in.unread(head, 0, n);
        return openUtf8(in, displayName, notices);
    }

    private static Opened openUtf8(PushbackInputStream in, String displayName, List<Notice> notices) throws IOException {
        byte[] head = in.readNBytes(WRAPPER.length());
        if (new String(head, StandardCharsets.ISO_8859_1).equals(WRAPPER)) {
            skipLine(in);
            notices.add(wrapperNotice(displayName));
            return new Opened(in, null, "UTF-8", true);
        }
        in.unread(head);
        return new Opened(in, null, "UTF-8", false);
    }

    private static Opened openUtf16(InputStream in, java.nio.charset.Charset charset, String name, String displayName,
                                    List<Notice> notices) throws IOException {
        // A strict decoder, so a corrupt file is refused instead of read with replacement characters.
        Reader decoded = new InputStreamReader(in, charset.newDecoder()
                .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT));
        PushbackReader reader = new PushbackReader(new java.io.BufferedReader(decoded, 1 << 16), PEEK);
        char[] head = new char[WRAPPER.length()];
        int n = 0;
        while (n < head.length) {
            int c = reader.read();
            if (c < 0) {
                break;
            }
            head[n++] = (char) c;
        }
        if (n == head.length && new String(head).equals(WRAPPER)) {
            int c;
            do {
                c = reader.read();
            } while (c >= 0 && c != '\n');
            notices.add(wrapperNotice(displayName));
            return new Opened(null, reader, name, true);
        }
        reader.unread(head, 0, n);
        return new Opened(null, reader, name, false);
    }

    private static void skipLine(InputStream in) throws IOException {
        int b;
        do {
            b = in.read();
        } while (b >= 0 && b != '\n');
    }

    private static Notice wrapperNotice(String displayName) {
        return Notice.warning(displayName, "skipped a leading '[command]...' line written by the setup-terraform "
                + "wrapper (and its trailing ::debug:: lines); set terraform_wrapper: false in hashicorp/setup-terraform to get plain JSON");
    }
}
