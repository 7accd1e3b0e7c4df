package se.digikomp.packager.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.microsoft.playwright.FrameLocator;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import se.digikomp.packager.Main;

/**
 * Plays a built SCORM package the way an LMS does: a test page provides the run-time API with npm scorm-again
 * (installed by the build into course-packager/node_modules) and loads the SCO in an iframe.
 */
public final class ScormHarness implements AutoCloseable {
    private final TestServer server;
    private final String api;

    public ScormHarness(Path zip, Path temp, boolean scorm12) throws IOException {
        Path dist = SharedSchemas.repositoryRoot().resolve("course-packager/node_modules/scorm-again/dist");
        if (!Files.isRegularFile(dist.resolve("scorm12.js"))) {
            fail("scorm-again is missing: expected " + dist + " (the build installs it with npm ci)");
        }
        Path unpacked = Zips.unzip(zip, Files.createDirectories(temp.resolve("pkg")));
        String apiClass = scorm12 ? "Scorm12API" : "Scorm2004API";
        api = scorm12 ? "API" : "API_1484_11";
        String html = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>LMS harness</title>"
                + "<script src=\"/lib/" + (scorm12 ? "scorm12.js" : "scorm2004.js") + "\"></script></head><body>"
                + "<iframe id=\"sco\" title=\"SCO\" style=\"width:1100px;height:900px\"></iframe><script>"
                + "window.startSco = function (url, initial) {"
                + "  window." + api + " = new " + apiClass + "({autocommit: false, logLevel: 5});"
                + "  if (initial) { window." + api + ".loadFromFlattenedJSON(initial); }"
                + "  document.getElementById('sco').src = url; };"
                + "</script></body></html>";
        server = new TestServer().folder("/pkg/", unpacked).folder("/lib/", dist).page("/harness.html", html);
    }

    /** Opens the harness and launches the SCO, optionally with data the LMS kept from an earlier session. */
    public FrameLocator launch(Page page, String sco, Map<String, String> initial) {
        page.navigate(server.url("/harness.html"));
        page.evaluate("([u, i]) => window.startSco(u, i)", List.of(server.url("/pkg/" + sco),
                initial == null ? Map.of() : initial));
        FrameLocator frame = page.frameLocator("#sco");
        frame.locator("html[data-dk-ready]").waitFor();
        return frame;
    }

    /** The run-time's whole data model, flattened ("cmi.core.lesson_status" -> "passed"). */
    @SuppressWarnings("unchecked")
    public Map<String, Object> cmi(Page page) {
        return (Map<String, Object>) page.evaluate("() => window." + api + ".getFlattenedCMI()");
    }

    /** Unloads the SCO, as an LMS does when the learner leaves it, and waits until it has finished. */
    public void leave(Page page) {
        page.evaluate("() => document.getElementById('sco').src = 'about:blank'");
        page.waitForFunction("() => window." + api + ".isTerminated()");
    }

    @Override
    public void close() {
        server.close();
    }

    static {
        Main.class.getName();
    }
}
