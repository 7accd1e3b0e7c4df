package se.digikomp.packager.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.Browser;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.TestCourses;
import se.digikomp.packager.testing.TestServer;
import se.digikomp.packager.testing.Zips;

/**
 * axe-core (WCAG 2.1 A/AA) on every built player page: no serious or critical violation, in every state; every lesson
 * also at phone size (390 x 844), where code blocks and tables scroll sideways and the page must not.
 */
class AccessibilityIT {
    @TempDir
    Path temp;

    @Test
    void playerPagesHaveNoSeriousViolations() throws Exception {
        Path skeleton = temp.resolve("skeleton-course");
        assertEquals(0, Cli.run("new", skeleton.toString()).exitCode());
        Path out = temp.resolve("out");
        assertEquals(0, Cli.run("build", TestCourses.testCourse().toString(), skeleton.toString(), "-f",
                "web,scorm2004", "-o", out.toString()).exitCode());
        List<String> found = new ArrayList<>();
        try (Browser browser = new Browser(); TestServer server = new TestServer()) {
            for (String name : List.of("test-course-1.2.3-web-sv", "test-course-1.2.3-web-en",
                    "test-course-1.2.3-scorm2004-sv", "skeleton-course-0.1.0-web-sv")) {
                server.folder("/" + name + "/", Zips.unzip(out.resolve(name + ".zip"),
                        Files.createDirectories(temp.resolve(name))));
            }
            Page page = browser.newPage();
            for (String name : List.of("test-course-1.2.3-web-sv", "test-course-1.2.3-web-en",
                    "skeleton-course-0.1.0-web-sv")) {
                String lang = name.substring(name.length() - 2);
                page.navigate(server.url("/" + name + "/index.html"));
                check(page, name + " start page", found);
                page.navigate(server.url("/" + name + "/" + lang + "/index.html"));
                int visited = 0;
                for (int i = 0; i < 10; i++) {
                    page.locator("html[data-dk-ready]").waitFor();
                    page.locator(".dk-lesson:not([hidden]) h1").waitFor();
                    visited++;
                    page.locator(".dk-lesson:not([hidden]) .dk-term-button").all().forEach(b -> b.click());
                    answerEverything(page);
                    page.locator(".dk-lesson:not([hidden]) .dk-check").all().forEach(b -> b.click());
                    check(page, name + " lesson " + (i + 1), found);
                    for (String problem : Browser.phoneProblems(page)) {
                        found.add(name + " lesson " + (i + 1) + ": " + problem);
                    }
                    if (page.locator(".dk-submit").isVisible()) {
                        page.locator(".dk-submit").click();
                        check(page, name + " assessment after submit", found);
                    }
                    if (page.locator(".dk-next").isDisabled()) {
                        break;
                    }
                    page.locator(".dk-next").click();
                }
                int lessons = name.startsWith("skeleton") ? 2 : 3;
                assertEquals(lessons, visited, name + ": every lesson was checked");
            }
            for (String lesson : List.of("basics", "checks", "final")) {
                page.navigate(server.url("/test-course-1.2.3-scorm2004-sv/sv/" + lesson + ".html"));
                page.locator("h1").waitFor();
                check(page, "scorm2004 " + lesson + " without an LMS", found);
            }
        }
        assertEquals(List.of(), found);
    }

    @Test
    void aCodeBlockWiderThanAPhoneIsReachedAndScrolledByKeyboard() throws Exception {
        Path out = temp.resolve("out");
        assertEquals(0, Cli.run("build", TestCourses.testCourse().toString(), "-f", "web", "-o", out.toString())
                .exitCode());
        try (Browser browser = new Browser(); TestServer server = new TestServer()) {
            server.folder("/web/", Zips.unzip(out.resolve("test-course-1.2.3-web-sv.zip"),
                    Files.createDirectories(temp.resolve("web"))));
            Page page = browser.newPage();
            page.setViewportSize(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT);
            page.navigate(server.url("/web/sv/index.html"));
            page.locator("html[data-dk-ready]").waitFor();
            var code = page.locator(".dk-lesson:not([hidden]) pre:has(> code.language-turtle)");
            assertTrue((Boolean) code.evaluate("e => e.scrollWidth > e.clientWidth"), "the example scrolls sideways");
            assertEquals("Kodexempel", code.getAttribute("aria-label"));
            assertEquals("region", code.getAttribute("role"));
            for (int i = 0; i < 50 && !(Boolean) code.evaluate("e => e === document.activeElement"); i++) {
                page.keyboard().press("Tab");
            }
            assertTrue((Boolean) code.evaluate("e => e === document.activeElement"), "Tab reaches the code block");
            assertEquals("solid 3px", code.evaluate("e => getComputedStyle(e).outlineStyle + ' ' "
                    + "+ getComputedStyle(e).outlineWidth"), "the focus is visible");
            page.keyboard().press("ArrowRight");
            page.waitForFunction("e => e.scrollLeft > 0", code.elementHandle());
        }
    }

    /** Gives every question on the visible lesson an answer (right or wrong does not matter here). */
    private static void answerEverything(Page page) {
        page.locator(".dk-lesson:not([hidden]) .dk-options input:first-of-type:enabled").all().forEach(i -> i.check());
        page.locator(".dk-lesson:not([hidden]) .dk-question input[type=text]:enabled").all().forEach(i -> i.fill("x"));
        for (var select : page.locator(".dk-lesson:not([hidden]) .dk-question select:enabled").all()) {
            select.selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(1));
        }
    }

    private static void check(Page page, String where, List<String> found) {
        for (String violation : Browser.seriousViolations(page)) {
            found.add(where + ": " + violation);
        }
    }
}
