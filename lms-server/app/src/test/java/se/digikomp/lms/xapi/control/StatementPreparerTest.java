package se.digikomp.lms.xapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import se.digikomp.lms.xapi.entity.IncomingStatement;
import se.digikomp.lms.xapi.entity.KeyKind;
import se.digikomp.lms.xapi.entity.XapiVersion;

/** What the LRS sets on a statement: xAPI 1.0.3 Data 2.4.1, 2.4.6.2, 2.4.7-2.4.10, 2.3.2. */
class StatementPreparerTest {

    private static final JsonObject AUTHORITY = StatementValidatorTest.json(
            "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"http://lrs.example.com\",\"name\":\"k\"}}");
    private static final Instant STORED = Instant.parse("2026-01-02T03:04:05.678Z");

    private static IncomingStatement prepare(String json, XapiVersion version) {
        return StatementPreparer.prepare(StatementValidatorTest.json(json), version, AUTHORITY, STORED);
    }

    @Test
    void data2_4_setsIdStoredTimestampAuthorityAndVersion() {
        IncomingStatement s = prepare("{\"actor\":{\"mbox\":\"mailto:a@example.com\"},\"verb\":{\"id\":\"http://e.com/v\"},"
                + "\"object\":{\"id\":\"http://e.com/a\"},\"authority\":{\"mbox\":\"mailto:forged@example.com\"}}",
                XapiVersion.V1_0_3);
        JsonObject d = s.document();
        assertEquals(36, d.getString("id").length());
        assertEquals("2026-01-02T03:04:05.678Z", d.getString("stored"));
        assertEquals(d.getString("stored"), d.getString("timestamp"), "timestamp defaults to stored");
        assertEquals(AUTHORITY, d.getJsonObject("authority"), "authority comes from the credential");
        assertEquals("1.0.3", d.getString("version"), "1.0.x requests are stored as 1.0.3");
    }

    @Test
    void v2_4_2_7_timestampIsConvertedToUtcAndVersionKept() {
        IncomingStatement s = prepare("{\"actor\":{\"mbox\":\"mailto:a@example.com\"},\"verb\":{\"id\":\"http://e.com/v\"},"
                + "\"object\":{\"id\":\"http://e.com/a\"},\"timestamp\":\"2023-05-04T12:00:00-05:00\","
                + "\"version\":\"2.0.0\"}", XapiVersion.V1_0_3);
        assertEquals(Instant.parse("2023-05-04T17:00:00Z"),
                Instant.parse(s.document().getString("timestamp")));
        assertEquals("2.0.0", s.document().getString("version"));
    }

    @Test
    void data2_4_6_2_singleContextActivityBecomesArray() {
        IncomingStatement s = prepare("{\"actor\":{\"mbox\":\"mailto:a@example.com\"},\"verb\":{\"id\":\"http://e.com/v\"},"
                + "\"object\":{\"id\":\"http://e.com/a\"},\"context\":{\"contextActivities\":{\"parent\":"
                + "{\"id\":\"http://e.com/p\"}}}}", XapiVersion.V2_0_0);
        assertEquals(1, s.document().getJsonObject("context").getJsonObject("contextActivities")
                .getJsonArray("parent").size());
        assertTrue(s.keys().contains(new StatementKeys.Key(KeyKind.RELATED_ACTIVITY,
                StatementKeys.hash("http://e.com/p"))), "parent is a related activity");
    }

    @Test
    void data2_3_2_voidingStatementNeedsStatementRef() {
        XapiException e = assertThrows(XapiException.class, () -> prepare("{\"actor\":{\"mbox\":\"mailto:a@example.com\"},"
                + "\"verb\":{\"id\":\"" + StatementPreparer.VOIDED + "\"},\"object\":{\"id\":\"http://e.com/a\"}}",
                XapiVersion.V2_0_0));
        assertTrue(e.getMessage().startsWith("statement.object.objectType"));
        IncomingStatement v = prepare("{\"actor\":{\"mbox\":\"mailto:a@example.com\"},\"verb\":{\"id\":\""
                + StatementPreparer.VOIDED + "\"},\"object\":{\"objectType\":\"StatementRef\",\"id\":"
                + "\"AA97B177-9383-4934-8543-0F91A7A02836\"}}", XapiVersion.V2_0_0);
        assertTrue(v.voiding());
        assertEquals("aa97b177-9383-4934-8543-0f91a7a02836", v.target().orElseThrow());
    }
}
