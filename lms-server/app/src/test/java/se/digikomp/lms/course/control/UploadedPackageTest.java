package se.digikomp.lms.course.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import se.digikomp.lms.course.entity.PackageRefusedException;

/** The upload's temporary file is gone after the request, whether the upload was accepted or refused. */
class UploadedPackageTest {

    @Test
    void theTemporaryFileIsDeletedOnCloseAndWhenTheUploadIsTooLarge() throws Exception {
        long before = uploads();
        Path file;
        try (UploadedPackage upload = UploadedPackage.receive(new ByteArrayInputStream(new byte[1000]), 1000)) {
            file = upload.file();
            assertTrue(Files.isRegularFile(file));
            assertEquals(1000, upload.size());
        }
        assertFalse(Files.exists(file));
        PackageRefusedException e = assertThrows(PackageRefusedException.class,
                () -> UploadedPackage.receive(new ByteArrayInputStream(new byte[1001]), 1000));
        assertTrue(e.tooLarge() && e.getMessage().contains("lms.course.max-package-bytes"), e.getMessage());
        assertEquals(before, uploads());
    }

    private static long uploads() throws Exception {
        try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return files.filter(p -> p.getFileName().toString().startsWith("lms-course-upload-")).count();
        }
    }
}
