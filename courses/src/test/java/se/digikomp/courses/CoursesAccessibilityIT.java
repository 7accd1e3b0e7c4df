package se.digikomp.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.Browser;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.TestServer;
import se.digikomp.packager.testing.Zips;

/**
 * axe-core (WCAG 2.1 A/AA) on every lesson of every course in courses/, in every language: no serious or critical
 * violation. The web package is walked lesson by lesson, answering each question so ordered courses open. Each lesson
 * is also laid out at phone size (390 x 844): the page must not scroll sideways, all of axe runs again where a code
 * block is, and only its scrollable-region rule where a table scrolls sideways (Browser.phoneProblems). On 2026-11-25
 * that added about 50 s over the 142 lesson pages, on a busy 2-core machine.
 */
class CoursesAccessibilityIT {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyLessonOfEveryCourseHasNoSeriousViolation() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path course : AllCourses.folders()) {
            tests.add(DynamicTest.dynamicTest(course.getFileName().toString(), () -> check(course)));
        }
        return tests.stream();
    }

    private void check(Path course) throws Exception {
        String slug = course.getFileName().toString();
        Path out = temp.resolve(slug);
        Cli build = Cli.run("build", course.toString(), "-f", "web", "-o", out.toString());
        assertEquals(0, build.exitCode(), build.err());
        List<String> found = new ArrayList<>();
        try (Browser browser = new Browser(); TestServer server = new TestServer();
                Stream<Path> zips = Files.list(out)) {
            for (Path zip : zips.sorted().toList()) {
                String name = zip.getFileName().toString().replace(".zip", "");
                Path dir = Zips.unzip(zip, Files.createDirectories(temp.resolve("unpacked").resolve(name)));
                server.folder("/" + name + "/", dir);
                Page page = browser.newPage();
                try (Stream<Path> languages = Files.list(dir)) {
                    for (Path language : languages.filter(p -> Files.isRegularFile(p.resolve("index.html"))).toList()) {
                        page.navigate(server.url("/" + name + "/" + language.getFileName() + "/index.html"));
                        walk(page, name + "/" + language.getFileName(), found);
                    }
                }
            }
        }
        assertEquals(List.of(), found, slug);
    }

    private static void walk(Page page, String where, List<String> found) {
        for (int i = 0; i < 30; i++) {
            page.locator("html[data-dk-ready]").waitFor();
            page.locator(".dk-lesson:not([hidden]) h1").waitFor();
            String title = page.locator(".dk-lesson:not([hidden]) h1").textContent();
            page.locator(".dk-lesson:not([hidden]) .dk-term-button").all().forEach(b -> b.click());
            page.locator(".dk-lesson:not([hidden]) .dk-options input:first-of-type:enabled").all()
                    .forEach(input -> input.check());
            page.locator(".dk-lesson:not([hidden]) .dk-question input[type=text]:enabled").all()
                    .forEach(input -> input.fill("x"));
            for (var select : page.locator(".dk-lesson:not([hidden]) .dk-question select:enabled").all()) {
                select.selectOption(new SelectOption().setIndex(1));
            }
            page.locator(".dk-lesson:not([hidden]) .dk-check").all().forEach(b -> b.click());
            if (page.locator(".dk-submit").isVisible()) {
                page.locator(".dk-submit").click();
            }
            for (String violation : Browser.seriousViolations(page)) {
                found.add(where + " \"" + title + "\": " + violation);
            }
            for (String problem : Browser.phoneProblems(page)) {
                found.add(where + " \"" + title + "\": " + problem);
            }
            if (page.locator(".dk-next").count() == 0 || page.locator(".dk-next").isDisabled()) {
                return;
            }
            page.locator(".dk-next").click();
        }
    }
}
