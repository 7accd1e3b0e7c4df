package se.digikomp.packager.scorm12;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.Browser;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.ScormHarness;
import se.digikomp.packager.testing.TestCourses;

/** Plays the graded SCO of a built SCORM 1.2 package in Chromium against scorm-again's SCORM 1.2 run-time. */
class Scorm12PlaybackIT {
    @TempDir
    Path temp;

    @Test
    void assessmentReportsScoreStatusAndInteractionsAndResumes() throws Exception {
        Path out = temp.resolve("out");
        assertEquals(0, Cli.run("build", TestCourses.testCourse().toString(), "-f", "scorm12", "-o",
                out.toString()).exitCode());
        try (Browser browser = new Browser();
                ScormHarness lms = new ScormHarness(out.resolve("test-course-1.2.3-scorm12-sv.zip"), temp, true)) {
            Page page = browser.newPage();
            FrameLocator sco = lms.launch(page, "sv/final.html", null);
            sco.locator("#q-final-single-a2").check();
            sco.locator("#q-final-multiple-a1").check();
            sco.locator("#q-final-multiple-a3").check();
            lms.leave(page);
            Map<String, Object> first = lms.cmi(page);
            assertEquals("suspend", first.get("cmi.core.exit"));
            assertEquals("incomplete", first.get("cmi.core.lesson_status"));
            String suspend = (String) first.get("cmi.suspend_data");
            assertTrue(suspend.contains("final-multiple") && suspend.length() < 4096, suspend);

            page = browser.newPage();
            sco = lms.launch(page, "sv/final.html", Map.of("cmi.suspend_data", suspend,
                    "cmi.core.lesson_location", String.valueOf(first.get("cmi.core.lesson_location")),
                    "cmi.core.entry", "resume"));
            assertTrue(sco.locator("#q-final-single-a2").isChecked(), "resumed answer");
            assertTrue(sco.locator("#q-final-multiple-a3").isChecked(), "resumed answer");
            assertFalse(sco.locator("#q-final-multiple-a2").isChecked());
            sco.locator("#q-final-tf-a1").check();
            sco.locator("#q-final-text-input").fill("  mfa ");
            for (int i = 1; i <= 3; i++) {
                sco.locator("#q-final-order select[data-option=a" + i + "]").selectOption(String.valueOf(i));
            }
            sco.locator("#q-final-match select[data-option=a1]").selectOption("t2");
            sco.locator("#q-final-match select[data-option=a2]").selectOption("t1");
            sco.locator(".dk-submit").click();
            assertTrue(sco.locator(".dk-score").textContent().contains("6 av 7"), sco.locator(".dk-score").textContent());
            assertTrue(sco.locator("#q-final-match .dk-result").textContent().contains("Inte rätt"));

            Map<String, Object> cmi = lms.cmi(page);
            assertEquals("passed", cmi.get("cmi.core.lesson_status"));
            assertEquals("85.71", String.valueOf(cmi.get("cmi.core.score.raw")));
            assertEquals("100", String.valueOf(cmi.get("cmi.core.score.max")));
            assertEquals("0", String.valueOf(cmi.get("cmi.core.score.min")));
            assertEquals("final-single", cmi.get("cmi.interactions.0.id"));
            assertEquals("choice", cmi.get("cmi.interactions.0.type"));
            assertEquals("b", cmi.get("cmi.interactions.0.student_response"));
            assertEquals("correct", cmi.get("cmi.interactions.0.result"));
            assertEquals("a,c", cmi.get("cmi.interactions.1.student_response"));
            assertEquals("true-false", cmi.get("cmi.interactions.2.type"));
            assertEquals("t", cmi.get("cmi.interactions.2.student_response"));
            assertEquals("fill-in", cmi.get("cmi.interactions.3.type"));
            assertEquals("sequencing", cmi.get("cmi.interactions.4.type"));
            assertEquals("a,b,c", cmi.get("cmi.interactions.4.student_response"));
            assertEquals("matching", cmi.get("cmi.interactions.5.type"));
            assertEquals("a.b,b.a", cmi.get("cmi.interactions.5.student_response"));
            assertEquals("wrong", cmi.get("cmi.interactions.5.result"));
            assertEquals("a.a,b.b", cmi.get("cmi.interactions.5.correct_responses.0.pattern"));
            assertFalse(cmi.containsKey("cmi.interactions.6.id"), "one interaction per question");
            lms.leave(page);
            assertEquals("", lms.cmi(page).get("cmi.core.exit"), "a finished SCO does not ask to be resumed");
        }
    }

    @Test
    void suspendDataStaysWithinTheScorm12LimitWhenAnswersAreLong() throws Exception {
        Path course = temp.resolve("long-answers");
        Files.createDirectories(course.resolve("sv"));
        Files.writeString(course.resolve("course.yaml"), String.join("\n", "id: https://digikomp.se/courses/long",
                "version: 1.0.0", "languages: [sv]", "title: {sv: Långa svar}", "description: {sv: Test.}",
                "authors: [Digikomp]", "licence: CC-BY-4.0", "duration: PT5M",
                "competences: [{framework: digcomp-2.2, id: \"5.4\", level: 1}]",
                "lessons: [{id: answers, file: 01-answers.md}]", ""));
        StringBuilder lesson = new StringBuilder("# Långa svar\n\n");
        for (int i = 1; i <= 30; i++) {
            lesson.append("### Fråga ").append(i).append(" {#long-").append(i).append(" type=text}\n\n- svar\n\n");
        }
        Files.writeString(course.resolve("sv/01-answers.md"), lesson.toString());
        Path out = temp.resolve("long-out");
        Cli build = Cli.run("build", course.toString(), "-f", "scorm12", "-o", out.toString());
        assertEquals(0, build.exitCode(), build.err());
        try (Browser browser = new Browser();
                ScormHarness lms = new ScormHarness(out.resolve("long-answers-1.0.0-scorm12-sv.zip"), temp, true)) {
            Page page = browser.newPage();
            FrameLocator sco = lms.launch(page, "sv/answers.html", null);
            for (int i = 1; i <= 30; i++) {
                sco.locator("#q-long-" + i + "-input").fill(("svar " + i + " ").repeat(40).substring(0, 240));
                sco.locator("#q-long-" + i + " .dk-check").click();
            }
            Map<String, Object> cmi = lms.cmi(page);
            String suspend = (String) cmi.get("cmi.suspend_data");
            assertTrue(suspend.length() <= 4096, "suspend_data is " + suspend.length() + " characters");
            assertTrue(suspend.contains("\"d\":[\"answers\"]"), "the last save (lesson completed) was stored: "
                    + suspend.substring(0, 80));
            assertTrue(suspend.contains("svar 30"), "recent answers are kept while older long ones are dropped");
            assertEquals("completed", cmi.get("cmi.core.lesson_status"));
            assertEquals("long-30", cmi.get("cmi.interactions.29.id"));
        }
    }
}
