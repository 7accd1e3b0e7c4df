package se.digikomp.lms.xapi.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.xapi.entity.DocumentAddress;
import se.digikomp.lms.xapi.entity.StoredDocument;

/**
 * State, activity profile and agent profile documents with optimistic concurrency (xAPI 1.0.3 Communication 2.2
 * and 3.1, 2.0 4.1.4 and 4.1.6.2/5/6): ETags, If-Match / If-None-Match preconditions, JSON merge on POST.
 * Every write checks its precondition and changes the row in one transaction, with the row locked.
 */
@ApplicationScoped
public class DocumentStore {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Preconditions sent with a write: If-Match / If-None-Match values (null when absent). */
    public record Preconditions(String ifMatch, String ifNoneMatch, boolean requireOneOnOverwrite,
            boolean requireOneOnCreate) {
    }

    public Optional<StoredDocument> get(long org, DocumentAddress a) {
        try (Connection c = dataSource.getConnection()) {
            return find(c, org, a, false);
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
    }

    /** The ids of a set of documents, optionally only those updated after since (1.0.3 Communication 2.3 "since"). */
    public List<String> ids(long org, DocumentAddress a, boolean anyRegistration, Optional<Instant> since) {
        StringBuilder sql = new StringBuilder("SELECT document_id FROM xapi_document WHERE organisation_id = ?"
                + " AND kind = ? AND activity_hash = ? AND agent_hash = ?");
        if (!anyRegistration) {
            sql.append(" AND registration = ?");
        }
        if (since.isPresent()) {
            sql.append(" AND updated_ms > ?");
        }
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setLong(i++, org);
            ps.setInt(i++, a.kind().code());
            ps.setBytes(i++, a.activity());
            ps.setBytes(i++, a.agent());
            if (!anyRegistration) {
                ps.setBytes(i++, a.registration());
            }
            if (since.isPresent()) {
                ps.setLong(i, since.get().toEpochMilli());
            }
            List<String> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
            return ids;
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
    }

    /** PUT: store or replace. */
    public void put(long org, DocumentAddress a, String contentType, byte[] content, Preconditions p) {
        if (new StoredDocument(contentType, content, null, null).isJson() && content.length > 0) {
            // stored as sent, byte for byte; JSON is checked so that it can be merged later (StrictJson)
            StrictJson.parse(content, "the document");
        }
        write(org, a, p, existing -> new StoredDocument(contentType, content, etag(content), Instant.now()));
    }

    /** POST: store, or merge JSON objects into the existing JSON object (1.0.3 Communication 2.2.s7). */
    public void post(long org, DocumentAddress a, String contentType, byte[] content, Preconditions given) {
        // POST merges, so it is no blind overwrite: no 409 without preconditions (1.0.3 Communication 3.1)
        Preconditions p = new Preconditions(given.ifMatch(), given.ifNoneMatch(), false, false);
        StoredDocument incoming = new StoredDocument(contentType, content, etag(content), Instant.now());
        if (incoming.isJson()) {
            jsonObject(content, "the posted document");
        }
        write(org, a, p, existing -> {
            if (existing.isEmpty()) {
                return incoming;
            }
            StoredDocument old = existing.get();
            if (!old.isJson() || !incoming.isJson()) {
                throw XapiException.badRequest("POST merges JSON objects only: both the stored and the posted"
                        + " document must be application/json");
            }
            JsonObjectBuilder merged = JsonBuilders.PROVIDER.createObjectBuilder(jsonObject(old.content(), "the stored document"));
            for (var e : jsonObject(content, "the posted document").entrySet()) {
                merged.add(e.getKey(), e.getValue());
            }
            byte[] bytes = merged.build().toString().getBytes(StandardCharsets.UTF_8);
            return new StoredDocument("application/json", bytes, etag(bytes), Instant.now());
        });
    }

    /** DELETE one document (honouring If-Match) or, with a null documentId, the whole set. */
    public void delete(long org, DocumentAddress a, boolean anyRegistration, Preconditions p) {
        inTransaction(c -> {
                if (a.documentId() != null) {
                    Optional<StoredDocument> existing = find(c, org, a, true);
                    if (p.ifMatch() != null && (existing.isEmpty() || !matches(p.ifMatch(), existing.get().etag()))) {
                        throw XapiException.preconditionFailed("If-Match does not match the document's current ETag");
                    }
                }
                StringBuilder sql = new StringBuilder("DELETE FROM xapi_document WHERE organisation_id = ?"
                        + " AND kind = ? AND activity_hash = ? AND agent_hash = ?");
                if (!anyRegistration) {
                    sql.append(" AND registration = ?");
                }
                if (a.documentId() != null) {
                    sql.append(" AND document_hash = ?");
                }
                try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                    int i = 1;
                    ps.setLong(i++, org);
                    ps.setInt(i++, a.kind().code());
                    ps.setBytes(i++, a.activity());
                    ps.setBytes(i++, a.agent());
                    if (!anyRegistration) {
                        ps.setBytes(i++, a.registration());
                    }
                    if (a.documentId() != null) {
                        ps.setBytes(i, StatementKeys.hash(a.documentId()));
                    }
                    ps.executeUpdate();
                }
        });
    }

