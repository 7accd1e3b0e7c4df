package se.digikomp.packager.xapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.Browser;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.RecordingLrs;
import se.digikomp.packager.testing.TestCourses;
import se.digikomp.packager.testing.TestServer;
import se.digikomp.packager.testing.Zips;

/** Plays built xAPI and cmi5 packages in Chromium against a recording xAPI endpoint and asserts the statements. */
class XapiAndCmi5PlaybackIT {
    private static final String COURSE = "https://digikomp.se/courses/test-course";
    private static final String V = "http://adlnet.gov/expapi/verbs/";
    private static final String SESSION = "https://w3id.org/xapi/cmi5/context/extensions/sessionid";
    private static final String CMI5 = "https://w3id.org/xapi/cmi5/context/categories/cmi5";
    private static final String MOVEON = "https://w3id.org/xapi/cmi5/context/categories/moveon";
    private static final String COMPETENCES = "https://digikomp.se/xapi/extensions/competences";

    @TempDir
    Path temp;

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String verb(JsonObject s) {
        return s.getAsJsonObject("verb").get("id").getAsString().replace(V, "");
    }

    private static void awaitStatements(RecordingLrs lrs, int count) throws InterruptedException {
        for (int i = 0; i < 100 && lrs.statements().size() < count; i++) {
            Thread.sleep(100);
        }
    }

    private Path unpack(String format) throws Exception {
        Path out = temp.resolve("out-" + format);
        assertEquals(0, Cli.run("build", TestCourses.testCourse().toString(), "-f", format, "-o", out.toString())
                .exitCode());
        return Zips.unzip(out.resolve("test-course-1.2.3-" + format + "-sv.zip"), Files.createDirectories(
                temp.resolve(format)));
    }

