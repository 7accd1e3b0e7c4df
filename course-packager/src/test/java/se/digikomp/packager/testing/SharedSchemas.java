package se.digikomp.packager.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import se.digikomp.packager.bundle.XsdValidator;

/**
 * The official XSDs in ../shared/schemas (beside the repository), read in place as test oracles. A test that
 * needs them and does not find them fails with a message naming the path.
 */
public final class SharedSchemas {
    private SharedSchemas() {
    }

    /** The repository root: the parent of the module folder Maven runs the tests in. */
    public static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.isRegularFile(dir.resolve("course-packager/pom.xml"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            fail("cannot find the repository root above " + System.getProperty("user.dir"));
        }
        return dir;
    }

    public static Path shared() {
        Path shared = repositoryRoot().resolve("../shared").normalize();
        if (!Files.isDirectory(shared.resolve("schemas"))) {
            fail("the official XSDs are missing: expected them in " + shared.resolve("schemas")
                    + " (../shared/schemas beside the repository)");
        }
        return shared;
    }

    private static URL folder(String name) {
        Path dir = shared().resolve("schemas").resolve(name);
        assertTrue(Files.isDirectory(dir), "missing schema folder " + dir);
        try {
            return dir.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static XsdValidator scorm12() {
        return XsdValidator.scorm12(List.of(folder("scorm12")));
    }

    public static XsdValidator scorm2004() {
        return XsdValidator.scorm2004(List.of(folder("scorm2004-4th")));
    }

    public static XsdValidator cmi5() {
        return XsdValidator.cmi5(List.of(folder("cmi5")));
    }

    /** Real third-party packages in ../shared/fixtures/content. */
    public static Path fixture(String name) {
        Path dir = shared().resolve("fixtures/content").resolve(name);
        if (!Files.isDirectory(dir)) {
            fail("missing fixture " + dir);
        }
        return dir;
    }
}
