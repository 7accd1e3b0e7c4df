package se.digikomp.courses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.SharedSchemas;
import se.digikomp.packager.testing.Zips;

/**
 * Builds every course in courses/ in every format, validates each package with the packager, and validates the
 * manifests against the official XSDs read in place from ../shared/schemas.
 */
class CoursesBuildTest {
    @TempDir
    Path temp;

    @TestFactory
    Stream<DynamicTest> everyCourseBuildsInEveryFormatAndValidates() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path course : AllCourses.folders()) {
            tests.add(DynamicTest.dynamicTest(course.getFileName().toString(), () -> buildAndValidate(course)));
        }
        return tests.stream();
    }

    private void buildAndValidate(Path course) throws IOException {
        Path out = temp.resolve(course.getFileName().toString());
        Cli build = Cli.run("build", course.toString(), "-o", out.toString());
        assertEquals(0, build.exitCode(), build.err());
        List<Path> zips;
        try (Stream<Path> files = Files.list(out)) {
            zips = files.filter(p -> p.toString().endsWith(".zip")).sorted().toList();
        }
        assertTrue(zips.size() >= 5, "one zip per format at least: " + zips);
        for (Path zip : zips) {
            Cli validate = Cli.run("validate", zip.toString());
            assertEquals(0, validate.exitCode(), validate.err());
            Map<String, byte[]> entries = Zips.read(zip);
            String name = zip.getFileName().toString();
            if (name.contains("-scorm12")) {
                assertEquals(List.of(), SharedSchemas.scorm12().validate(entries.get("imsmanifest.xml")), name);
            } else if (name.contains("-scorm2004")) {
                assertEquals(List.of(), SharedSchemas.scorm2004().validate(entries.get("imsmanifest.xml")), name);
            } else if (name.contains("-cmi5")) {
                assertEquals(List.of(), SharedSchemas.cmi5().validate(entries.get("cmi5.xml")), name);
            }
        }
        Cli whole = Cli.run("build", course.toString(), "--unit", "course", "-f", "scorm12,scorm2004,cmi5", "-o",
                temp.resolve("unit-course").toString());
        assertEquals(0, whole.exitCode(), whole.err());
    }
}
