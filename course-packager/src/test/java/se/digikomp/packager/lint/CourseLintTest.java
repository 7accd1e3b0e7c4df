package se.digikomp.packager.lint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.CourseReader;
import se.digikomp.packager.source.Problem;
import se.digikomp.packager.source.Problems;
import se.digikomp.packager.testing.TestCourses;

/** The catalogue's editorial rules, on copies of the test course with a vocabulary beside them. */
class CourseLintTest {
    private static final String VOCABULARY = """
            terms:
              - concept: a response that explains an answer
                sv: återkoppling
                en: feedback
                avoid:
                  sv: [feedback*]
              - concept: the fictional municipality
                sv: Demokommunen
                en: Demokommunen
                avoid:
                  en: [Demo Municipality]
            sourceDomains:
              - europa.eu
            """;
    @TempDir
    Path temp;

    private Path course() throws IOException {
        Path dir = TestCourses.copy(temp);
        Files.writeString(temp.resolve(Vocabulary.FILE), VOCABULARY);
        return dir;
    }

    private static List<String> lint(Path dir) {
        Problems problems = new Problems();
        Course course = CourseReader.read(dir);
        Optional<Vocabulary> vocabulary = Vocabulary.besideCourse(dir, problems);
        assertFalse(problems.hasErrors(), problems.sorted().toString());
        return CourseLint.check(course, vocabulary).stream().map(Problem::toString).toList();
    }

    @Test
    void aLessonWithoutAReviewDateIsReportedAndOneWithADateIsNot() throws IOException {
        Path dir = course();
        List<String> found = lint(dir);
        assertTrue(found.contains(dir.resolve("sv/01-basics.md") + ":1: warning: the lesson has no review date: start "
                + "it with front matter reviewed: YYYY-MM-DD, the day its claims were last checked"), found.toString());
        assertTrue(found.contains(dir.resolve("en/03-final.md") + ":1: warning: the lesson has no review date: start "
                + "it with front matter reviewed: YYYY-MM-DD, the day its claims were last checked"), found.toString());
        assertFalse(found.stream().anyMatch(p -> p.contains("02-checks.md:1: warning: the lesson has no review date")),
                found.toString());
    }

    @Test
    void aLessonWithFewerThanTwoKnowledgeChecksIsReportedButNotTheAssessment() throws IOException {
        Path dir = course();
        List<String> found = lint(dir);
        assertTrue(found.contains(dir.resolve("sv/01-basics.md") + ":1: warning: the lesson has 1 knowledge-check "
                + "question(s): every lesson but the assessment has at least two"), found.toString());
        assertFalse(found.stream().anyMatch(p -> p.contains("02-checks.md:1: warning: the lesson has 4 knowledge")));
        assertFalse(found.stream().anyMatch(p -> p.contains("03-final.md:1: warning: the lesson has 0 knowledge")),
                "the assessment's questions are graded, not knowledge checks");
    }

    @Test
    void everyChoiceOptionNeedsFeedbackAndOtherQuestionsBothOverallFeedbacks() throws IOException {
        Path dir = course();
        Path checks = dir.resolve("sv/02-checks.md");
        List<String> found = lint(dir);
        assertTrue(found.contains(checks + ":" + TestCourses.lineOf(checks, "- [x] Brådska") + ": warning: answer \"Brådska\" of "
                + "question phishing-signs has no feedback: say under it (  > ...) why it is right or wrong"),
                found.toString());
        assertFalse(found.stream().anyMatch(p -> p.contains("answer \"Svenska\"")), "that option has its feedback");
        assertTrue(found.contains(checks + ":" + TestCourses.lineOf(checks, "{#incident-steps") + ": warning: question "
                + "incident-steps (order) needs both [!CORRECT] and [!INCORRECT] feedback that explains the answer"),
                found.toString());
        assertFalse(found.stream().anyMatch(p -> p.contains("strongest-password")), "every option has feedback");
    }

    @Test
    void fictionalDomainsMustBeReservedForExamplesAndRealSourcesListed() throws IOException {
        Path dir = course();
        Path basics = dir.resolve("sv/01-basics.md");
        TestCourses.insertIntoBody(basics, """

                Skriv till it-support@demokommunen-se.net eller till it@demokommunen.example.
                Logga in på https://login.demokommunen.se/start eller på www.intranat.test.
                Läs lagen på [riksdagen.se](https://www.riksdagen.se/sv/dokument-och-lagar/) och
                [EUR-Lex](https://eur-lex.europa.eu/eli/reg/2024/1689/oj). Kontakt: support@example.org, http://127.0.0.1:8080/.
                """);
        List<String> found = lint(dir);
        List<String> domains = found.stream().filter(p -> p.contains("the domain ")).toList();
        assertEquals(List.of(
                basics + ":" + TestCourses.lineOf(basics, "it-support@") + ": warning: the domain demokommunen-se.net is neither "
                        + "reserved for examples (.example, example.com/.net/.org, .test, .invalid, .localhost) nor a "
                        + "source domain of vocabulary.yaml: a fictional address uses a reserved domain, a real source "
                        + "is added to sourceDomains",
                basics + ":" + TestCourses.lineOf(basics, "login.demokommunen.se") + ": warning: the domain login.demokommunen.se is "
                        + "neither reserved for examples (.example, example.com/.net/.org, .test, .invalid, .localhost) "
                        + "nor a source domain of vocabulary.yaml: a fictional address uses a reserved domain, a real "
                        + "source is added to sourceDomains",
                basics + ":" + TestCourses.lineOf(basics, "riksdagen.se") + ": warning: the domain www.riksdagen.se is neither "
                        + "reserved for examples (.example, example.com/.net/.org, .test, .invalid, .localhost) nor a "
                        + "source domain of vocabulary.yaml: a fictional address uses a reserved domain, a real source "
                        + "is added to sourceDomains"), domains);
        Files.writeString(temp.resolve(Vocabulary.FILE), VOCABULARY + "  - riksdagen.se\n");
        assertEquals(2, lint(dir).stream().filter(p -> p.contains("the domain ")).count(),
                "a listed source covers its subdomains");
    }