    private void write(long org, DocumentAddress a, Preconditions p,
            java.util.function.Function<Optional<StoredDocument>, StoredDocument> change) {
        inTransaction(c -> {
                Optional<StoredDocument> existing = find(c, org, a, true);
                check(existing, p);
                StoredDocument next = change.apply(existing);
                if (existing.isEmpty()) {
                    insert(c, org, a, next);
                } else {
                    update(c, org, a, next);
                }
        });
    }

    /**
     * A new document: a plain INSERT, never an upsert, because the preconditions were checked against "no
     * document". A concurrent request that created it first makes this one run again, and then it sees that
     * document (its precondition, overwrite or merge is decided against it), exactly as if the two had come one
     * after the other.
     */
    private static void insert(Connection c, long org, DocumentAddress a, StoredDocument next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO xapi_document (organisation_id, kind,"
                + " activity_hash, agent_hash, registration, document_hash, document_id, content_type,"
                + " content, etag, updated_ms) VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
            bindKey(ps, 1, org, a);
            ps.setString(7, a.documentId());
            ps.setString(8, next.contentType());
            ps.setBytes(9, next.content());
            ps.setString(10, next.etag());
            ps.setLong(11, next.updated().toEpochMilli());
            ps.executeUpdate();
        } catch (java.sql.SQLIntegrityConstraintViolationException e) {
            if (e.getErrorCode() == 1062) {
                throw new CreatedMeanwhile();
            }
            throw e;
        }
    }

