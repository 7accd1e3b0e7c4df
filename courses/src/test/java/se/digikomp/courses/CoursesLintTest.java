package se.digikomp.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import se.digikomp.packager.lint.CourseLint;
import se.digikomp.packager.lint.CourseLint.Rule;
import se.digikomp.packager.lint.Vocabulary;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.CourseReader;
import se.digikomp.packager.source.Problems;
import se.digikomp.packager.testing.SharedSchemas;

/**
 * The catalogue's editorial rules (CourseLint, docs/course-format.md "Lint") over every course in courses/, with the
 * shared courses/vocabulary.yaml.
 *
 * <p>What it asserts, exactly: a course whose {@code CHANGES.md} exists has been through the December 2026 review
 * (courses/README.md) and is held to every rule (a review date on every lesson, no link to a site's front page, at
 * least two knowledge checks in every lesson but the assessment, feedback on every answer, only reserved example
 * domains or listed source domains in addresses, the vocabulary's terms), except the rules {@link #OPEN} lists for it:
 * the findings still open when the reviews landed (main at 2026-12-01 22:26 UTC), which the content work closes;
 * an entry is removed when its course is clean. A course without {@code CHANGES.md} has not been reviewed; it is held
 * to the rules it kept before the review ({@link #KEPT_BEFORE_REVIEW}, measured on 2026-12-01), and a new course to
 * every rule. {@code java -jar course-packager/target/course-packager.jar validate courses/*} lists what is open, as
 * warnings.
 */
class CoursesLintTest {
    /** Per reviewed course, the rules with findings still open at the 22:26 merge (see the class comment). */
    static final Map<String, Set<Rule>> OPEN = Map.of(
            "accessible-content", EnumSet.of(Rule.TERMS),
            "copyright-and-ai", EnumSet.of(Rule.TERMS, Rule.FEEDBACK),
            "digcomp-orientation", EnumSet.of(Rule.TERMS),
            "digital-collaboration", EnumSet.of(Rule.TERMS),
            "digital-safety", EnumSet.of(Rule.TERMS),
            "e-services", EnumSet.of(Rule.TERMS),
            "open-data", EnumSet.of(Rule.TERMS, Rule.FEEDBACK));

    /** Per course, the rules it kept on 2026-12-01 before the review; they hold until its CHANGES.md exists. */
    static final Map<String, Set<Rule>> KEPT_BEFORE_REVIEW = Map.of(
            "accessible-content", EnumSet.of(Rule.EXAMPLE_DOMAINS),
            "copyright-and-ai", EnumSet.of(Rule.EXAMPLE_DOMAINS),
            "digcomp-orientation", EnumSet.of(Rule.EXAMPLE_DOMAINS),
            "digital-collaboration", EnumSet.of(Rule.EXAMPLE_DOMAINS),
            "digital-safety", EnumSet.of(Rule.TERMS),
            "e-services", EnumSet.of(Rule.EXAMPLE_DOMAINS),
            "information-management", EnumSet.of(Rule.TERMS),
            "open-data", EnumSet.of(Rule.EXAMPLE_DOMAINS),
            "source-criticism", EnumSet.of(Rule.EXAMPLE_DOMAINS, Rule.TERMS),
            "sustainable-digital-work", EnumSet.of(Rule.EXAMPLE_DOMAINS, Rule.TERMS));

    @TestFactory
    Stream<DynamicTest> everyReviewedCourseKeepsEveryRuleAndEveryCourseTheRulesItAlreadyKept() throws IOException {
        Problems problems = new Problems();
        Path file = SharedSchemas.repositoryRoot().resolve("courses").resolve(Vocabulary.FILE);
        Optional<Vocabulary> vocabulary = Vocabulary.read(file, problems);
        assertFalse(problems.hasErrors(), problems.sorted().toString());
        assertFalse(vocabulary.isEmpty(), "courses/" + Vocabulary.FILE);
        List<DynamicTest> tests = new ArrayList<>();
        for (Path dir : AllCourses.folders()) {
            tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
                String slug = dir.getFileName().toString();
                Course course = CourseReader.read(dir);
                Set<Rule> rules = EnumSet.allOf(Rule.class);
                if (Files.isRegularFile(dir.resolve("CHANGES.md"))) {
                    rules.removeAll(OPEN.getOrDefault(slug, Set.of()));
                } else if (KEPT_BEFORE_REVIEW.containsKey(slug)) {
                    rules = KEPT_BEFORE_REVIEW.get(slug);
                }
                Set<Rule> held = rules;
                List<String> found = CourseLint.findings(course, vocabulary).stream()
                        .filter(f -> held.contains(f.rule()))
                        .map(f -> f.rule() + " " + f.problem())
                        .toList();
                assertEquals(List.of(), found, slug + ": rules " + held);
            }));
        }
        return tests.stream();
    }
}
