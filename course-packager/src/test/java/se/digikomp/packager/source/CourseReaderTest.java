package se.digikomp.packager.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.TestCourses;

class CourseReaderTest {
    @TempDir
    Path temp;

    @Test
    void readsEveryConstructOfTheTestCourse() {
        Course course = CourseReader.read(TestCourses.testCourse());
        assertEquals("https://digikomp.se/courses/test-course", course.id());
        assertEquals(List.of("sv", "en"), course.languages());
        assertEquals(Course.Sequencing.ORDERED, course.sequencing());
        assertEquals(0.8, course.masteryScore());
        assertEquals(List.of(new Competence("digcomp-2.2", "4.1", 3), new Competence("digcomp-2.2", "1.2", 2)),
                course.competences());
        List<Lesson> sv = course.lessons("sv");
        assertEquals(List.of("basics", "checks", "final"), sv.stream().map(Lesson::id).toList());
        assertTrue(sv.get(2).assessment());
        Lesson basics = sv.get(0);
        assertEquals("Grunder", basics.title());
        for (String kind : List.of("note", "tip", "important", "warning", "caution", "example")) {
            assertTrue(basics.html().contains("dk-callout-" + kind), kind);
        }
        assertTrue(basics.html().contains("<figcaption>Figur 1. Tre steg.</figcaption>"));
        assertTrue(basics.html().contains("alt=\"\""), "decorative image gets an empty alt");
        assertTrue(basics.html().contains("<track kind=\"captions\" src=\"../assets/intro.sv.vtt\" srclang=\"sv\""));
        assertTrue(basics.html().contains("aria-controls=\"term-basics-"), "glossary term is a disclosure button");
        assertTrue(basics.html().contains("href=\"../assets/checklist.pdf\" download"));
        assertTrue(basics.html().contains("href=\"#lesson-checks\""), "link to a lesson file becomes an in-course link");
        assertTrue(basics.html().contains("<div class=\"dk-table\" tabindex=\"0\" role=\"region\" aria-label=\"Tabell\">"
                + "<table>\n<thead>"), "a table scrolls in a focusable, named region");
        assertTrue(basics.html().contains("<del>"));
        assertTrue(basics.html().contains("<pre class=\"dk-code\" tabindex=\"0\" role=\"region\" aria-label=\"Kodexempel\">"
                + "<code class=\"language-turtle\">&lt;badplatser&gt; dcat:distribution"), "a focusable, named code block");
        assertTrue(basics.html().contains("aria-label=\"Kodexempel\"><code>ls -l assets/\n</code></pre>"),
                "an indented code block too");
        assertTrue(course.lessons("en").get(0).html().contains("aria-label=\"Code example\"><code class=\"language-turtle\">"),
                "named in the page's language");
        Question single = basics.questions().get(0);
        assertEquals("strongest-password", single.id());
        assertEquals(2, single.points());
        assertEquals(List.of("a2"), single.correctIds());
        assertFalse(single.graded());
        List<Question> finals = sv.get(2).questions();
        assertEquals(List.of("single", "multiple", "truefalse", "text", "order", "match"),
                finals.stream().map(q -> q.type().word).toList());
        assertTrue(finals.stream().allMatch(Question::graded));
        assertEquals(List.of("t1", "t2"), finals.get(5).targetIds());
        assertEquals(Course.Sequencing.ORDERED, course.sequencing());
        assertTrue(course.assets(List.of("sv")).contains("assets/intro.sv.vtt"));
        assertFalse(course.assets(List.of("sv")).contains("assets/intro.en.vtt"));
    }

