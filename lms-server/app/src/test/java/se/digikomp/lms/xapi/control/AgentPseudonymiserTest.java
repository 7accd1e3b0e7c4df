package se.digikomp.lms.xapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgentPseudonymiserTest {

    static final String PSEUDONYM = "0b6c0f7e-3a52-4a4e-9f0a-2d1f8f3c4b5a";
    static final String ACCOUNT = "{\"objectType\":\"Agent\",\"name\":\"Anna Andersson\",\"account\":"
            + "{\"homePage\":\"https://lms.example\",\"name\":\"6f1d\"}}";
    static final String MBOX = "{\"mbox\":\"mailto:Anna@Example.se\"}";
    static final String OTHER = "{\"mbox\":\"mailto:bo@example.se\",\"name\":\"Bo\"}";

    final AgentPseudonymiser pseudonymiser = new AgentPseudonymiser(
            AgentKeys.of(List.of(json(ACCOUNT), json("{\"mbox\":\"mailto:anna@example.se\"}"))), PSEUDONYM);
    final JsonObject pseudonym = AgentPseudonymiser.pseudonym(PSEUDONYM);

    static JsonObject json(String s) {
        return JsonBuilders.PROVIDER.createReader(new StringReader(s)).readObject();
    }

    static String statement(String actor, String rest) {
        return "{\"id\":\"5d0c2e3e-8a3b-4c1e-9d6f-1b2a3c4d5e6f\",\"actor\":" + actor
                + ",\"verb\":{\"id\":\"http://adlnet.gov/expapi/verbs/answered\"},\"object\":{\"id\":"
                + "\"https://courses.example/q1\",\"definition\":{\"interactionType\":\"fill-in\"}}" + rest + "}";
    }

    @Test
    void replacesTheActorByThePseudonymWithoutItsName() {
        AgentPseudonymiser.Rewrite r = new AgentPseudonymiser.Rewrite();
        JsonObject after = pseudonymiser.rewrite(json(statement(ACCOUNT, "")), r);
        assertEquals(pseudonym, after.getJsonObject("actor"));
        assertEquals("http://adlnet.gov/expapi/verbs/answered", after.getJsonObject("verb").getString("id"));
        assertEquals("5d0c2e3e-8a3b-4c1e-9d6f-1b2a3c4d5e6f", after.getString("id"));
    }

    @Test
    void matchesAnMboxWhateverTheCaseOfTheAddress() {
        JsonObject after = pseudonymiser.rewrite(json(statement(MBOX, "")), new AgentPseudonymiser.Rewrite());
        assertEquals(pseudonym, after.getJsonObject("actor"));
    }

    @Test
    void removesAttachmentsAndFreeTextResponseWhereThePersonActsButKeepsTheResult() {
        AgentPseudonymiser.Rewrite r = new AgentPseudonymiser.Rewrite();
        JsonObject after = pseudonymiser.rewrite(json(statement(MBOX, ",\"result\":{\"success\":true,\"response\":"
                + "\"I am Anna\"},\"attachments\":[{\"usageType\":\"https://x.example/u\",\"display\":{\"en\":\"a\"},"
                + "\"contentType\":\"text/plain\",\"length\":3,\"sha2\":\"abc\"}]")), r);
        assertFalse(after.containsKey("attachments"));
        assertFalse(after.getJsonObject("result").containsKey("response"));
        assertTrue(after.getJsonObject("result").getBoolean("success"));
        assertEquals(1, r.attachments);
        assertEquals(1, r.responses);
        assertEquals(List.of("abc"), r.sha2s);
    }

    @Test
    void keepsAResponseThatIsAPatternOfIds() {
        String choice = "{\"id\":\"s\",\"actor\":" + ACCOUNT + ",\"verb\":{\"id\":\"http://x.example/v\"},"
                + "\"object\":{\"id\":\"https://x.example/q\",\"definition\":{\"interactionType\":\"choice\"}},"
                + "\"result\":{\"response\":\"a[,]b\"}}";
        JsonObject after = pseudonymiser.rewrite(json(choice), new AgentPseudonymiser.Rewrite());
        assertEquals("a[,]b", after.getJsonObject("result").getString("response"));
    }

    @Test
    void replacesThePersonAsInstructorTeamMemberAndInsideASubStatementButLeavesOthers() {
        String s = "{\"id\":\"s\",\"actor\":" + OTHER + ",\"verb\":{\"id\":\"http://x.example/v\"},"
                + "\"object\":{\"objectType\":\"SubStatement\",\"actor\":" + MBOX + ",\"verb\":{\"id\":"
                + "\"http://x.example/w\"},\"object\":" + ACCOUNT + "},"
                + "\"context\":{\"instructor\":" + ACCOUNT + ",\"team\":{\"objectType\":\"Group\",\"member\":["
                + OTHER + "," + MBOX + "]}},\"result\":{\"response\":\"Bo's answer\"}}";
        JsonObject after = pseudonymiser.rewrite(json(s), new AgentPseudonymiser.Rewrite());
        assertEquals(json(OTHER), after.getJsonObject("actor"));
        assertEquals(pseudonym, after.getJsonObject("context").getJsonObject("instructor"));
        assertEquals(List.of(json(OTHER), pseudonym),
                after.getJsonObject("context").getJsonObject("team").getJsonArray("member"));
        assertEquals(pseudonym, after.getJsonObject("object").getJsonObject("actor"));
        assertEquals(pseudonym, after.getJsonObject("object").getJsonObject("object"));
        // the response is the other actor's own
        assertEquals("Bo's answer", after.getJsonObject("result").getString("response"));
    }

    @Test
    void leavesAStatementWithoutThePersonAsItIs() {
        JsonObject before = json(statement(OTHER, ",\"result\":{\"response\":\"x\"}"));
        assertSame(before, pseudonymiser.rewrite(before, new AgentPseudonymiser.Rewrite()));
    }
}
