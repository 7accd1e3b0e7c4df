package se.digikomp.lms.course.control;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Package files stored content-addressed in the database: one {@code content_blob} row per SHA-256 and its bytes in
 * {@code content_chunk} rows of {@link #CHUNK_BYTES}, so a file that two versions (or two courses) share is stored
 * once, and every server node on the database can serve every file. Writes join the caller's transaction.
 */
final class ContentStore {

    /** 1 MiB: well under MariaDB's and MySQL's default max_allowed_packet (16 MB / 64 MB). */
    static final int CHUNK_BYTES = 1024 * 1024;

    private ContentStore() {
    }

    /**
     * Stores the content unless a blob with this SHA-256 exists (INSERT IGNORE waits on a concurrent import of the
     * same content and then sees its row, or takes over when that import rolled back). Returns whether it wrote.
     */
    static boolean store(Connection c, byte[] sha256, long size, InputStream content) throws SQLException, IOException {
        int chunks = (int) Math.max(1, (size + CHUNK_BYTES - 1) / CHUNK_BYTES);
        try (PreparedStatement blob = c.prepareStatement(
                "INSERT IGNORE INTO content_blob (sha256, size, chunks) VALUES (?, ?, ?)")) {
            blob.setBytes(1, sha256);
            blob.setLong(2, size);
            blob.setInt(3, chunks);
            if (blob.executeUpdate() == 0) {
                return false;
            }
        }
        try (PreparedStatement chunk = c.prepareStatement(
                "INSERT INTO content_chunk (sha256, seq, data) VALUES (?, ?, ?)")) {
            for (int seq = 0; seq < chunks; seq++) {
                byte[] data = content.readNBytes(CHUNK_BYTES);
                chunk.setBytes(1, sha256);
                chunk.setInt(2, seq);
                chunk.setBytes(3, data);
                chunk.executeUpdate();
            }
        }
        return true;
    }
}
