package se.digikomp.packager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import se.digikomp.packager.testing.SharedSchemas;
import se.digikomp.packager.testing.TestCourses;

/** The shaded jar runs on its own: {@code java -jar course-packager/target/course-packager.jar ...}. */
class CliJarIT {
    @TempDir
    Path temp;

    record Run(int code, String out, String err) {
    }

    private Run java(String... args) throws IOException, InterruptedException {
        return javaIn("UTC", args);
    }

    private Run javaIn(String timeZone, String... args) throws IOException, InterruptedException {
        return javaAt(null, timeZone, args);
    }

    /** The jar run with the given working directory (null: this JVM's). */
    private Run javaAt(Path workingDir, String timeZone, String... args) throws IOException, InterruptedException {
        Path jar = SharedSchemas.repositoryRoot().resolve("course-packager/target/course-packager.jar");
        assertTrue(Files.isRegularFile(jar), "build the jar first (mvn package): " + jar);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Duser.timezone=" + timeZone, "-jar", jar.toString()));
        command.addAll(List.of(args));
        Path out = temp.resolve("stdout");
        Path err = temp.resolve("stderr");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (workingDir != null) {
            builder.directory(workingDir.toFile());
        }
        Process p = builder.start();
        assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the jar finished");
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void theJarBuildsValidatesAndAnswersBadInputWithExitCodes() throws Exception {
        Run version = java("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("course-packager "), version.out());
        Path out = temp.resolve("out");
        Run build = java("build", TestCourses.testCourse().toString(), "-f", "scorm12", "-o", out.toString());
        assertEquals(0, build.code(), build.err());
        assertTrue(build.out().contains("test-course: 2 package(s)"), build.out());
        Run validate = java("validate", out.resolve("test-course-1.2.3-scorm12-sv.zip").toString());
        assertEquals(0, validate.code(), validate.err());
        assertTrue(validate.out().contains("valid scorm12 package"));
        Run missing = java("validate", temp.resolve("no-such-course").toString());
        assertEquals(1, missing.code());
        assertFalse(missing.err().contains("\tat "), missing.err());
        Run usage = java("build");
        assertEquals(2, usage.code());
    }

    /** An author in the course folder types "validate ." and "build .": the assets are inside that folder. */
    @Test
    void theCurrentFolderAsTheCourseValidatesAndBuilds() throws Exception {
        Path course = TestCourses.copy(temp);
        Run validate = javaAt(course, "UTC", "validate", ".");
        assertEquals(0, validate.code(), validate.out() + validate.err());
        Path out = temp.resolve("out-dot");
        Run build = javaAt(course, "UTC", "build", ".", "-f", "web", "-o", out.toString());
        assertEquals(0, build.code(), build.out() + build.err());
        assertTrue(Files.list(out).anyMatch(f -> f.getFileName().toString().startsWith("test-course-")), "a package");
        Run parent = javaAt(course.resolve("sv"), "UTC", "validate", "..");
        assertEquals(0, parent.code(), parent.out() + parent.err());
    }

    @Test
    void zipsAreByteIdenticalWhateverTheMachinesTimeZone() throws Exception {
        Path utc = temp.resolve("utc");
        Path sthlm = temp.resolve("stockholm");
        Path ny = temp.resolve("new-york");
        assertEquals(0, javaIn("UTC", "build", TestCourses.testCourse().toString(), "-f", "scorm2004", "-o",
                utc.toString()).code());
        assertEquals(0, javaIn("Europe/Stockholm", "build", TestCourses.testCourse().toString(), "-f", "scorm2004",
                "-o", sthlm.toString()).code());
        assertEquals(0, javaIn("America/New_York", "build", TestCourses.testCourse().toString(), "-f", "scorm2004",
                "-o", ny.toString()).code());
        String name = "test-course-1.2.3-scorm2004-sv.zip";
        byte[] reference = Files.readAllBytes(utc.resolve(name));
        org.junit.jupiter.api.Assertions.assertArrayEquals(reference, Files.readAllBytes(sthlm.resolve(name)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(reference, Files.readAllBytes(ny.resolve(name)));
    }
}
