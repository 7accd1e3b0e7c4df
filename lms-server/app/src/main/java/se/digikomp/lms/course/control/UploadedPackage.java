package se.digikomp.lms.course.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import se.digikomp.lms.course.entity.PackageRefusedException;

/**
 * An uploaded package, written to a temporary file while its SHA-256 and SHA-512 are computed and its size is
 * capped. The file is deleted on close, whatever the import's outcome.
 */
public final class UploadedPackage implements AutoCloseable {

    private final Path file;
    private final long size;
    private final byte[] sha256;
    private final byte[] sha512;

    private UploadedPackage(Path file, long size, byte[] sha256, byte[] sha512) {
        this.file = file;
        this.size = size;
        this.sha256 = sha256;
        this.sha512 = sha512;
    }

    public static UploadedPackage receive(InputStream body, long maxBytes) throws IOException {
        Path file = Files.createTempFile("lms-course-upload-", ".zip");
        try {
            MessageDigest s256 = MessageDigest.getInstance("SHA-256");
            MessageDigest s512 = MessageDigest.getInstance("SHA-512");
            long size = 0;
            byte[] buffer = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(file)) {
                int n;
                while ((n = body.read(buffer)) > 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw new PackageRefusedException(PackageRefusedException.PACKAGE, "larger than "
                                + maxBytes + " bytes (lms.course.max-package-bytes)", true);
                    }
                    s256.update(buffer, 0, n);
                    s512.update(buffer, 0, n);
                    out.write(buffer, 0, n);
                }
            }
            return new UploadedPackage(file, size, s256.digest(), s512.digest());
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            Files.deleteIfExists(file);
            throw new IllegalStateException(e);
        }
    }

    public Path file() {
        return file;
    }

    public long size() {
        return size;
    }

    public byte[] sha256() {
        return sha256.clone();
    }

    public byte[] sha512() {
        return sha512.clone();
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(file);
    }
}