    @Test
    void domainsInTextAssetsAreCheckedButNotXmlNamespaces() throws IOException {
        Path dir = course();
        Path svg = dir.resolve("assets/diagram.svg");
        Files.writeString(svg, Files.readString(svg).replace("</svg>", "<text>Från: lon@demokommunen.nu</text></svg>"));
        List<String> found = lint(dir).stream().filter(p -> p.contains("the domain ")).toList();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).startsWith(svg + ":" + TestCourses.lineOf(svg, "demokommunen.nu") + ": warning: the domain "
                + "demokommunen.nu is neither"), found.toString());
    }

    @Test
    void anAvoidedVariantInProseIsReportedButNotInCodeOrAddresses() throws IOException {
        Path dir = course();
        Path basics = dir.resolve("sv/01-basics.md");
        TestCourses.insertIntoBody(basics, """

                Ge feedback till kollegan, och läs Feedbacken noga.
                Kommandot `feedback --help` och adressen https://www.demokommunen.example/feedback är inte prosa.
                """);
        TestCourses.insertIntoBody(dir.resolve("en/01-basics.md"), "\nDemo Municipality and Demo\nMunicipality are the old names.\n");
        List<String> found = lint(dir).stream().filter(p -> p.contains("write \"")).toList();
        assertEquals(List.of(
                basics + ":" + TestCourses.lineOf(basics, "Ge feedback") + ": warning: write \"återkoppling\", not \"feedback\" "
                        + "(a response that explains an answer, vocabulary.yaml)",
                dir.resolve("en/01-basics.md") + ":" + TestCourses.lineOf(dir.resolve("en/01-basics.md"), "Demo Municipality and")
                        + ": warning: write \"Demokommunen\", not \"Demo Municipality\" (the fictional municipality, "
                        + "vocabulary.yaml)").stream().sorted().toList(), found.stream().sorted().toList());
    }

    @Test
    void withoutAVocabularyTheDomainAndTermRulesDoNotRun() throws IOException {
        Path dir = course();
        Files.delete(temp.resolve(Vocabulary.FILE));
        TestCourses.insertIntoBody(dir.resolve("sv/01-basics.md"), "\nGe feedback till it@demokommunen.se.\n");
        List<String> found = lint(dir);
        assertFalse(found.stream().anyMatch(p -> p.contains("the domain ") || p.contains("write \"")), found.toString());
        assertTrue(found.stream().anyMatch(p -> p.contains("no review date")));
    }

    @Test
    void variantsMatchWholeWordsOrAnyEndingWithAStar() {
        assertTrue(CourseLint.variantPattern("feedback").matcher("ge feedback.").find());
        assertFalse(CourseLint.variantPattern("feedback").matcher("feedbacken").find());
        assertTrue(CourseLint.variantPattern("feedback*").matcher("Feedbacken").find());
        assertFalse(CourseLint.variantPattern("feedback*").matcher("kundfeedback").find());
        assertTrue(CourseLint.variantPattern("Demo Municipality").matcher("the demo\n municipality").find());
        assertTrue(CourseLint.variantPattern("skärmläsare").matcher("En Skärmläsare läser").find());
    }

    @Test
    void reservedDomainsAreThoseOfRfc2606() {
        for (String host : List.of("demokommunen.example", "www.example.com", "example.net", "a.b.example.org",
                "intranat.test", "x.invalid", "localhost", "app.localhost")) {
            assertTrue(CourseLint.isReserved(host), host);
        }
        for (String host : List.of("demokommunen.se", "example.se", "notexample.com", "example.community")) {
            assertFalse(CourseLint.isReserved(host), host);
        }
    }

    @Test
    void aMalformedVocabularyIsReportedAtItsLine() throws IOException {
        Path file = temp.resolve(Vocabulary.FILE);
        Files.writeString(file, "terms:\n  - concept: x\n    sv: a\n    avoid:\n      sv: [a]\nsourceDomains:\n"
                + "  - Riksdagen.SE\nother: 1\n");
        Problems problems = new Problems();
        Vocabulary.read(file, problems);
        String p = problems.sorted().toString();
        assertTrue(p.contains(file + ":2: \"a\" is both chosen and avoided in sv"), p);
        assertTrue(p.contains(file + ":7: a source domain is a lower-case host name like riksdagen.se"), p);
        assertTrue(p.contains(file + ":8: unknown field other"), p);
    }
}
