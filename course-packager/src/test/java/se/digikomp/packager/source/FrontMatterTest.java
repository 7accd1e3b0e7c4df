package se.digikomp.packager.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.TestCourses;

/** A lesson's front matter: {@code reviewed: YYYY-MM-DD} between {@code ---} lines before the title. */
class FrontMatterTest {
    @TempDir
    Path temp;

    @Test
    void theReviewDateIsReadAndShownUnderTheTitleInThePagesLanguage() {
        Course course = CourseReader.read(TestCourses.testCourse());
        Lesson sv = course.lessons("sv").get(1);
        Lesson en = course.lessons("en").get(1);
        assertEquals(Optional.of(LocalDate.of(2026, 11, 30)), sv.reviewed());
        assertEquals("Kontroller", sv.title(), "the title heading follows the front matter");
        assertTrue(sv.html().startsWith("<h1 id=\"lesson-checks-title\" tabindex=\"-1\">Kontroller</h1>\n"
                + "<p class=\"dk-reviewed\">Granskad per <time datetime=\"2026-11-30\">2026-11-30</time></p>\n"),
                sv.html());
        assertTrue(en.html().contains("<p class=\"dk-reviewed\">Reviewed as of <time datetime=\"2026-11-30\">"
                + "2026-11-30</time></p>"), en.html());
        assertFalse(en.html().contains("reviewed:"), "the front matter is not part of the text");
    }

    @Test
    void aLessonWithoutFrontMatterHasNoReviewDate() {
        Lesson basics = CourseReader.read(TestCourses.testCourse()).lessons("sv").get(0);
        assertEquals(Optional.empty(), basics.reviewed());
        assertFalse(basics.html().contains("dk-reviewed"));
    }

    @Test
    void problemsAfterTheFrontMatterKeepTheirLineNumbers() throws IOException {
        Path dir = TestCourses.copy(temp);
        Path file = dir.resolve("sv/02-checks.md");
        String text = Files.readString(file).replace("{#mfa type=text}", "{#mfa type=essay}");
        Files.writeString(file, text);
        int line = text.substring(0, text.indexOf("{#mfa type=essay}")).split("\n", -1).length;
        assertTrue(problems(dir).contains(file + ":" + line + ": unknown question type: essay"), problems(dir));
    }

    @Test
    void todayIsAcceptedAndAQuotedDateToo() throws IOException {
        Path dir = TestCourses.copy(temp);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        setFrontMatter(dir, "sv", "reviewed: " + today + "\n");
        setFrontMatter(dir, "en", "reviewed: '2026-01-15'\n");
        Course course = CourseReader.read(dir);
        assertEquals(Optional.of(LocalDate.parse(today)), course.lessons("sv").get(1).reviewed());
        assertEquals(Optional.of(LocalDate.of(2026, 1, 15)), course.lessons("en").get(1).reviewed());
    }

    @Test
    void aDateThatIsNotAnIsoCalendarDateIsReportedAtItsLine() throws IOException {
        for (String bad : new String[] {"2026-02-30", "2026-1-5", "1 december 2026", "2026-13-01", "20261201"}) {
            Path dir = TestCourses.copy(Files.createTempDirectory(temp, "c"));
            setFrontMatter(dir, "sv", "reviewed: " + bad + "\n");
            assertTrue(problems(dir).contains(dir.resolve("sv/02-checks.md") + ":2: reviewed is not a valid date "
                    + "YYYY-MM-DD: " + bad), bad + ": " + problems(dir));
        }
    }

    @Test
    void aDateInTheFutureIsRefused() throws IOException {
        Path dir = TestCourses.copy(temp);
        String tomorrow = LocalDate.now(FrontMatter.EARLIEST_ZONE).plusDays(1).toString();
        setFrontMatter(dir, "en", "\nreviewed: " + tomorrow + "\n");
        assertTrue(problems(dir).contains(dir.resolve("en/02-checks.md") + ":3: reviewed is in the future: "
                + tomorrow), problems(dir));
    }

    @Test
    void anUnknownFieldAnEmptyDateAndAListAreReported() throws IOException {
        Path dir = TestCourses.copy(temp);
        setFrontMatter(dir, "sv", "reviewd: 2026-11-30\n");
        setFrontMatter(dir, "en", "reviewed:\n");
        String p = problems(dir);
        assertTrue(p.contains(dir.resolve("sv/02-checks.md") + ":2: unknown front-matter field \"reviewd\""), p);
        assertTrue(p.contains(dir.resolve("en/02-checks.md") + ":2: reviewed is a date, YYYY-MM-DD"), p);
        setFrontMatter(dir, "en", "- reviewed\n");
        assertTrue(problems(dir).contains(dir.resolve("en/02-checks.md") + ":2: front matter is a mapping of fields"),
                problems(dir));
    }

    @Test
    void malformedOrUnclosedFrontMatterIsReported() throws IOException {
        Path dir = TestCourses.copy(temp);
        setFrontMatter(dir, "sv", "reviewed: [2026\n");
        Path en = dir.resolve("en/02-checks.md");
        Files.writeString(en, Files.readString(en).replaceFirst("---\n# Checks", "# Checks"));
        String p = problems(dir);
        assertTrue(p.contains(dir.resolve("sv/02-checks.md") + ":"), p);
        assertTrue(p.contains("malformed front matter"), p);
        assertTrue(p.contains(en + ":1: front matter is not closed"), p);
    }

    @Test
    void aDuplicatedFieldIsReported() throws IOException {
        Path dir = TestCourses.copy(temp);
        setFrontMatter(dir, "sv", "reviewed: 2026-11-30\nreviewed: 2026-11-29\n");
        assertTrue(problems(dir).contains(dir.resolve("sv/02-checks.md") + ":3: reviewed is given twice"),
                problems(dir));
    }

    /** Replaces the front matter of the checks lesson (which has one in the test course). */
    private static void setFrontMatter(Path dir, String language, String yaml) throws IOException {
        Path file = dir.resolve(language + "/02-checks.md");
        String text = Files.readString(file);
        assertTrue(text.startsWith("---\n"), "test setup: " + file);
        int end = text.indexOf("\n---\n", 3);
        Files.writeString(file, "---\n" + yaml + "---\n" + text.substring(end + "\n---\n".length()));
    }

    private static String problems(Path dir) {
        InvalidSourceException e = assertThrows(InvalidSourceException.class, () -> CourseReader.read(dir));
        return String.join("\n", e.problems().stream().map(Problem::toString).toList());
    }
}
