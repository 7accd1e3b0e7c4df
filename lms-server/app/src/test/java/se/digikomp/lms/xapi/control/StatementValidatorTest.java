package se.digikomp.lms.xapi.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import se.digikomp.lms.xapi.entity.XapiVersion;

/** The statement rules of xAPI 1.0.3 Data 2 and 4 / 2.0 4.2; each rejection names the offending property. */
class StatementValidatorTest {

    private static final String ACTOR = "{\"objectType\":\"Agent\",\"name\":\"A\",\"mbox\":\"mailto:a@example.com\"}";
    private static final String VERB = "{\"id\":\"http://adlnet.gov/expapi/verbs/completed\",\"display\":{\"en-US\":\"completed\"}}";
    private static final String OBJECT = "{\"id\":\"http://example.com/activities/1\"}";

    private final StatementValidator v2 = new StatementValidator(XapiVersion.V2_0_0);
    private final StatementValidator v1 = new StatementValidator(XapiVersion.V1_0_3);

    static JsonObject json(String s) {
        return Json.createReader(new StringReader(s)).readObject();
    }

    static String statement(String actor, String verb, String object, String extra) {
        return "{\"actor\":" + actor + ",\"verb\":" + verb + ",\"object\":" + object + extra + "}";
    }

    private String rejected(StatementValidator v, String statement) {
        XapiException e = assertThrows(XapiException.class, () -> v.validate(json(statement)));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    private void rejectedNaming(String statement, String property) {
        String message = rejected(v2, statement);
        assertTrue(message.startsWith(property), () -> "expected the message to name " + property + ": " + message);
    }

    @Test
    void acceptsMinimalStatement() {
        assertDoesNotThrow(() -> v2.validate(json(statement(ACTOR, VERB, OBJECT, ""))));
        assertDoesNotThrow(() -> v1.validate(json(statement(ACTOR, VERB, OBJECT, ""))));
    }

    @Test
    void data2_2_rejectsStatementWithoutActorVerbOrObject() {
        rejectedNaming("{\"verb\":" + VERB + ",\"object\":" + OBJECT + "}", "statement.actor");
        rejectedNaming("{\"actor\":" + ACTOR + ",\"object\":" + OBJECT + "}", "statement.verb");
        rejectedNaming("{\"actor\":" + ACTOR + ",\"verb\":" + VERB + "}", "statement.object");
    }

    @Test
    void data2_2_rejectsUnknownPropertiesCaseSensitively() {
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"Verb\":{}"), "statement.Verb");
        rejectedNaming(statement(ACTOR, VERB, "{\"id\":\"http://e.com/a\",\"foo\":1}", ""), "statement.object.foo");
    }

    @Test
    void data2_2_rejectsNullOutsideExtensionsButAllowsItInside() {
        rejectedNaming(statement("{\"mbox\":\"mailto:a@example.com\",\"name\":null}", VERB, OBJECT, ""),
                "statement.actor.name");
        assertDoesNotThrow(() -> v2.validate(json(statement(ACTOR, VERB, OBJECT,
                ",\"result\":{\"extensions\":{\"http://example.com/x\":null}}"))));
    }

    @Test
    void data2_2_rejectsWrongTypes() {
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"result\":{\"success\":\"true\"}"), "statement.result.success");
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"result\":{\"score\":{\"raw\":\"1\"}}"),
                "statement.result.score.raw");
    }

    @Test
    void data2_4_1_rejectsIdThatIsNotUuid() {
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"id\":\"MA97B177-9383-4934-8543-0F91A7A02836\""),
                "statement.id");
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"id\":12345"), "statement.id");
    }

    @Test
    void data2_4_2_agentHasExactlyOneInverseFunctionalIdentifier() {
        rejectedNaming(statement("{\"name\":\"no ifi\"}", VERB, OBJECT, ""), "statement.actor");
        rejectedNaming(statement("{\"mbox\":\"mailto:a@example.com\",\"openid\":\"http://o.example.com\"}", VERB,
                OBJECT, ""), "statement.actor");
    }

    @Test
    void data2_4_2_3_mboxIsMailtoIriAndAccountHasHomePageAndName() {
        rejectedNaming(statement("{\"mbox\":\"a@example.com\"}", VERB, OBJECT, ""), "statement.actor.mbox");
        rejectedNaming(statement("{\"account\":{\"homePage\":\"http://e.com\"}}", VERB, OBJECT, ""),
                "statement.actor.account.name");
        rejectedNaming(statement("{\"account\":{\"homePage\":\"ab=c://e.com\",\"name\":\"x\"}}", VERB, OBJECT, ""),
                "statement.actor.account.homePage");
        rejectedNaming(statement("{\"mbox_sha1sum\":\"xyz\"}", VERB, OBJECT, ""), "statement.actor.mbox_sha1sum");
    }

    @Test
    void data2_4_2_2_anonymousGroupNeedsMembersWhichAreAgents() {
        rejectedNaming(statement("{\"objectType\":\"Group\"}", VERB, OBJECT, ""), "statement.actor.member");
        rejectedNaming(statement("{\"objectType\":\"Group\",\"member\":[{\"objectType\":\"Group\","
                + "\"mbox\":\"mailto:g@example.com\"}]}", VERB, OBJECT, ""), "statement.actor.member[0].objectType");
        assertDoesNotThrow(() -> v2.validate(json(statement("{\"objectType\":\"Group\",\"member\":[" + ACTOR + "]}",
                VERB, OBJECT, ""))));
    }

    @Test
    void data2_4_2_objectTypeIsCaseSensitive() {
        rejectedNaming(statement("{\"objectType\":\"agent\",\"mbox\":\"mailto:a@example.com\"}", VERB, OBJECT, ""),
                "statement.actor.objectType");
    }

    @Test
    void data2_2_iriNeedsScheme() {
        rejectedNaming(statement(ACTOR, "{\"id\":\"adlnet.gov/expapi/verbs/completed\"}", OBJECT, ""),
                "statement.verb.id");
        rejectedNaming(statement(ACTOR, VERB, "{\"id\":\"not an iri\"}", ""), "statement.object.id");
    }

    @Test
    void data4_2_languageMapKeysAreLanguageTags() {
        rejectedNaming(statement(ACTOR, "{\"id\":\"http://e.com/v\",\"display\":{\"a12345678\":\"x\"}}", OBJECT, ""),
                "statement.verb.display");
        assertDoesNotThrow(() -> v2.validate(json(statement(ACTOR,
                "{\"id\":\"http://e.com/v\",\"display\":{\"sv-SE\":\"slutförde\",\"zh-Hant-TW\":\"x\"}}", OBJECT, ""))));
    }

    @Test
    void data2_4_4_1_interactionComponentsNeedMatchingInteractionTypeAndUniqueIds() {
        rejectedNaming(statement(ACTOR, VERB, "{\"id\":\"http://e.com/q\",\"definition\":{\"correctResponsesPattern\":"
                + "[\"a\"]}}", ""), "statement.object.definition.correctResponsesPattern");
        rejectedNaming(statement(ACTOR, VERB, "{\"id\":\"http://e.com/q\",\"definition\":{\"interactionType\":"
                + "\"choice\",\"choices\":[{\"id\":\"a\"},{\"id\":\"a\"}]}}", ""),
                "statement.object.definition.choices[1].id");
        rejectedNaming(statement(ACTOR, VERB, "{\"id\":\"http://e.com/q\",\"definition\":{\"interactionType\":"
                + "\"likert\",\"choices\":[{\"id\":\"a\"}]}}", ""), "statement.object.definition.choices");
    }

    @Test
    void data2_4_4_3_subStatementMustNotHaveIdStoredVersionAuthorityOrNesting() {
        String sub = "{\"objectType\":\"SubStatement\",\"actor\":" + ACTOR + ",\"verb\":" + VERB + ",\"object\":"
                + OBJECT;
        rejectedNaming(statement(ACTOR, VERB, sub + ",\"id\":\"" + java.util.UUID.randomUUID() + "\"}", ""),
                "statement.object.id");
        rejectedNaming(statement(ACTOR, VERB, "{\"objectType\":\"SubStatement\",\"actor\":" + ACTOR + ",\"verb\":"
                + VERB + ",\"object\":" + sub + "}}", ""), "statement.object.object.objectType");
        assertDoesNotThrow(() -> v2.validate(json(statement(ACTOR, VERB, sub + "}", ""))));
    }

    @Test
    void data2_4_5_scoreRules() {
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"result\":{\"score\":{\"scaled\":1.5}}"),
                "statement.result.score.scaled");
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"result\":{\"score\":{\"min\":5,\"max\":1}}"),
                "statement.result.score.min");
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"result\":{\"score\":{\"raw\":9,\"min\":0,\"max\":5}}"),
                "statement.result.score.raw");
    }

    @Test
    void data4_6_durationIsIso8601() {
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"result\":{\"duration\":\"PA1H0M0S\"}"),
                "statement.result.duration");
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"result\":{\"duration\":\"P4W1D\"}"),
                "statement.result.duration");
        assertDoesNotThrow(() -> v2.validate(json(statement(ACTOR, VERB, OBJECT,
                ",\"result\":{\"duration\":\"P3Y1M29DT4H35M59.14S\"}"))));
    }

    @Test
    void data2_4_6_revisionAndPlatformOnlyWithActivityObject() {
        rejectedNaming(statement(ACTOR, VERB, "{\"objectType\":\"Agent\",\"mbox\":\"mailto:b@example.com\"}",
                ",\"context\":{\"platform\":\"x\"}"), "statement.context.platform");
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"context\":{\"registration\":\"nope\"}"),
                "statement.context.registration");
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"context\":{\"team\":" + ACTOR + "}"),
                "statement.context.team.objectType");
    }

    @Test
    void v2_4_2_2_5_contextAgentsAreValidatedAndUnknownIn103() {
        String context = ",\"context\":{\"contextAgents\":[{\"objectType\":\"contextAgent\",\"agent\":" + ACTOR
                + ",\"relevantTypes\":[]}]}";
        rejectedNaming(statement(ACTOR, VERB, OBJECT, context), "statement.context.contextAgents[0].relevantTypes");
        String valid = ",\"context\":{\"contextAgents\":[{\"objectType\":\"contextAgent\",\"agent\":" + ACTOR + "}]}";
        assertDoesNotThrow(() -> v2.validate(json(statement(ACTOR, VERB, OBJECT, valid))));
        assertTrue(rejected(v1, statement(ACTOR, VERB, OBJECT, valid)).startsWith("statement.context.contextAgents"));
    }

    @Test
    void data4_5_timestampRejectsNegativeZeroOffset() {
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"timestamp\":\"2008-09-15T15:53:00.601-00:00\""),
                "statement.timestamp");
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"timestamp\":\"01/011/2015\""), "statement.timestamp");
        assertDoesNotThrow(() -> v2.validate(json(statement(ACTOR, VERB, OBJECT,
                ",\"timestamp\":\"2008-09-15T15:53:00.601+00:00\""))));
    }

    @Test
    void data2_4_9_authorityGroupIsAnonymousPair() {
        String group = "{\"objectType\":\"Group\",\"mbox\":\"mailto:g@example.com\",\"member\":[" + ACTOR + ","
                + "{\"mbox\":\"mailto:b@example.com\"}]}";
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"authority\":" + group), "statement.authority");
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"authority\":{\"objectType\":\"Group\",\"member\":["
                + ACTOR + "]}"), "statement.authority.member");
    }

    @Test
    void data2_4_10_versionIs10xOr20x() {
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"version\":\"1.1.0\""), "statement.version");
        assertDoesNotThrow(() -> v2.validate(json(statement(ACTOR, VERB, OBJECT, ",\"version\":\"1.0\""))));
        assertDoesNotThrow(() -> v2.validate(json(statement(ACTOR, VERB, OBJECT, ",\"version\":\"2.0.0\""))));
    }

    @Test
    void data2_4_11_attachmentNeedsUsageTypeDisplayContentTypeLengthSha2() {
        String a = "{\"usageType\":\"http://e.com/u\",\"display\":{\"en\":\"x\"},\"contentType\":\"text/plain\","
                + "\"length\":-1,\"sha2\":\"" + "a".repeat(64) + "\"}";
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"attachments\":[" + a + "]"),
                "statement.attachments[0].length");
        rejectedNaming(statement(ACTOR, VERB, OBJECT, ",\"attachments\":[{\"usageType\":\"http://e.com/u\"}]"),
                "statement.attachments[0].display");
    }
}
