package se.digikomp.lms.course.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import se.digikomp.lms.course.entity.ImportLimits;
import se.digikomp.lms.course.entity.PackageRefusedException;

/**
 * Checks a zip before anything of it is trusted. The central directory is read here, not through
 * {@link ZipFile}, because java.util.zip hides what these checks need (the Unix mode in the external attributes,
 * and entries whose names repeat): every path must be relative and stay inside the package (zip slip), no entry
 * may be a symbolic link, a duplicate or encrypted, and the entry count is capped. Then every file is read once
 * through {@link ZipFile} (which checks each CRC), counting real bytes rather than trusting the declared sizes:
 * the per-file and total caps, and the compression ratio (zip bombs), stop the read as soon as they are passed.
 * ZIP64 packages (over 4 GB or 65,535 entries) are refused: they are beyond every default cap.
 */
public final class ZipInspector {

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int CEN_SIGNATURE = 0x02014b50;
    private static final int EOCD_SIZE = 22;
    private static final int CEN_SIZE = 46;
    private static final int UNIX = 3;
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;

    private record CentralEntry(String name, long compressedSize, long declaredSize) {
    }

    private ZipInspector() {
    }

    public static PackageContents inspect(Path zip, ImportLimits limits) {
        List<CentralEntry> entries = centralDirectory(zip, limits);
        ZipFile file;
        try {
            file = new ZipFile(zip.toFile());
        } catch (IOException e) {
            throw new PackageRefusedException(PackageRefusedException.PACKAGE, "not a readable zip file ("
                    + e.getMessage() + ")");
        }
        try {
            Map<String, PackageContents.FileEntry> files = new LinkedHashMap<>();
            long total = 0;
            byte[] buffer = new byte[64 * 1024];
            for (CentralEntry entry : entries) {
                if (entry.name.endsWith("/")) {
                    continue;
                }
                ZipEntry zipEntry = file.getEntry(entry.name);
                if (zipEntry == null) {
                    throw new PackageRefusedException(entry.name, "listed in the central directory but not readable");
                }
                MessageDigest sha = sha256();
                long size = 0;
                long ratioCap = (long) limits.maxCompressionRatio() * Math.max(entry.compressedSize, 1);
                try (InputStream in = file.getInputStream(zipEntry)) {
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        size += n;
                        total += n;
                        if (size > limits.maxFileBytes()) {
                            throw new PackageRefusedException(entry.name, "larger than the per-file cap of "
                                    + limits.maxFileBytes() + " bytes (lms.course.max-file-bytes)", true);
                        }
                        if (total > limits.maxTotalBytes()) {
                            throw new PackageRefusedException(entry.name, "the unpacked package passes the total cap"
                                    + " of " + limits.maxTotalBytes() + " bytes (lms.course.max-total-bytes)", true);
                        }
                        if (size > ratioCap) {
                            throw new PackageRefusedException(entry.name, "compressed more than "
                                    + limits.maxCompressionRatio() + " to 1 (lms.course.max-compression-ratio):"
                                    + " refused as a possible zip bomb");
                        }
                        sha.update(buffer, 0, n);
                    }
                } catch (ZipException e) {
                    throw new PackageRefusedException(entry.name, "corrupt entry (" + e.getMessage() + ")");
                }
                if (size != entry.declaredSize) {
                    throw new PackageRefusedException(entry.name, "its size differs from the size the zip declares");
                }
                files.put(entry.name, new PackageContents.FileEntry(entry.name, sha.digest(), size));
            }
            return new PackageContents(file, files);
        } catch (IOException | RuntimeException e) {
            try {
                file.close();
            } catch (IOException ignored) {
                // the refusal below is what matters
            }
            if (e instanceof PackageRefusedException refused) {
                throw refused;
            }
            throw new PackageRefusedException(PackageRefusedException.PACKAGE, "cannot read the zip ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<CentralEntry> centralDirectory(Path zip, ImportLimits limits) {
        try (RandomAccessFile raf = new RandomAccessFile(zip.toFile(), "r")) {
            long length = raf.length();
            if (length < EOCD_SIZE) {
                throw notAZip();
            }
            int tailLength = (int) Math.min(length, EOCD_SIZE + 65535);
            byte[] tail = new byte[tailLength];
            raf.seek(length - tailLength);
            raf.readFully(tail);
            ByteBuffer t = ByteBuffer.wrap(tail).order(ByteOrder.LITTLE_ENDIAN);
            int eocd = -1;
            for (int i = tailLength - EOCD_SIZE; i >= 0; i--) {
                if (t.getInt(i) == EOCD_SIGNATURE) {
                    eocd = i;
                    break;
                }
            }
            if (eocd < 0) {
                throw notAZip();
            }
            int count = Short.toUnsignedInt(t.getShort(eocd + 10));
            long cenSize = Integer.toUnsignedLong(t.getInt(eocd + 12));
            long cenOffset = Integer.toUnsignedLong(t.getInt(eocd + 16));
            if (count == 0xFFFF || cenSize == 0xFFFFFFFFL || cenOffset == 0xFFFFFFFFL) {
                throw new PackageRefusedException(PackageRefusedException.PACKAGE, "ZIP64 packages are not accepted"
                        + " (more than 65,535 entries or 4 GB)", true);
            }
            if (count > limits.maxEntries()) {
                throw new PackageRefusedException(PackageRefusedException.PACKAGE, "has " + count + " entries, more"
                        + " than the cap of " + limits.maxEntries() + " (lms.course.max-entries)");
            }
            if (cenOffset + cenSize > length) {
                throw notAZip();
            }
            byte[] cen = new byte[(int) cenSize];
            raf.seek(cenOffset);
            raf.readFully(cen);
            return entries(ByteBuffer.wrap(cen).order(ByteOrder.LITTLE_ENDIAN), count, limits);
        } catch (IOException e) {
            throw new PackageRefusedException(PackageRefusedException.PACKAGE, "cannot read the zip ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    private static List<CentralEntry> entries(ByteBuffer cen, int count, ImportLimits limits) {
        List<CentralEntry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int at = 0;
        for (int i = 0; i < count; i++) {
            if (at + CEN_SIZE > cen.limit() || cen.getInt(at) != CEN_SIGNATURE) {
                throw notAZip();
            }
            int madeBy = Short.toUnsignedInt(cen.getShort(at + 4)) >> 8;
            int flags = Short.toUnsignedInt(cen.getShort(at + 8));
            long compressed = Integer.toUnsignedLong(cen.getInt(at + 20));
            long size = Integer.toUnsignedLong(cen.getInt(at + 24));
            int nameLength = Short.toUnsignedInt(cen.getShort(at + 28));
            int extraLength = Short.toUnsignedInt(cen.getShort(at + 30));
            int commentLength = Short.toUnsignedInt(cen.getShort(at + 32));
            int external = cen.getInt(at + 38);
            if (at + CEN_SIZE + nameLength > cen.limit()) {
                throw notAZip();
            }
            byte[] raw = new byte[nameLength];
            cen.get(at + CEN_SIZE, raw);
            String name = new String(raw, StandardCharsets.UTF_8);
            checkPath(name);
            if (madeBy == UNIX && ((external >>> 16) & S_IFMT) == S_IFLNK) {
                throw new PackageRefusedException(name, "is a symbolic link; packages may hold only files");
            }
            if ((flags & 1) != 0) {
                throw new PackageRefusedException(name, "is encrypted");
            }
            if (!seen.add(name)) {
                throw new PackageRefusedException(name, "appears more than once in the zip (duplicate entry)");
            }
            if (size > limits.maxFileBytes()) {
                throw new PackageRefusedException(name, "larger than the per-file cap of " + limits.maxFileBytes()
                        + " bytes (lms.course.max-file-bytes)", true);
            }
            entries.add(new CentralEntry(name, compressed, size));
            at += CEN_SIZE + nameLength + extraLength + commentLength;
        }
        return entries;
    }

    /** A path must be relative, with forward slashes, and never leave the package (zip slip). */
    static void checkPath(String name) {
        if (name.isEmpty() || name.indexOf('\0') >= 0) {
            throw new PackageRefusedException(PackageRefusedException.PACKAGE, "an entry has an empty or invalid name");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw new PackageRefusedException(name, "is an absolute path; paths in a package must be relative");
        }
        if (name.contains("\\")) {
            throw new PackageRefusedException(name, "contains a backslash; paths in a package use forward slashes");
        }
        String[] segments = name.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("..")) {
                throw new PackageRefusedException(name, "leaves the package through '..' (zip slip)");
            }
            if (segment.equals(".") || (segment.isEmpty() && i < segments.length - 1)) {
                throw new PackageRefusedException(name, "is not a normalised path (empty or '.' segment)");
            }
        }
    }

    private static PackageRefusedException notAZip() {
        return new PackageRefusedException(PackageRefusedException.PACKAGE, "not a zip file (no valid central"
                + " directory)");
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
