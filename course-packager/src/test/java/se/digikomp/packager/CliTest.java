package se.digikomp.packager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.Cli;
import se.digikomp.packager.testing.TestCourses;

class CliTest {
    @TempDir
    Path temp;

    private static void noStackTrace(Cli cli) {
        assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
        assertFalse(cli.out().contains("\tat "), "no stack trace: " + cli.out());
    }

    @Test
    void helpAndVersionExitZero() {
        Cli help = Cli.run("--help");
        assertEquals(ExitCode.OK, help.exitCode());
        for (String command : new String[] {"build", "validate", "preview", "new", "publish"}) {
            assertTrue(help.out().contains(command), command);
        }
        assertTrue(help.out().contains("Exit codes:"));
        Cli version = Cli.run("--version");
        assertEquals(ExitCode.OK, version.exitCode());
        assertTrue(version.out().startsWith("course-packager "));
    }

    @Test
    void usageErrorsExitTwo() {
        Cli unknown = Cli.run("build", "--no-such-option", "x");
        assertEquals(ExitCode.USAGE, unknown.exitCode());
        assertTrue(unknown.err().contains("Unknown option"), unknown.err());
        Cli format = Cli.run("build", TestCourses.testCourse().toString(), "-f", "pdf", "-o", temp.toString());
        assertEquals(ExitCode.USAGE, format.exitCode());
        assertTrue(format.err().contains("unknown format: pdf"), format.err());
        assertEquals(ExitCode.USAGE, Cli.run().exitCode());
        noStackTrace(format);
    }

    @Test
    void invalidSourcesExitOneWithFileLineAndWriteNothing() throws IOException {
        Path good = TestCourses.testCourse();
        Path bad = TestCourses.copy(temp);
        Path lesson = bad.resolve("sv/02-checks.md");
        Files.writeString(lesson, Files.readString(lesson).replace("{#mfa type=text}", "{#mfa type=essay}"));
        Path out = temp.resolve("out");
        Cli cli = Cli.run("build", good.toString(), bad.toString(), "-o", out.toString());
        assertEquals(ExitCode.INVALID, cli.exitCode());
        assertTrue(cli.err().contains(lesson + ":"), cli.err());
        assertTrue(cli.err().contains("unknown question type: essay"), cli.err());
        noStackTrace(cli);
        assertFalse(Files.exists(out), "no package is written when any course is invalid");
    }

    @Test
    void missingCourseFolderIsReportedNotThrown() {
        Cli cli = Cli.run("validate", temp.resolve("nope").toString());
        assertEquals(ExitCode.INVALID, cli.exitCode());
        assertTrue(cli.err().contains("nope:1: not a course folder"), cli.err());
        Cli zip = Cli.run("validate", TestCourses.testCourse().resolve("course.yaml").toString());
        assertEquals(ExitCode.INVALID, zip.exitCode());
        noStackTrace(zip);
    }

    @Test
    void notAZipIsReported() throws IOException {
        Path fake = temp.resolve("fake.zip");
        Files.writeString(fake, "not a zip");
        Cli cli = Cli.run("validate", fake.toString());
        assertEquals(ExitCode.INVALID, cli.exitCode());
        assertTrue(cli.err().contains(fake + ":1: not a zip file"), cli.err());
        noStackTrace(cli);
    }

    @Test
    void buildsSeveralCoursesWithAProgressLineEach() throws IOException {
        Path skeleton = temp.resolve("my-course");
        assertEquals(ExitCode.OK, Cli.run("new", skeleton.toString()).exitCode());
        Path out = temp.resolve("out");
        Cli cli = Cli.run("build", TestCourses.testCourse().toString(), skeleton.toString(), "-o", out.toString(),
                "-f", "scorm12,web");
        assertEquals(ExitCode.OK, cli.exitCode(), cli.err());
        assertTrue(cli.out().contains("test-course: 4 package(s)"), cli.out());
        assertTrue(cli.out().contains("my-course: 4 package(s)"), cli.out());
        try (Stream<Path> files = Files.list(out)) {
            assertEquals(8, files.filter(p -> p.toString().endsWith(".zip")).count());
        }
        try (Stream<Path> files = Files.list(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".part")), "no temporary files left");
        }
    }

    @Test
    void newWritesASkeletonThatValidatesAndRefusesAFolderInUse() throws IOException {
        Path dir = temp.resolve("safety-basics");
        Cli created = Cli.run("new", dir.toString());
        assertEquals(ExitCode.OK, created.exitCode(), created.err());
        Cli valid = Cli.run("validate", dir.toString());
        assertEquals(ExitCode.OK, valid.exitCode(), valid.err());
        assertTrue(Files.readString(dir.resolve("course.yaml")).contains("id: https://digikomp.se/courses/safety-basics"));
        Cli again = Cli.run("new", dir.toString());
        assertEquals(ExitCode.USAGE, again.exitCode());
        assertTrue(again.err().contains("exists and is not an empty folder"), again.err());
    }
}
