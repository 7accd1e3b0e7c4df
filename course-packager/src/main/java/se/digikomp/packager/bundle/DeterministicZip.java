package se.digikomp.packager.bundle;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a zip that is byte-identical for the same files: entries sorted by path, one fixed timestamp (local DOS
 * time, so the machine's time zone does not matter), no directory entries, no extra fields, fixed compression.
 * Already-compressed media are stored. The zip is written to a temporary file and moved into place, so a failed
 * build never leaves a partial package.
 */
public final class DeterministicZip {
    /** Every entry's modification time. */
    public static final LocalDateTime TIMESTAMP = LocalDateTime.of(2026, 1, 1, 0, 0, 0);
    private static final Set<String> STORED = Set.of("mp4", "webm", "ogv", "mp3", "m4a", "oga", "ogg", "png",
            "jpg", "jpeg", "gif", "webp", "zip", "pdf", "docx", "xlsx", "pptx", "odt", "ods", "odp");

    private DeterministicZip() {
    }

    public static void write(PackageFiles files, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16)) {
                write(files, out);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static void write(PackageFiles files, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(Deflater.DEFAULT_COMPRESSION);
        for (Map.Entry<String, byte[]> file : files.all().entrySet()) {
            ZipEntry entry = new ZipEntry(file.getKey());
            entry.setTimeLocal(TIMESTAMP);
            byte[] content = file.getValue();
            if (STORED.contains(extension(file.getKey()))) {
                CRC32 crc = new CRC32();
                crc.update(content);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(content.length);
                entry.setCompressedSize(content.length);
                entry.setCrc(crc.getValue());
            } else {
                entry.setMethod(ZipEntry.DEFLATED);
            }
            zip.putNextEntry(entry);
            zip.write(content);
            zip.closeEntry();
        }
        zip.finish();
        zip.flush();
    }

    private static String extension(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? "" : path.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
