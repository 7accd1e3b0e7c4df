package se.digikomp.lms.xapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "format" parameter, xAPI 1.0.3 Communication 2.1.3. */
class StatementFormatterTest {

    private static final JsonObject S = StatementValidatorTest.json("{\"actor\":{\"objectType\":\"Agent\",\"name\":\"A\","
            + "\"mbox\":\"mailto:a@example.com\"},\"verb\":{\"id\":\"http://e.com/v\",\"display\":{\"en-US\":\"did\","
            + "\"sv-SE\":\"gjorde\"}},\"object\":{\"id\":\"http://e.com/a\",\"definition\":{\"name\":{\"en-US\":\"A\","
            + "\"sv-SE\":\"Ä\"}}},\"result\":{\"extensions\":{\"http://e.com/x\":{\"name\":{\"en\":\"kept\","
            + "\"sv\":\"kvar\"}}}}}");

    @Test
    void idsKeepsOnlyIdentifiers() {
        JsonObject ids = StatementFormatter.ids(S);
        assertEquals(2, ids.getJsonObject("actor").size());
        assertEquals(1, ids.getJsonObject("verb").size());
        assertEquals(1, ids.getJsonObject("object").size());
    }

    @Test
    void canonicalKeepsThePreferredLanguageOnlyAndLeavesExtensionsAlone() {
        JsonObject c = StatementFormatter.canonical(S, StatementFormatter.acceptLanguages("sv;q=0.9, en;q=0.1"));
        assertEquals(StatementValidatorTest.json("{\"sv-SE\":\"gjorde\"}"), c.getJsonObject("verb").getJsonObject("display"));
        assertEquals(1, c.getJsonObject("object").getJsonObject("definition").getJsonObject("name").size());
        assertEquals(2, c.getJsonObject("result").getJsonObject("extensions").getJsonObject("http://e.com/x")
                .getJsonObject("name").size());
        assertEquals(List.of("en-GB", "en"), StatementFormatter.acceptLanguages("en;q=0.5, *;q=0.1, en-GB"));
    }
}
