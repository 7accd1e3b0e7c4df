package se.digikomp.packager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.TestCourses;

/** validate's warnings: printed as file:line: warning: message, exit 0; with --strict, exit 1. */
class ValidateWarningsTest {
    @TempDir
    Path temp;

    @Test
    void aLinkToASitesFrontPageIsAWarningWithItsLine() throws IOException {
        Path dir = TestCourses.copy(temp);
        Path lesson = dir.resolve("sv/01-basics.md");
        TestCourses.insertIntoBody(lesson, """
                - [Riksdagen](https://www.riksdagen.se/)
                - <https://eur-lex.europa.eu>
                - [Offentlighets- och sekretesslag (2009:400)](https://www.riksdagen.se/sv/dokument-och-lagar/dokument/svensk-forfattningssamling/offentlighets-och-sekretesslag-2009400_sfs-2009-400/)
                - [AI-förordningen, artikel 4](https://eur-lex.europa.eu/eli/reg/2024/1689/oj#art_4)
                - [Sök](https://www.riksdagen.se/?q=osl)
                """);
        Path glossary = dir.resolve("en/glossary.md");
        Files.writeString(glossary, Files.readString(glossary) + "See [IMY](http://imy.se).\n");
        Cli cli = Cli.run("validate", dir.toString());
        assertEquals(ExitCode.OK, cli.exitCode(), cli.err());
        assertTrue(cli.err().contains(lesson + ":" + TestCourses.lineOf(lesson, "[Riksdagen]") + ": warning: the link goes only to "
                + "a site's front page: https://www.riksdagen.se/ (link the exact text instead: the SFS number on "
                + "riksdagen.se, the EUR-Lex ELI address with the article, the authority's own page for the rule)"),
                cli.err());
        assertTrue(cli.err().contains(lesson + ":" + TestCourses.lineOf(lesson, "<https://eur-lex.europa.eu>")
                + ": warning: the link goes only to a site's front page: https://eur-lex.europa.eu ("), cli.err());
        assertTrue(cli.err().contains(glossary + ":" + TestCourses.lineOf(glossary, "[IMY]")
                + ": warning: the link goes only to a site's front page: http://imy.se ("), cli.err());
        assertFalse(cli.err().contains("front page: https://www.riksdagen.se/sv"), "a deep link is fine");
        assertFalse(cli.err().contains("front page: https://eur-lex.europa.eu/eli"), cli.err());
        assertFalse(cli.err().contains("front page: https://www.riksdagen.se/?q"), "a search is not the front page");
        assertTrue(cli.out().contains("valid course"), cli.out());
        assertTrue(cli.err().contains(" warning(s) found."), cli.err());

        Cli strict = Cli.run("validate", "--strict", dir.toString());
        assertEquals(ExitCode.INVALID, strict.exitCode());
        assertTrue(strict.err().contains(lesson + ":" + TestCourses.lineOf(lesson, "[Riksdagen]") + ": warning: the link goes only"),
                strict.err());
        assertTrue(strict.err().contains("warning(s) found (--strict: warnings fail)."), strict.err());
    }

    @Test
    void warningsDoNotStopABuild() throws IOException {
        Path dir = TestCourses.copy(temp);
        Path lesson = dir.resolve("sv/01-basics.md");
        TestCourses.insertIntoBody(lesson, "\n[Riksdagen](https://www.riksdagen.se/)\n");
        Cli build = Cli.run("build", dir.toString(), "-f", "web", "-o", temp.resolve("out").toString());
        assertEquals(ExitCode.OK, build.exitCode(), build.err());
    }

    @Test
    void errorsAndWarningsTogetherExitOneAndListBoth() throws IOException {
        Path dir = TestCourses.copy(temp);
        Path lesson = dir.resolve("sv/01-basics.md");
        TestCourses.insertIntoBody(lesson, "\n[Riksdagen](https://www.riksdagen.se/)\n");
        Files.writeString(lesson, Files.readString(lesson).replace("{#strongest-password type=single",
                "{#strongest-password type=essay"));
        Cli cli = Cli.run("validate", dir.toString());
        assertEquals(ExitCode.INVALID, cli.exitCode());
        assertTrue(cli.err().contains("unknown question type: essay"), cli.err());
        assertTrue(cli.err().contains(": warning: the link goes only to a site's front page"), cli.err());
        assertTrue(cli.err().matches("(?s).*\\d+ problem\\(s\\) found and \\d+ warning\\(s\\)\\..*"), cli.err());
    }

    @Test
    void theVocabularyBesideTheCourseFolderIsUsedAndAMalformedOneIsAnError() throws IOException {
        Path dir = TestCourses.copy(temp);
        Path lesson = dir.resolve("sv/01-basics.md");
        TestCourses.insertIntoBody(lesson, "\nGe feedback till it@demokommunen.se.\n");
        Files.writeString(temp.resolve("vocabulary.yaml"), """
                terms:
                  - concept: response to an answer
                    sv: återkoppling
                    en: feedback
                    avoid:
                      sv: [feedback]
                sourceDomains: [europa.eu, w3.org]
                """);
        Cli cli = Cli.run("validate", dir.toString());
        assertEquals(ExitCode.OK, cli.exitCode(), cli.err());
        int line = TestCourses.lineOf(lesson, "Ge feedback");
        assertTrue(cli.err().contains(lesson + ":" + line + ": warning: write \"återkoppling\", not \"feedback\""),
                cli.err());
        assertTrue(cli.err().contains(lesson + ":" + line + ": warning: the domain demokommunen.se is neither"),
                cli.err());

        Path other = temp.resolve("other.yaml");
        Files.writeString(other, "terms: [1\n");
        Cli bad = Cli.run("validate", "--vocabulary", other.toString(), dir.toString());
        assertEquals(ExitCode.INVALID, bad.exitCode());
        assertTrue(bad.err().contains(other + ":"), bad.err());
        assertTrue(bad.err().contains("malformed YAML"), bad.err());
        assertFalse(bad.err().contains("Exception"), bad.err());
    }
}
