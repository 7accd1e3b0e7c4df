package se.digikomp.packager.scorm2004;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.Browser;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.ScormHarness;
import se.digikomp.packager.testing.TestCourses;

/**
 * Plays a whole-course SCO of a built SCORM 2004 4th Ed. package in Chromium against scorm-again's run-time:
 * knowledge checks, ordered lessons, bookmark and resume, the graded assessment.
 */
class Scorm2004PlaybackIT {
    private static final String IRI = "https://digikomp.se/courses/test-course/lessons/";

    @TempDir
    Path temp;

    @Test
    void courseReportsCompletionSuccessScoreInteractionsAndResumes() throws Exception {
        Path out = temp.resolve("out");
        assertEquals(0, Cli.run("build", TestCourses.testCourse().toString(), "-f", "scorm2004", "--unit", "course",
                "-o", out.toString()).exitCode());
        try (Browser browser = new Browser();
                ScormHarness lms = new ScormHarness(out.resolve("test-course-1.2.3-scorm2004-sv.zip"), temp, false)) {
            Page page = browser.newPage();
            FrameLocator sco = lms.launch(page, "sv/index.html", null);
            assertTrue(sco.locator("#lesson-basics").isVisible());
            assertFalse(sco.locator("#lesson-final").isVisible());
            assertEquals("true", sco.locator(".dk-nav a[data-lesson=final]").getAttribute("aria-disabled"),
                    "ordered: the assessment waits for the lessons before it");
            sco.locator("#q-strongest-password-a1").check();
            sco.locator("#q-strongest-password .dk-check").click();
            assertEquals("Inte rätt.", sco.locator("#q-strongest-password .dk-result").textContent());
            assertTrue(sco.locator("#q-strongest-password .dk-option-feedback[data-option=a1]").isVisible(),
                    "the chosen answer's feedback is shown");
            sco.locator(".dk-next").click();
            assertTrue(sco.locator("#lesson-checks").isVisible());
            sco.locator("#q-phishing-signs-a1").check();
            sco.locator("#q-phishing-signs-a2").check();
            sco.locator("#q-phishing-signs .dk-check").click();
            assertTrue(sco.locator("#q-phishing-signs .dk-overall-correct").isVisible());
            lms.leave(page);

            Map<String, Object> first = lms.cmi(page);
            assertEquals("suspend", first.get("cmi.exit"));
            assertEquals("incomplete", first.get("cmi.completion_status"));
            assertEquals("checks", first.get("cmi.location"));
            assertEquals(IRI + "basics/questions/strongest-password", first.get("cmi.interactions.0.id"));
            assertEquals("incorrect", first.get("cmi.interactions.0.result"));
            assertEquals("a1[,]a2", first.get("cmi.interactions.1.learner_response"));

            page = browser.newPage();
            Map<String, String> kept = new java.util.HashMap<>(Map.of("cmi.suspend_data",
                    (String) first.get("cmi.suspend_data"), "cmi.location", "checks", "cmi.entry", "resume"));
            first.forEach((k, v) -> {
                if (k.startsWith("cmi.interactions.") && v != null && !String.valueOf(v).isEmpty()) {
                    kept.put(k, String.valueOf(v));
                }
            });
            sco = lms.launch(page, "sv/index.html", kept);
            assertTrue(sco.locator("#lesson-checks").isVisible(), "resumes at the bookmarked lesson");
            assertTrue(sco.locator("#q-phishing-signs-a2").isChecked());
            assertTrue(sco.locator(".dk-nav li:first-child .dk-done").isVisible(), "lesson 1 is marked done");
            for (int i = 1; i <= 3; i++) {
                sco.locator("#q-incident-steps select[data-option=a" + i + "]").selectOption(String.valueOf(i));
            }
            sco.locator("#q-incident-steps .dk-check").click();
            for (int i = 1; i <= 3; i++) {
                sco.locator("#q-threats select[data-option=a" + i + "]").selectOption("t" + i);
            }
            sco.locator("#q-threats .dk-check").click();
            sco.locator("#q-mfa-input").fill("2fa");
            sco.locator("#q-mfa .dk-check").click();
            assertEquals("Rätt svar.", sco.locator("#q-mfa .dk-result").textContent());
            sco.locator(".dk-next").click();
            assertTrue(sco.locator("#lesson-final").isVisible());
            sco.locator(".dk-submit").click();
            assertTrue(sco.locator(".dk-score").textContent().contains("Svara på alla frågor"), "no partial submit");
            sco.locator("#q-final-single-a2").check();
            sco.locator("#q-final-multiple-a1").check();
            sco.locator("#q-final-multiple-a3").check();
            sco.locator("#q-final-tf-a1").check();
            sco.locator("#q-final-text-input").fill("MFA");
            for (int i = 1; i <= 3; i++) {
                sco.locator("#q-final-order select[data-option=a" + i + "]").selectOption(String.valueOf(i));
            }
            sco.locator("#q-final-match select[data-option=a1]").selectOption("t1");
            sco.locator("#q-final-match select[data-option=a2]").selectOption("t2");
            sco.locator(".dk-submit").click();

            Map<String, Object> cmi = lms.cmi(page);
            assertEquals("completed", cmi.get("cmi.completion_status"));
            assertEquals("passed", cmi.get("cmi.success_status"));
            assertEquals("1", String.valueOf(cmi.get("cmi.score.scaled")));
            assertEquals("7", String.valueOf(cmi.get("cmi.score.raw")));
            assertEquals("7", String.valueOf(cmi.get("cmi.score.max")));
            assertEquals(IRI + "final/questions/final-match", cmi.get("cmi.interactions.10.id"));
            assertEquals("matching", cmi.get("cmi.interactions.10.type"));
            assertEquals("a1[.]t1[,]a2[.]t2", cmi.get("cmi.interactions.10.learner_response"));
            assertEquals("correct", cmi.get("cmi.interactions.10.result"));
            assertEquals("true-false", cmi.get("cmi.interactions.7.type"));
            assertEquals("true", cmi.get("cmi.interactions.7.learner_response"));
            assertEquals("{case_matters=false}MFA", cmi.get("cmi.interactions.8.correct_responses.0.pattern"));
            assertFalse(cmi.containsKey("cmi.interactions.11.id"));
            lms.leave(page);
            assertEquals("normal", lms.cmi(page).get("cmi.exit"));
        }
    }

