import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.File;
import java.io.IOException;

/**
 * The floor for any JSON-reading tool: one Jackson streaming pass over the file that only tokenizes it.
 * Field names are read (Jackson always decodes them); string and number values are left undecoded, so
 * this is the least work a reader can do and still know the document's structure.
 *
 * <p>Usage (jackson-core on the class path, nothing else):
 * {@code java -cp jackson-core-2.18.2.jar tools/bench/RawTokenize.java plan.json [--text]}.
 * {@code --text} also decodes every string value (a second, slightly higher floor). Prints the token
 * count so the pass cannot be optimised away and two runs can be compared.
 */
public final class RawTokenize {

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2 || (args.length == 2 && !"--text".equals(args[1]))) {
            System.err.println("usage: java -cp jackson-core.jar tools/bench/RawTokenize.java FILE [--text]");
            System.exit(2);
        }
        File file = new File(args[0]);
        boolean decodeText = args.length == 2;
        long start = System.nanoTime();
        long tokens = 0;
        long textChars = 0;
        JsonFactory factory = JsonFactory.builder().build();
        try (JsonParser p = factory.createParser(file)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                tokens++;
                if (decodeText && t == JsonToken.VALUE_STRING) {
                    textChars += p.getTextLength();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%s: %,d bytes, %,d tokens%s in %.3f s%n", file, file.length(), tokens,
                decodeText ? ", " + String.format("%,d", textChars) + " string chars" : "", seconds);
    }
}
