package se.digikomp.packager.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The small test course in src/test/resources that uses every construct of the course format. */
public final class TestCourses {
    private TestCourses() {
    }

    public static Path testCourse() {
        return SharedSchemas.repositoryRoot().resolve("course-packager/src/test/resources/courses/test-course");
    }

    /** The 1-based line of the first line of the file that contains the snippet. */
    public static int lineOf(Path file, String snippet) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(snippet)) {
                return i + 1;
            }
        }
        throw new AssertionError(snippet + " not in " + file);
    }

    /** Adds text to a lesson's body, before its first level-2 heading (after a question it would be the question's). */
    public static void insertIntoBody(Path lesson, String text) throws IOException {
        String source = Files.readString(lesson);
        int at = source.indexOf("\n## ");
        if (at < 0) {
            throw new AssertionError("test setup: no level-2 heading in " + lesson);
        }
        Files.writeString(lesson, source.substring(0, at) + "\n" + text + source.substring(at));
    }

    /** A copy of the test course named test-course, to change in a test. */
    public static Path copy(Path tempDir) throws IOException {
        Path target = tempDir.resolve("test-course");
        Zips.copyTree(testCourse(), target);
        return target;
    }
}