    private Path course() throws IOException {
        // a fresh copy per test
        return TestCourses.copy(temp);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "test setup: " + from + " not in " + file);
        Files.writeString(file, text.replace(from, to));
    }

    /** The 1-based line of the first line containing the snippet. */
    private static int lineOf(Path file, String snippet) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(snippet)) {
                return i + 1;
            }
        }
        throw new AssertionError(snippet + " not in " + file);
    }

    private static int lastLineOf(Path file, String snippet) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(snippet)) {
                return i + 1;
            }
        }
        throw new AssertionError(snippet + " not in " + file);
    }

    private static String problems(Path dir) {
        InvalidSourceException e = assertThrows(InvalidSourceException.class, () -> CourseReader.read(dir));
        return String.join("\n", e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void reportsAMissingMetadataFieldAtTheMappingLine() throws IOException {
        Path dir = course();
        replace(dir.resolve("course.yaml"), "licence: CC-BY-4.0\n", "");
        assertTrue(problems(dir).contains(dir.resolve("course.yaml") + ":1: missing field: licence"));
    }

    @Test
    void reportsAMalformedQuizAtItsHeading() throws IOException {
        Path dir = course();
        Path file = dir.resolve("sv/03-final.md");
        replace(file, "- [ ] Fel\n", "- [x] Fel\n");
        assertTrue(problems(dir).contains(file + ":" + lineOf(file, "- [x] Fel") + ": a single-choice question has at least two answers and "
                + "exactly one marked [x]"), problems(dir));
    }

    @Test
    void reportsAQuestionWithoutTypeOrId() throws IOException {
        Path dir = course();
        Path file = dir.resolve("sv/03-final.md");
        replace(file, "{#final-single type=single points=2}", "{#final-single points=2}");
        replace(file, "{#final-tf type=truefalse}", "{type=truefalse}");
        String p = problems(dir);
        assertTrue(p.contains(file + ":3: question has no type"), p);
        assertTrue(p.contains("question has no id"), p);
    }

    @Test
    void reportsBrokenGlossaryLinksAndMissingAssets() throws IOException {
        Path dir = course();
        Path file = dir.resolve("sv/01-basics.md");
        replace(file, "(glossary:phishing)", "(glossary:smishing)");
        replace(file, "../assets/checklist.pdf", "../assets/missing.pdf");
        String p = problems(dir);
        assertTrue(p.contains(file + ":3: unknown glossary term: smishing"), p);
        assertTrue(p.contains(file + ":" + lineOf(file, "missing.pdf") + ": missing file: ../assets/missing.pdf"), p);
    }

    @Test
    void reportsAPathEscapingTheCourseFolder() throws IOException {
        Path dir = course();
        Files.writeString(temp.resolve("outside.svg"), "<svg/>");
        Path file = dir.resolve("sv/01-basics.md");
        replace(file, "](../assets/diagram.svg \"Figur", "](../../outside.svg \"Figur");
        assertTrue(problems(dir).contains(file + ":" + lineOf(file, "outside.svg")
                + ": path escapes the course folder: ../../outside.svg"), problems(dir));
    }

    @Test
    void reportsMissingAltTextAndMissingCaptions() throws IOException {
        Path dir = course();
        Path file = dir.resolve("sv/01-basics.md");
        replace(file, "![Ett diagram med tre steg: planera, göra, följa upp.]", "![]");
        Files.delete(dir.resolve("assets/intro.sv.vtt"));
        String p = problems(dir);
        assertTrue(p.contains(file + ":" + lineOf(file, "![]") + ": missing alt text"), p);
        assertTrue(p.contains(file + ":" + lineOf(file, "intro.mp4") + ": missing captions: video needs a WebVTT file assets/intro.sv.vtt"), p);
    }

    @Test
    void reportsAFileThatIsNotUtf8() throws IOException {
        Path dir = course();
        Path file = dir.resolve("en/02-checks.md");
        Files.write(file, "# Checks\n\nLine two\nbad \u00e9 here\n".getBytes(StandardCharsets.ISO_8859_1));
        assertTrue(problems(dir).contains(file + ":4: file is not UTF-8"));
    }

    @Test
    void reportsDuplicateIds() throws IOException {
        Path dir = course();
        // the second lesson takes the first one's id
        replace(dir.resolve("course.yaml"), "id: checks\n", "id: basics\n");
        String p = problems(dir);
        assertTrue(p.contains(dir.resolve("course.yaml") + ":" + lastLineOf(dir.resolve("course.yaml"), "id: basics")
                + ": duplicate lesson id: basics"), p);
    }

    @Test
    void reportsDuplicateQuestionIds() throws IOException {
        Path dir = course();
        Path file = dir.resolve("sv/03-final.md");
        replace(file, "{#final-multiple type=multiple}", "{#final-single type=multiple}");
        String p = problems(dir);
        assertTrue(p.contains(file + ":" + lineOf(file, "{#final-single type=multiple}") + ": duplicate question id final-single"), p);
    }

    @Test
    void reportsUnknownCompetencesAndLevels() throws IOException {
        Path dir = course();
        replace(dir.resolve("course.yaml"), "id: \"4.1\"\n    level: 3", "id: \"6.1\"\n    level: 9");
        String p = problems(dir);
        assertTrue(p.contains(dir.resolve("course.yaml") + ":" + lineOf(dir.resolve("course.yaml"), "6.1")
                + ": unknown competence: 6.1"), p);
        assertTrue(p.contains(dir.resolve("course.yaml") + ":" + lineOf(dir.resolve("course.yaml"), "level: 9") + ": level must be a whole number 1 to 8: 9"), p);
    }

    @Test
    void reportsIdRules() throws IOException {
        Path dir = course();
        replace(dir.resolve("course.yaml"), "id: https://digikomp.se/courses/test-course", "id: not an iri");
        replace(dir.resolve("course.yaml"), "id: checks\n", "id: Checks_2\n");
        String p = problems(dir);
        assertTrue(p.contains("course.yaml:1: id is not an IRI: not an iri"), p);
        assertTrue(p.contains("course.yaml:" + lineOf(dir.resolve("course.yaml"), "Checks_2") + ": lesson id must match [a-z0-9-]+: Checks_2"), p);
    }

    @Test
    void requiresTheAssessmentLastWhenOrdered() throws IOException {
        Path dir = course();
        replace(dir.resolve("course.yaml"), "    file: 03-final.md\n    assessment: true\n", "    file: 03-final.md\n");
        replace(dir.resolve("course.yaml"), "    file: 01-basics.md\n", "    file: 01-basics.md\n    assessment: true\n");
        assertTrue(problems(dir).contains("with sequencing: ordered, the assessment must be the last lesson"));
    }

    @Test
    void requiresTheSameQuestionsInEveryLanguage() throws IOException {
        Path dir = course();
        Path file = dir.resolve("en/03-final.md");
        replace(file, "- [ ] Fel\n- [x] Rätt", "- [x] Fel\n- [ ] Rätt");
        assertTrue(problems(dir).contains(file + ":" + lineOf(file, "{#final-single") + ": question final-single differs from the sv version"
                + " in which answers are right"), problems(dir));
    }

    @Test
    void readsAnswersThatStartWithInlineCodeOrEmphasis() {
        Lesson checks = CourseReader.read(TestCourses.testCourse()).lessons("sv").get(1);
        Question order = checks.questions().get(1);
        assertEquals(List.of("<code>Wi-Fi</code> av: koppla bort datorn", "<em>Ring</em> IT-supporten", "Byt lösenord"),
                order.options().stream().map(Question.Option::html).toList());
        assertEquals("Wi-Fi av: koppla bort datorn", order.options().get(0).text());
        Question match = checks.questions().get(2);
        assertEquals(List.of("Nätfiske", "<em>Stöld</em>", "<code>123456</code> i en läcka"),
                match.options().stream().map(Question.Option::html).toList());
        assertEquals(List.of("Nätfiske", "Stöld", "123456 i en läcka"),
                match.options().stream().map(Question.Option::text).toList());
        assertEquals(List.of("Kontrollera avsändaren", "BitLocker eller annan diskkryptering", "MFA"), match.targets());
        assertTrue(checks.html().contains("<label for=\"q-threats-a3\"><code>123456</code> i en läcka</label>"),
                checks.html());
        assertTrue(checks.html().contains(">BitLocker eller annan diskkryptering</option>"), "select options are text");
        assertTrue(checks.html().contains("<label for=\"q-phishing-signs-a3\"><em>Svenska</em></label>"));
    }

    @Test
    void splitsAMatchItemAtTheFirstArrowOutsideInlineCode() throws IOException {
        Path dir = course();
        for (String language : List.of("sv", "en")) {
            replace(dir.resolve(language + "/02-checks.md"), "- Nätfiske => Kontrollera avsändaren",
                    "- `a => b` => Kontrollera `x => y`");
        }
        Question match = CourseReader.read(dir).lessons("en").get(1).questions().get(2);
        assertEquals("<code>a =&gt; b</code>", match.options().get(0).html());
        assertEquals("Kontrollera x => y", match.targets().get(0));
        Path file = dir.resolve("sv/02-checks.md");
        replace(file, "- `a => b` => Kontrollera `x => y`", "- `a => b` Kontrollera");
        assertTrue(problems(dir).contains(file + ":" + lineOf(file, "- `a => b` Kontrollera")
                + ": a match item is written `prompt => answer`"), problems(dir));
    }

    @Test
    void acceptsADifferentNumberOfAcceptedTextAnswersPerLanguage() throws IOException {
        Path dir = course();
        replace(dir.resolve("en/02-checks.md"), "- MFA\n- 2FA\n", "- MFA\n");
        replace(dir.resolve("en/03-final.md"), "{#final-text type=text}\n\n- MFA\n",
                "{#final-text type=text}\n\n- MFA\n- multi-factor authentication\n- multifactor authentication\n");
        Course course = CourseReader.read(dir);
        assertEquals(List.of("MFA", "2FA"), acceptedAnswers(course, "sv", 1, "mfa"));
        assertEquals(List.of("MFA"), acceptedAnswers(course, "en", 1, "mfa"));
        assertEquals(List.of("MFA"), acceptedAnswers(course, "sv", 2, "final-text"));
        assertEquals(List.of("MFA", "multi-factor authentication", "multifactor authentication"),
                acceptedAnswers(course, "en", 2, "final-text"));
    }

    @Test
    void requiresTextQuestionsToAgreeInTypeAndPointsAcrossLanguages() throws IOException {
        Path dir = course();
        Path checks = dir.resolve("en/02-checks.md");
        Path finals = dir.resolve("en/03-final.md");
        replace(checks, "{#mfa type=text}\n\n- MFA\n- 2FA\n", "{#mfa type=text points=2}\n\n- MFA\n");
        replace(finals, "{#final-text type=text}\n\n- MFA\n", "{#final-text type=single}\n\n- [x] MFA\n- [ ] PIN\n");
        String p = problems(dir);
        assertTrue(p.contains(checks + ":" + lineOf(checks, "{#mfa") + ": question mfa differs from the sv version "
                + "in points: 2 vs 1"), p);
        assertTrue(p.contains(finals + ":" + lineOf(finals, "{#final-text") + ": question final-text differs from the "
                + "sv version in type: single vs text"), p);
    }

    private static List<String> acceptedAnswers(Course course, String language, int lesson, String questionId) {
        Question q = course.lessons(language).get(lesson).questions().stream()
                .filter(x -> x.id().equals(questionId)).findFirst().orElseThrow();
        assertEquals(Question.Type.TEXT, q.type());
        return q.options().stream().map(Question.Option::text).toList();
    }

    @Test
    void reportsMalformedYamlWithItsLine() throws IOException {
        Path dir = course();
        replace(dir.resolve("course.yaml"), "title:\n  sv: Testkurs", "title:\n  sv: [Testkurs");
        assertTrue(problems(dir).contains(dir.resolve("course.yaml") + ":"), "malformed YAML is a file:line problem");
    }
}