    @Test
    void xapiPackageSendsStatementsWithCompetencesAndResumesFromState() throws Exception {
        Path pkg = unpack("xapi");
        String registration = UUID.randomUUID().toString();
        String actor = "{\"objectType\":\"Agent\",\"name\":\"Learner\",\"mbox\":\"mailto:learner@example.org\"}";
        try (TestServer server = new TestServer(); Browser browser = new Browser()) {
            server.folder("/pkg/", pkg);
            RecordingLrs lrs = new RecordingLrs(server);
            String launch = server.url("/pkg/sv/index.html") + "?endpoint=" + enc(server.url("/xapi/"))
                    + "&auth=" + enc("Basic dGVzdDp0ZXN0") + "&actor=" + enc(actor) + "&registration=" + registration;
            Page page = browser.newPage();
            page.navigate(launch);
            page.locator("html[data-dk-ready]").waitFor();
            page.locator("#q-strongest-password-a2").check();
            page.locator("#q-strongest-password .dk-check").click();
            page.locator(".dk-next").click();
            page.locator("#q-phishing-signs-a1").check();
            page.locator("#q-phishing-signs-a2").check();
            page.locator("#q-phishing-signs .dk-check").click();
            for (int i = 1; i <= 3; i++) {
                page.locator("#q-incident-steps select[data-option=a" + i + "]").selectOption(String.valueOf(i));
                page.locator("#q-threats select[data-option=a" + i + "]").selectOption("t" + i);
            }
            page.locator("#q-incident-steps .dk-check").click();
            page.locator("#q-threats .dk-check").click();
            page.locator("#q-mfa-input").fill("MFA");
            page.locator("#q-mfa .dk-check").click();
            page.locator(".dk-next").click();
            page.locator("#q-final-single-a2").check();
            page.locator("#q-final-multiple-a1").check();
            page.locator("#q-final-multiple-a3").check();
            page.locator("#q-final-tf-a1").check();
            page.locator("#q-final-text-input").fill("mfa");
            for (int i = 1; i <= 3; i++) {
                page.locator("#q-final-order select[data-option=a" + i + "]").selectOption(String.valueOf(i));
            }
            page.locator("#q-final-match select[data-option=a1]").selectOption("t1");
            page.locator("#q-final-match select[data-option=a2]").selectOption("t2");
            page.locator(".dk-submit").click();
            page.evaluate("() => window.digikompPlayer.flush()");
            awaitStatements(lrs, 20);

            List<JsonObject> st = lrs.statements();
            List<String> verbs = st.stream().map(XapiAndCmi5PlaybackIT::verb).toList();
            assertEquals("attempted", verbs.get(0));
            assertEquals(11, verbs.stream().filter("answered"::equals).count(), verbs.toString());
            assertEquals(3, verbs.stream().filter("experienced"::equals).count(), verbs.toString());
            assertEquals(4, verbs.stream().filter("completed"::equals).count(), "3 lessons and the course");
            assertEquals(1, verbs.stream().filter("passed"::equals).count(), verbs.toString());
            Set<String> ids = new HashSet<>();
            for (int i = 0; i < st.size(); i++) {
                JsonObject s = st.get(i);
                assertTrue(ids.add(s.get("id").getAsString()), "statement ids are unique");
                assertEquals("mailto:learner@example.org", s.getAsJsonObject("actor").get("mbox").getAsString());
                JsonObject context = s.getAsJsonObject("context");
                assertEquals(registration, context.get("registration").getAsString());
                assertEquals("4.1", context.getAsJsonObject("extensions").getAsJsonArray(COMPETENCES).get(0)
                        .getAsJsonObject().get("id").getAsString());
                assertTrue(context.getAsJsonObject("contextActivities").getAsJsonArray("other").toString()
                        .contains("https://digikomp.se/competences/digcomp-2.2/1.2"));
                assertEquals("Basic dGVzdDp0ZXN0", lrs.authorizations().get(i));
            }
            JsonObject passed = st.stream().filter(s -> verb(s).equals("passed")).findFirst().orElseThrow();
            assertEquals(COURSE, passed.getAsJsonObject("object").get("id").getAsString());
            assertEquals(1.0, passed.getAsJsonObject("result").getAsJsonObject("score").get("scaled").getAsDouble());
            JsonObject match = st.stream().filter(s -> s.getAsJsonObject("object").get("id").getAsString()
                    .endsWith("/final-match")).findFirst().orElseThrow();
            assertEquals("a1[.]t1[,]a2[.]t2", match.getAsJsonObject("result").get("response").getAsString());
            assertEquals("matching", match.getAsJsonObject("object").getAsJsonObject("definition")
                    .get("interactionType").getAsString());
            assertEquals(COURSE + "/lessons/final", match.getAsJsonObject("context").getAsJsonObject(
                    "contextActivities").getAsJsonArray("parent").get(0).getAsJsonObject().get("id").getAsString());

            for (int i = 0; i < 50 && lrs.state("https://digikomp.se/xapi/state/progress", COURSE, registration)
                    == null; i++) {
                Thread.sleep(100);
            }
            assertNotNull(lrs.state("https://digikomp.se/xapi/state/progress", COURSE, registration));
            Page again = browser.newPage();
            again.navigate(launch);
            again.locator("html[data-dk-ready]").waitFor();
            again.locator("#lesson-final").waitFor();
            assertTrue(again.locator("#q-final-single-a2").isChecked(), "resumed from the state document");
            assertTrue(again.locator(".dk-score").textContent().contains("7 av 7"));
            again.evaluate("() => window.digikompPlayer.flush()");
            awaitStatements(lrs, st.size() + 1);
            assertTrue(lrs.statements().stream().map(XapiAndCmi5PlaybackIT::verb).toList().contains("resumed"));
        }
    }

