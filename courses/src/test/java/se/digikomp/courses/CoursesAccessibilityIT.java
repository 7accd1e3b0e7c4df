package se.digikomp.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.source.Course;
import se.digikomp.packager.source.CourseReader;
import se.digikomp.packager.testing.Browser;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.PlayerWalk;
import se.digikomp.packager.testing.TestServer;
import se.digikomp.packager.testing.Zips;

/**
 * axe-core (WCAG 2.1 A/AA) on every lesson of every course in courses/, in every language, and on each course's
 * glossary: no serious or critical violation. The web package is walked lesson by lesson, answering each question so
 * ordered courses open, and the assessment is checked before and after it is submitted; every lesson is also laid out
 * at phone size (390 x 844): the page must not scroll sideways, and wherever something scrolls sideways there, axe's
 * scrollable-region-focusable runs (PlayerWalk says why that is all the width can change).
 *
 * <p>One browser and one server serve the whole run: every course is built in one packager run, and the pages are
 * walked {@code -Dcourses.axe.pages} (default 4) at a time, each in its own browser context. On 2026-12-01 this took
 * the IT from 606 s to about a sixth of that on the same busy 2-core machine (docs/testing.md has the figures).
 */
class CoursesAccessibilityIT {
    private static final int PAGES = Integer.getInteger("courses.axe.pages", 4);
    @TempDir
    static Path temp;
    static Browser browser;
    static TestServer server;
    /** Per course, every problem found and the lessons walked per language. */
    static final Map<String, List<String>> problems = new LinkedHashMap<>();
    static final Map<String, Map<String, List<String>>> walked = new LinkedHashMap<>();

    @BeforeAll
    static void buildAndWalkEveryCourse() throws Exception {
        List<Path> courses = AllCourses.folders();
        Path out = temp.resolve("out");
        List<String> args = new ArrayList<>(List.of("build"));
        courses.forEach(c -> args.add(c.toString()));
        args.addAll(List.of("-f", "web", "-o", out.toString()));
        Cli build = Cli.run(args.toArray(String[]::new));
        assertEquals(0, build.exitCode(), build.err());
        browser = new Browser();
        server = new TestServer();
        List<PlayerWalk.Target> targets = new ArrayList<>();
        Map<String, String> courseOfTarget = new LinkedHashMap<>();
        List<Path> zips;
        try (Stream<Path> files = Files.list(out)) {
            zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        for (Path course : courses) {
            String slug = course.getFileName().toString();
            problems.put(slug, new ArrayList<>());
            walked.put(slug, new LinkedHashMap<>());
            for (Path zip : zips.stream().filter(z -> z.getFileName().toString().startsWith(slug + "-")).toList()) {
                String name = zip.getFileName().toString().replace(".zip", "");
                Path dir = Zips.unzip(zip, Files.createDirectories(temp.resolve("unpacked").resolve(name)));
                server.folder("/" + name + "/", dir);
                try (Stream<Path> languages = Files.list(dir)) {
                    for (Path language : languages.filter(p -> Files.isRegularFile(p.resolve("index.html")))
                            .sorted().toList()) {
                        String target = name + "/" + language.getFileName();
                        targets.add(new PlayerWalk.Target(target, server.url("/" + target + "/index.html")));
                        courseOfTarget.put(target, slug);
                    }
                }
            }
        }
        PlayerWalk.run(browser, targets, PAGES).forEach((target, result) -> {
            String slug = courseOfTarget.get(target);
            problems.get(slug).addAll(result.problems());
            walked.get(slug).put(target.substring(target.lastIndexOf('/') + 1), result.lessons());
        });
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> everyLessonOfEveryCourseHasNoSeriousViolation() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path course : AllCourses.folders()) {
            String slug = course.getFileName().toString();
            tests.add(DynamicTest.dynamicTest(slug, () -> {
                Course read = CourseReader.read(course);
                for (String language : read.languages()) {
                    assertEquals(read.lessons(language).stream().map(l -> l.title()).toList(),
                            walked.get(slug).get(language), slug + " " + language + ": every lesson was walked");
                }
                assertEquals(List.of(), problems.get(slug), slug);
            }));
        }
        return tests.stream();
    }
}
