package dev.roleplan.iam;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArnTest {
    @Test
    void parsesSixFieldsKeepingColonsInTheResource() {
        Arn arn = Arn.parse("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:log-stream:web/1");
        assertEquals(new Arn("aws", "logs", "us-east-1", "123456789012", "log-group:/ecs/app:log-stream:web/1"), arn);
        assertEquals("arn:aws:logs:us-east-1:123456789012:log-group:/ecs/app:log-stream:web/1", arn.toString());
        assertEquals(new Arn("aws", "s3", "", "", "b/k"), Arn.parse("arn:aws:s3:::b/k"));
    }

    @Test
    void rejectsNonArnsWithAReason() {
        assertEquals("\"s3:::b\" is not an ARN: it must start with \"arn:\"",
                assertThrows(IllegalArgumentException.class, () -> Arn.parse("s3:::b")).getMessage());
        assertEquals("\"arn:aws:s3:b\" is not an ARN: it needs six colon-separated fields"
                        + " (arn:partition:service:region:account:resource), it has 4",
                assertThrows(IllegalArgumentException.class, () -> Arn.parse("arn:aws:s3:b")).getMessage());
        assertEquals("\"arn:aws::::x\" is not an ARN: the service is empty",
                assertThrows(IllegalArgumentException.class, () -> Arn.parse("arn:aws::::x")).getMessage());
        assertTrue(Arn.tryParse(null).isEmpty());
    }
}