    /** The document exists and is locked by this transaction. */
    private static void update(Connection c, long org, DocumentAddress a, StoredDocument next) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE xapi_document SET content_type = ?, content = ?,"
                + " etag = ?, updated_ms = ? WHERE organisation_id = ? AND kind = ? AND activity_hash = ?"
                + " AND agent_hash = ? AND registration = ? AND document_hash = ?")) {
            ps.setString(1, next.contentType());
            ps.setBytes(2, next.content());
            ps.setString(3, next.etag());
            ps.setLong(4, next.updated().toEpochMilli());
            bindKey(ps, 5, org, a);
            ps.executeUpdate();
        }
    }

    /** Another request created the document between this one's read and its insert: run this one again. */
    private static final class CreatedMeanwhile extends RuntimeException {
        CreatedMeanwhile() {
            super(null, null, false, false);
        }
    }

    /** Work inside one transaction. */
    private interface Work {
        void run(Connection c) throws SQLException;
    }

    /**
     * Runs work in one READ COMMITTED transaction on a pooled connection, which is handed back with autocommit and
     * isolation restored. READ COMMITTED: a read of a missing document takes no gap lock, so concurrent creates of
     * the same document do not deadlock on each other's gaps; the one that loses the insert runs again. A deadlock
     * or lock-wait timeout with other work is run again too ({@link WriteConflicts}): never a 503 "unavailable"
     * while the database is fine.
     */
    private void inTransaction(Work work) {
        for (int attempt = 1; ; attempt++) {
            try {
                inTransactionOnce(work);
                return;
            } catch (CreatedMeanwhile | StatementStore.StoreUnavailableException e) {
                boolean again = e instanceof CreatedMeanwhile || WriteConflicts.retryable(e);
                if (!again) {
                    throw e;
                }
                if (attempt == WriteConflicts.ATTEMPTS) {
                    throw WriteConflicts.busy();
                }
                WriteConflicts.pause(attempt);
            }
        }
    }

    private void inTransactionOnce(Work work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
            c.setAutoCommit(false);
            try {
                work.run(c);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
                c.setTransactionIsolation(isolation);
            }
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
    }

    /** 1.0.3 Communication 3.1 / 2.0 4.1.4: If-Match, If-None-Match, and 409 for a blind overwrite. */
    private static void check(Optional<StoredDocument> existing, Preconditions p) {
        if (p.ifMatch() != null) {
            if (existing.isEmpty() || !matches(p.ifMatch(), existing.get().etag())) {
                throw XapiException.preconditionFailed("If-Match does not match the document's current ETag");
            }
        }
        if (p.ifNoneMatch() != null && existing.isPresent()) {
            if (matchesWeakly(p.ifNoneMatch(), existing.get().etag())) {
                throw XapiException.preconditionFailed("If-None-Match: the document already exists");
            }
        }
        if (p.requireOneOnOverwrite() && existing.isPresent() && p.ifMatch() == null && p.ifNoneMatch() == null) {
            throw XapiException.conflict("the document already exists: send If-Match with its ETag to overwrite it,"
                    + " or If-None-Match: * to create it only if absent");
        }
        // xAPI 1.0.3 (ADL requirement XAPI-00273 on Communication 2.6/2.7): a profile PUT names its precondition
        // even for a new document; xAPI 2.0 4.1.4 asks for one only when the document exists (409 above)
        if (p.requireOneOnCreate() && existing.isEmpty() && p.ifMatch() == null && p.ifNoneMatch() == null) {
            throw XapiException.badRequest("If-None-Match: an xAPI 1.0.3 PUT of an activity or agent profile must"
                    + " carry a precondition (ADL requirement XAPI-00273, Communication 2.6/2.7), even for a new"
                    + " document. This one does not exist yet: send the header 'If-None-Match: *' to create it;"
                    + " to replace a document that exists, send 'If-Match: \"<its ETag>\"' from a GET. xAPI 2.0.0"
                    + " (X-Experience-API-Version: 2.0.0) needs no precondition for a new document");
        }
    }

    /** If-Match (RFC 9110 13.1.1): strong comparison, so a weak entity tag (W/"...") never matches. */
    static boolean matches(String header, String etag) {
        return matches(header, etag, true);
    }

    /** If-None-Match (RFC 9110 13.1.2): weak comparison, W/"x" matches the document whose ETag is "x". */
    public static boolean matchesWeakly(String header, String etag) {
        return matches(header, etag, false);
    }

    /**
     * RFC 9110 8.8.3.2: "*" matches any current document; otherwise each listed entity tag is compared with the
     * document's, character by character. A tag is accepted quoted (as RFC 9110 8.8.3 writes it) or bare, as
     * clients of xAPI 1.0.3 sent it.
     */
    private static boolean matches(String header, String etag, boolean strong) {
        for (String candidate : header.split(",")) {
            String t = candidate.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                if (strong) {
                    continue;
                }
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            if (t.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private Optional<StoredDocument> find(Connection c, long org, DocumentAddress a, boolean lock)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content_type, content, etag, updated_ms"
                + " FROM xapi_document WHERE organisation_id = ? AND kind = ? AND activity_hash = ?"
                + " AND agent_hash = ? AND registration = ? AND document_hash = ?" + (lock ? " FOR UPDATE" : ""))) {
            bindKey(ps, 1, org, a);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredDocument(rs.getString(1), rs.getBytes(2), rs.getString(3),
                        Instant.ofEpochMilli(rs.getLong(4))));
            }
        }
    }

    /** The document's unique key (organisation, kind, activity, agent, registration, id) from parameter i on. */
    private static void bindKey(PreparedStatement ps, int i, long org, DocumentAddress a) throws SQLException {
        ps.setLong(i, org);
        ps.setInt(i + 1, a.kind().code());
        ps.setBytes(i + 2, a.activity());
        ps.setBytes(i + 3, a.agent());
        ps.setBytes(i + 4, a.registration());
        ps.setBytes(i + 5, StatementKeys.hash(a.documentId()));
    }

    static JsonObject jsonObject(byte[] content, String what) {
        JsonValue v = StrictJson.parse(content, what);
        if (v.getValueType() != JsonValue.ValueType.OBJECT) {
            throw XapiException.badRequest(what + " must be a JSON object to be merged");
        }
        return v.asJsonObject();
    }

    /** 1.0.3 Communication 3.1: the ETag is the SHA-1 of the content, in hex. */
    static String etag(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
