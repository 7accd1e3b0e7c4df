package se.digikomp.lms.xapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class StatementDocumentsTest {

    private static final String STATEMENT = "{\"id\":\"0f5c3e7a-4b8e-4c1a-9d5e-2f1b6a7c8d90\",\"actor\":{\"objectType\":"
            + "\"Agent\",\"name\":\"Åsa Öberg\",\"account\":{\"homePage\":\"https://kommun.example\",\"name\":\"u-1042\"}},"
            + "\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/completed\",\"display\":{\"sv-SE\":\"slutförde\","
            + "\"en-US\":\"completed\"}},\"object\":{\"objectType\":\"Activity\",\"id\":\"https://kommun.example/"
            + "courses/digital-safety/lessons/phishing\",\"definition\":{\"name\":{\"sv-SE\":\"Nätfiske\",\"en-US\":"
            + "\"Phishing\"},\"type\":\"http://adlnet.gov/expapi/activities/lesson\"}},\"result\":{\"score\":{\"scaled\":"
            + "0.85,\"raw\":85,\"min\":0,\"max\":100},\"success\":true,\"completion\":true,\"duration\":\"PT12M30S\"},"
            + "\"context\":{\"registration\":\"6a1f2b3c-4d5e-4f60-8a7b-9c0d1e2f3a4b\",\"contextActivities\":{\"parent\":"
            + "[{\"objectType\":\"Activity\",\"id\":\"https://kommun.example/courses/digital-safety\"}],\"category\":"
            + "[{\"objectType\":\"Activity\",\"id\":\"https://w3id.org/xapi/cmi5/context/categories/moveon\"}]},"
            + "\"language\":\"sv-SE\"},\"timestamp\":\"2026-11-25T10:15:00.000Z\",\"stored\":\"2026-11-25T10:15:01.123Z\","
            + "\"authority\":{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lrs.example\",\"name\":"
            + "\"lms\"}},\"version\":\"2.0.0\"}";

    @Test
    void aStatementComesBackExactlyAndTakesLessThanHalfTheSpace() {
        byte[] packed = StatementDocuments.pack(STATEMENT);
        assertEquals(STATEMENT, StatementDocuments.unpack(packed));
        int plain = STATEMENT.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(packed.length * 2 < plain, () -> packed.length + " bytes packed of " + plain);
        assertEquals(StatementDocuments.DEFLATED_1, packed[0]);
    }

    @Test
    void incompressibleTextIsKeptAsItIs() {
        Random random = new Random(3);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            noise.append((char) (0x4e00 + random.nextInt(20_000)));
        }
        String json = "{\"x\":\"" + noise + "\"}";
        byte[] packed = StatementDocuments.pack(json);
        assertEquals(json, StatementDocuments.unpack(packed));
        assertTrue(packed.length <= json.getBytes(StandardCharsets.UTF_8).length + 1);
    }

    @Test
    void largeStatementsRoundTrip() {
        String big = STATEMENT.replace("\"language\":\"sv-SE\"", "\"language\":\"sv-SE\",\"extensions\":{"
                + "\"https://kommun.example/x\":\"" + "ab".repeat(200_000) + "\"}");
        assertEquals(big, StatementDocuments.unpack(StatementDocuments.pack(big)));
    }

    @Test
    void damagedOrUnknownStoredFormsAreReportedNotMisread() {
        byte[] packed = StatementDocuments.pack(STATEMENT);
        assertThrows(IllegalStateException.class, () -> StatementDocuments.unpack(Arrays.copyOf(packed, packed.length / 2)));
        byte[] unknown = packed.clone();
        unknown[0] = 9;
        assertThrows(IllegalStateException.class, () -> StatementDocuments.unpack(unknown));
        assertThrows(IllegalStateException.class, () -> StatementDocuments.unpack(new byte[0]));
    }
}
