package se.digikomp.courses;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import se.digikomp.packager.testing.SharedSchemas;

/** Every course folder in courses/ (a folder with a course.yaml). */
final class AllCourses {
    private AllCourses() {
    }

    static List<Path> folders() throws IOException {
        Path root = SharedSchemas.repositoryRoot().resolve("courses");
        try (Stream<Path> dirs = Files.list(root)) {
            List<Path> courses = dirs.filter(d -> Files.isRegularFile(d.resolve("course.yaml"))).sorted().toList();
            assertFalse(courses.isEmpty(), "no course in " + root);
            return courses;
        }
    }
}
