package se.digikomp.packager.testing;

import java.io.IOException;
import java.nio.file.Path;

/** The small test course in src/test/resources that uses every construct of the course format. */
public final class TestCourses {
    private TestCourses() {
    }

    public static Path testCourse() {
        return SharedSchemas.repositoryRoot().resolve("course-packager/src/test/resources/courses/test-course");
    }

    /** A copy of the test course named test-course, to change in a test. */
    public static Path copy(Path tempDir) throws IOException {
        Path target = tempDir.resolve("test-course");
        Zips.copyTree(testCourse(), target);
        return target;
    }
}
