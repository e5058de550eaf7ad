package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The differential generator itself must be deterministic and produce valid requests. */
class DifferentialCasesTest {
    private static String generate(long seed, int count) throws IOException {
        StringWriter out = new StringWriter();
        new DifferentialCases(seed).write(count, out);
        return out.toString();
    }

    @Test
    void sameSeedSameCases() throws IOException {
        String a = generate(7, 200);
        assertEquals(a, generate(7, 200));
        assertEquals(200, a.lines().count());
        assertTrue(!a.equals(generate(8, 200)));
    }

    @Test
    void productLength() {
        assertEquals(0, DifferentialCases.productLength(Arn.parse("arn:aws:s3:::b/k")));
        assertEquals(11, DifferentialCases.productLength(Arn.parse("arn:aws:ecr:r:1:repository/app")));
        assertEquals(10, DifferentialCases.productLength(Arn.parse("arn:aws:logs:r:1:log-group:/x:log-stream:y")));
        assertEquals(0, DifferentialCases.productLength(Arn.parse("arn:aws:sqs:r:1:queue")));
    }
}