    @Test
    void bilingualPackageSwitchesLanguageInsideTheSameAttempt() throws Exception {
        Path course = TestCourses.copy(temp);
        Path yaml = course.resolve("course.yaml");
        java.nio.file.Files.writeString(yaml, java.nio.file.Files.readString(yaml)
                .replace("packaging: per-language", "packaging: bilingual"));
        Path out = temp.resolve("bi");
        assertEquals(0, Cli.run("build", course.toString(), "-f", "scorm2004", "-o", out.toString()).exitCode());
        try (Browser browser = new Browser();
                ScormHarness lms = new ScormHarness(out.resolve("test-course-1.2.3-scorm2004.zip"), temp, false)) {
            Page page = browser.newPage();
            FrameLocator sco = lms.launch(page, "sv/final.html", null);
            sco.locator("#q-final-single-a2").check();
            sco.locator("a[data-language=en]").click();
            sco.locator("html[lang=en][data-dk-ready]").waitFor();
            assertEquals("Final test", sco.locator("h1").textContent());
            assertTrue(sco.locator("#q-final-single-a2").isChecked(), "the answer given in Swedish is kept");
            sco.locator("#q-final-multiple-a1").check();
            sco.locator("#q-final-multiple-a3").check();
            sco.locator("#q-final-tf-a1").check();
            sco.locator("#q-final-text-input").fill("MFA");
            for (int i = 1; i <= 3; i++) {
                sco.locator("#q-final-order select[data-option=a" + i + "]").selectOption(String.valueOf(i));
            }
            sco.locator("#q-final-match select[data-option=a1]").selectOption("t1");
            sco.locator("#q-final-match select[data-option=a2]").selectOption("t2");
            sco.locator(".dk-submit").click();
            assertTrue(sco.locator(".dk-score").textContent().contains("7 of 7"));
            Map<String, Object> cmi = lms.cmi(page);
            assertEquals("passed", cmi.get("cmi.success_status"), "the run-time kept working after the switch");
            assertEquals("completed", cmi.get("cmi.completion_status"));
        }
    }
}
