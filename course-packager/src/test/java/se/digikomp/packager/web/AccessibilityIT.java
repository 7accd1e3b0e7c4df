package se.digikomp.packager.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.Browser;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.PlayerWalk;
import se.digikomp.packager.testing.TestCourses;
import se.digikomp.packager.testing.TestServer;
import se.digikomp.packager.testing.Zips;

/**
 * axe-core (WCAG 2.1 A/AA) on every built player page: no serious or critical violation, in every state; every lesson
 * also at phone size (390 x 844), where code blocks and tables scroll sideways and the page must not. One browser and
 * one server for the class; the three web packages are walked side by side (PlayerWalk).
 */
class AccessibilityIT {
    @TempDir
    static Path temp;
    static Browser browser;
    static TestServer server;

    @BeforeAll
    static void buildAndServe() throws Exception {
        Path skeleton = temp.resolve("skeleton-course");
        assertEquals(0, Cli.run("new", skeleton.toString()).exitCode());
        Path out = temp.resolve("out");
        assertEquals(0, Cli.run("build", TestCourses.testCourse().toString(), skeleton.toString(), "-f",
                "web,scorm2004", "-o", out.toString()).exitCode());
        browser = new Browser();
        server = new TestServer();
        for (String name : List.of("test-course-1.2.3-web-sv", "test-course-1.2.3-web-en",
                "test-course-1.2.3-scorm2004-sv", "skeleton-course-0.1.0-web-sv")) {
            server.folder("/" + name + "/", Zips.unzip(out.resolve(name + ".zip"),
                    Files.createDirectories(temp.resolve(name))));
        }
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

    @Test
    void playerPagesHaveNoSeriousViolations() {
        List<String> found = new ArrayList<>();
        List<PlayerWalk.Target> walks = new ArrayList<>();
        for (String name : List.of("test-course-1.2.3-web-sv", "test-course-1.2.3-web-en",
                "skeleton-course-0.1.0-web-sv")) {
            String lang = name.substring(name.length() - 2);
            walks.add(new PlayerWalk.Target(name, server.url("/" + name + "/" + lang + "/index.html")));
        }
        Map<String, PlayerWalk.Result> results = PlayerWalk.run(browser, walks, 3);
        results.forEach((name, result) -> {
            found.addAll(result.problems());
            assertEquals(name.startsWith("skeleton") ? 2 : 3, result.lessons().size(),
                    name + ": every lesson was checked: " + result.lessons());
        });
        Page page = browser.newPage();
        for (String name : List.of("test-course-1.2.3-web-sv", "test-course-1.2.3-web-en",
                "skeleton-course-0.1.0-web-sv")) {
            page.navigate(server.url("/" + name + "/index.html"));
            check(page, name + " start page", found);
        }
        for (String lesson : List.of("basics", "checks", "final")) {
            page.navigate(server.url("/test-course-1.2.3-scorm2004-sv/sv/" + lesson + ".html"));
            page.locator("h1").waitFor();
            check(page, "scorm2004 " + lesson + " without an LMS", found);
        }
        page.context().close();
        assertEquals(List.of(), found);
    }

    @Test
    void theReviewDateIsShownUnderTheLessonTitle() {
        Page page = browser.newPage();
        page.navigate(server.url("/test-course-1.2.3-scorm2004-sv/sv/checks.html"));
        var reviewed = page.locator("h1 + p.dk-reviewed");
        assertEquals("Granskad per 2026-11-30", reviewed.textContent());
        assertTrue(reviewed.isVisible());
        assertEquals("2026-11-30", reviewed.locator("time").getAttribute("datetime"));
        page.context().close();
    }

    @Test
    void aCodeBlockWiderThanAPhoneIsReachedAndScrolledByKeyboard() {
        Page page = browser.newPage();
        page.setViewportSize(Browser.PHONE_WIDTH, Browser.PHONE_HEIGHT);
        page.navigate(server.url("/test-course-1.2.3-web-sv/sv/index.html"));
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
        page.context().close();
    }

    /** The check is not vacuous: a page with known faults, walked like a player page, reports each of them. */
    @Test
    void theWalkReportsViolationsAtDesktopAndPhoneSize() {
        server.page("/faulty/index.html", """
                <!DOCTYPE html><html lang="en" data-dk-ready><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1"><title>Faulty</title></head>
                <body><main><section class="dk-lesson"><h1>Faulty lesson</h1>
                <img src="missing.png">
                <pre style="overflow-x: auto">a line of code that is far wider than a phone's screen, so it scrolls sideways</pre>
                <div style="width: 600px">a box wider than a phone</div>
                </section></main></body></html>""");
        PlayerWalk.Result result = PlayerWalk.run(browser,
                List.of(new PlayerWalk.Target("faulty", server.url("/faulty/index.html"))), 2).get("faulty");
        assertEquals(List.of("Faulty lesson"), result.lessons());
        String problems = String.join("\n", result.problems());
        assertTrue(problems.contains("faulty \"Faulty lesson\": image-alt (critical)"), problems);
        assertTrue(problems.contains("faulty \"Faulty lesson\" at 390x844: reflow (WCAG 1.4.10)"), problems);
        assertTrue(problems.contains("faulty \"Faulty lesson\" at 390x844: scrollable-region-focusable (serious)"),
                problems);
        assertEquals(3, result.problems().size(), problems);
    }

    private static void check(Page page, String where, List<String> found) {
        for (String violation : Browser.seriousViolations(page)) {
            found.add(where + ": " + violation);
        }
    }
}