    @Test
    void cmi5AuFetchesItsTokenUsesLaunchDataAndSendsTheDefinedVerbs() throws Exception {
        Path pkg = unpack("cmi5");
        String registration = UUID.randomUUID().toString();
        String activityId = "https://lms.example/activities/au-final";
        String actor = "{\"objectType\":\"Agent\",\"account\":{\"homePage\":\"https://lms.example\",\"name\":\"p-1\"}}";
        try (TestServer server = new TestServer(); Browser browser = new Browser()) {
            server.folder("/pkg/", pkg).page("/returned.html", "<!DOCTYPE html><html lang=\"en\"><head><title>LMS"
                    + "</title></head><body><main><h1>Back in the LMS</h1></main></body></html>");
            RecordingLrs lrs = new RecordingLrs(server);
            lrs.putState("LMS.LaunchData", activityId, registration, "{\"launchMode\":\"Normal\","
                    + "\"masteryScore\":0.5,\"moveOn\":\"CompletedAndPassed\",\"returnURL\":\""
                    + server.url("/returned.html") + "\",\"contextTemplate\":{\"contextActivities\":{\"grouping\":"
                    + "[{\"id\":\"https://digikomp.se/courses/test-course/lessons/final\"}]},\"extensions\":{\""
                    + SESSION + "\":\"session-42\"}}}");
            String launch = server.url("/pkg/sv/final.html") + "?endpoint=" + enc(server.url("/xapi/"))
                    + "&fetch=" + enc(server.url("/fetch/one-time")) + "&actor=" + enc(actor)
                    + "&registration=" + registration + "&activityId=" + enc(activityId);
            Page page = browser.newPage();
            page.navigate(launch);
            page.locator("html[data-dk-ready]").waitFor();
            page.locator(".dk-exit").waitFor();
            page.locator("#q-final-single-a1").check(); // wrong: 5 of 7 points, under 0.8 but over 0.5
            page.locator("#q-final-multiple-a1").check();
            page.locator("#q-final-multiple-a3").check();
            page.locator("#q-final-tf-a1").check();
            page.locator("#q-final-text-input").fill("MFA");
            for (int i = 1; i <= 3; i++) {
                page.locator("#q-final-order select[data-option=a" + i + "]").selectOption(String.valueOf(i));
            }
            page.locator("#q-final-match select[data-option=a1]").selectOption("t1");
            page.locator("#q-final-match select[data-option=a2]").selectOption("t2");
            page.locator(".dk-submit").click();
            assertTrue(page.locator(".dk-score").textContent().contains("Gränsen är 50 %"), "masteryScore from "
                    + "LMS.LaunchData wins over the package's");
            page.locator(".dk-exit").click();
            page.waitForURL(server.url("/returned.html"));
            awaitStatements(lrs, 10);

            assertEquals(1, lrs.fetches.get(), "the fetch URL is used once");
            List<JsonObject> st = lrs.statements();
            List<String> verbs = st.stream().map(XapiAndCmi5PlaybackIT::verb).toList();
            assertEquals(List.of("initialized", "answered", "answered", "answered", "answered", "answered", "answered",
                    "passed", "completed", "terminated"), verbs);
            for (int i = 0; i < st.size(); i++) {
                JsonObject s = st.get(i);
                assertEquals("Basic " + RecordingLrs.TOKEN, lrs.authorizations().get(i));
                JsonObject context = s.getAsJsonObject("context");
                assertEquals(registration, context.get("registration").getAsString());
                assertEquals("session-42", context.getAsJsonObject("extensions").get(SESSION).getAsString());
                assertTrue(context.getAsJsonObject("contextActivities").getAsJsonArray("grouping").toString()
                        .contains("lessons/final"), "context template kept");
                JsonElement category = context.getAsJsonObject("contextActivities").get("category");
                if (verbs.get(i).equals("answered")) {
                    assertNull(category, "cmi5 allowed statements carry no cmi5 category");
                } else {
                    assertTrue(category.toString().contains(CMI5), verbs.get(i));
                    assertEquals(activityId, s.getAsJsonObject("object").get("id").getAsString());
                }
                assertEquals(verbs.get(i).equals("passed") || verbs.get(i).equals("completed"),
                        category != null && category.toString().contains(MOVEON), "moveon: " + verbs.get(i));
            }
            JsonObject passed = st.get(7);
            assertEquals(5.0 / 7, passed.getAsJsonObject("result").getAsJsonObject("score").get("scaled")
                    .getAsDouble(), 1e-4);
            assertTrue(passed.getAsJsonObject("result").get("success").getAsBoolean());
            assertEquals(0.5, passed.getAsJsonObject("context").getAsJsonObject("extensions")
                    .get("https://w3id.org/xapi/cmi5/context/extensions/masteryscore").getAsDouble());
            assertTrue(st.get(8).getAsJsonObject("result").get("completion").getAsBoolean());
            assertTrue(st.get(9).getAsJsonObject("result").get("duration").getAsString().startsWith("PT"));
        }
    }
}
