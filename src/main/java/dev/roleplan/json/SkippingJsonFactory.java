package dev.roleplan.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;

import java.io.IOException;
import java.io.InputStream;

/**
 * A JSON factory whose byte parsers (from an InputStream or a byte array) skip a whole object or array by
 * scanning bytes instead of tokens: their {@code skipChildren()} does, so callers skip as with any parser.
 *
 * <p>Almost all of a big plan is resources roleplan does not analyse, and Jackson's {@code skipChildren()}
 * tokenizes every one of them: it decodes and canonicalizes each field name and reads each number. Scanning
 * for the closing bracket (minding strings and escapes) does the same job several times faster, which makes
 * reading a 100 MB plan cheaper than tokenizing it once (see docs/decisions/0006-byte-skipping-plan-reader.md).
 *
 * <p>A skipped value is still checked for what a damaged file shows: brackets that do not match, a string or
 * value cut off by the end of the input, raw control characters inside a string, and nesting deeper than the
 * configured maximum. What it does not check is the grammar of the tokens between (a misspelt {@code true}
 * inside a resource roleplan does not read is not reported); terraform and tofu never write such JSON.
 *
 * <p>Byte input is taken to be UTF-8 (the plan reader has dropped any byte order mark and refused UTF-16/32
 * without one before bytes get here; the bundled IAM data is UTF-8); a character parser (UTF-16 plans) uses
 * Jackson's own skip. Used by the plan reader and by the lazily loaded IAM data.
 */
public final class SkippingJsonFactory extends JsonFactory {

    private static final long serialVersionUID = 1L;

    public SkippingJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        ctxt.setEncoding(JsonEncoding.UTF8);
        return new Parser(ctxt, _parserFeatures, in, _objectCodec, _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
                ctxt.allocReadIOBuffer(), 0, 0, true, ctxt.streamReadConstraints().getMaxNestingDepth());
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        ctxt.setEncoding(JsonEncoding.UTF8);
        return new Parser(ctxt, _parserFeatures, null, _objectCodec, _byteSymbolCanonicalizer.makeChild(_factoryFeatures),
                data, offset, offset + len, false, ctxt.streamReadConstraints().getMaxNestingDepth());
    }

    /** The byte parser this factory makes (public for tests that check which parser they got). */
    public static final class Parser extends UTF8StreamJsonParser {

        private final int maxDepth;
        /** Open brackets of the value being skipped: true for an object. */
        private boolean[] open = new boolean[64];

        Parser(IOContext ctxt, int features, InputStream in, ObjectCodec codec, ByteQuadsCanonicalizer symbols,
               byte[] buffer, int start, int end, boolean bufferRecyclable, int maxDepth) {
            super(ctxt, features, in, codec, symbols, buffer, start, end, 0, bufferRecyclable);
            this.maxDepth = maxDepth;
        }

        /** Jackson's contract, by scanning bytes: skips the current object or array, leaving the parser on its end. */
        @Override
        public JsonParser skipChildren() throws IOException {
            skipValue();
            return this;
        }

        private void skipValue() throws IOException {
            JsonToken start = _currToken;
            if (start != JsonToken.START_OBJECT && start != JsonToken.START_ARRAY) {
                return; // a scalar, or already at an end: nothing to skip (as skipChildren)
            }
            int outerDepth = _parsingContext.getNestingDepth();
            int depth = 1;
            open[0] = start == JsonToken.START_OBJECT;
            while (true) {
                if (_inputPtr >= _inputEnd) {
                    loadMore(": the input ends inside a value", start);
                }
                byte[] buf = _inputBuffer;
                int ptr = _inputPtr;
                int end = _inputEnd;
                while (ptr < end) {
                    byte b = buf[ptr++];
                    if (b == '"') {
                        _inputPtr = ptr;
                        skipString(start);
                        buf = _inputBuffer;
                        ptr = _inputPtr;
                        end = _inputEnd;
                    } else if (b == '{' || b == '[') {
                        if (outerDepth + depth > maxDepth) {
                            _inputPtr = ptr;
                            // worded as Jackson words it, so that both refusals read alike
                            throw new StreamConstraintsException(String.format("Document nesting depth (%d) exceeds "
                                    + "the maximum allowed (%d, from `StreamReadConstraints.getMaxNestingDepth()`)",
                                    outerDepth + depth, maxDepth), currentLocation());
                        }
                        if (depth == open.length) {
                            open = java.util.Arrays.copyOf(open, depth * 2);
                        }
                        open[depth++] = b == '{';
                    } else if (b == '}' || b == ']') {
                        if (open[--depth] != (b == '}')) {
                            _inputPtr = ptr - 1; // at the marker, where Jackson reports it
                            _reportError("Unexpected close marker '" + (char) b + "': expected '"
                                    + (open[depth] ? '}' : ']') + "'");
                        }
                        if (depth == 0) {
                            _inputPtr = ptr;
                            _parsingContext = _parsingContext.clearAndGetParent();
                            _currToken = start == JsonToken.START_OBJECT ? JsonToken.END_OBJECT : JsonToken.END_ARRAY;
                            return;
                        }
                    } else if (b == '\n') {
                        ++_currInputRow;
                        _currInputRowStart = ptr;
                    }
                }
                _inputPtr = ptr;
            }
        }

        /** Refills the buffer, or reports the damaged file: the input ends inside what is being skipped. */
        private void loadMore(String where, JsonToken start) throws IOException {
            if (!_loadMore()) {
                _reportInvalidEOF(where, start);
            }
        }

        /** From after an opening quote to after its closing quote. */
        private void skipString(JsonToken start) throws IOException {
            while (true) {
                if (_inputPtr >= _inputEnd) {
                    loadMore(": the input ends inside a string", start);
                }
                byte[] buf = _inputBuffer;
                int ptr = _inputPtr;
                int end = _inputEnd;
                while (ptr < end) {
                    byte b = buf[ptr++];
                    if (b == '"') {
                        _inputPtr = ptr;
                        return;
                    }
                    if (b == '\\') {
                        if (ptr == end) {
                            _inputPtr = ptr;
                            loadMore(": the input ends inside a string", start);
                            buf = _inputBuffer;
                            ptr = _inputPtr;
                            end = _inputEnd;
                        }
                        ptr++; // the escaped character, whatever it is, cannot end the string
                    } else if (b >= 0 && b < 0x20) {
                        _inputPtr = ptr;
                        _reportError("illegal unquoted control character (code " + b + ") inside a string");
                    }
                }
                _inputPtr = ptr;
            }
        }
    }
}
