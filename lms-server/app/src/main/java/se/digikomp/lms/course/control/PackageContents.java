package se.digikomp.lms.course.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * An inspected package: every file (no directories) in central-directory order with its SHA-256 and size, all
 * within the caps. Open until closed; contents are read again from the zip when they are stored.
 */
public final class PackageContents implements AutoCloseable {

    /** One file of the package. */
    public record FileEntry(String path, byte[] sha256, long size) {
    }

    private final ZipFile zip;
    private final Map<String, FileEntry> files;

    PackageContents(ZipFile zip, Map<String, FileEntry> files) {
        this.zip = zip;
        this.files = Collections.unmodifiableMap(files);
    }

    public Map<String, FileEntry> files() {
        return files;
    }

    public boolean has(String path) {
        return files.containsKey(path);
    }

    public long totalBytes() {
        return files.values().stream().mapToLong(FileEntry::size).sum();
    }

    /** The content of a file (already checked against the per-file cap), if the package has it. */
    public Optional<byte[]> bytes(String path) {
        if (!files.containsKey(path)) {
            return Optional.empty();
        }
        try (InputStream in = open(path)) {
            return Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public InputStream open(String path) throws IOException {
        return zip.getInputStream(zip.getEntry(path));
    }

    @Override
    public void close() throws IOException {
        zip.close();
    }
}
