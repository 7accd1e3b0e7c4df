package se.digikomp.lms.xapi.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.xapi.entity.IncomingStatement;
import se.digikomp.lms.xapi.entity.StatementQuery;
import se.digikomp.lms.xapi.entity.StoredStatement;

/**
 * Statement persistence on plain JDBC. A batch is written in one database transaction: all of it or none of it
 * (xAPI 1.0.3 Communication 2.1.2: a batch with one bad statement stores nothing). Reads never count and never
 * use OFFSET: pages continue from the last seq (keyset).
 */
@ApplicationScoped
public class StatementStore {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Attachment content to store with a batch. */
    public record AttachmentContent(String sha2, String contentType, byte[] content) {
    }

    /** Most statements written in one combined transaction; a larger request is written on its own. */
    static final int COMBINED_MAX = 500;

    /** A statement to write and the client that sent it. */
    private record Write(IncomingStatement statement, Long clientId) {
    }

    /** A request's statements waiting for the writer, its answer, and the thread waiting for that answer. */
    private record Pending(long organisationId, List<Write> writes, CompletableFuture<Void> done, Thread owner) {
    }

    private final ConcurrentLinkedQueue<Pending> queue = new ConcurrentLinkedQueue<>();
    private final ReentrantLock writer = new ReentrantLock();

    /**
     * Stores a batch. Statements whose id is already stored with the same content are skipped (1.0.3 Communication
     * 2.1.1: the LRS MUST NOT change a stored statement); a different one with the same id is a 409 for the whole
     * batch.
     *
     * <p>Requests that arrive together are written together (group commit): the thread that finds the writer free
     * writes the queued requests of an organisation in one transaction and answers each, so eight clients posting
     * single statements cost one transaction instead of eight. It writes until its own request is answered and then
     * hands the writer to the thread of the oldest waiting request, so no request waits for others' work for long.
     * Each request is still all or nothing and is answered only after its commit: when a combined transaction fails,
     * every request in it is written again on its own, so one request's conflict never decides another's answer.
     */
    public void store(long organisationId, Long clientId, List<IncomingStatement> batch,
            List<AttachmentContent> attachments) {
        List<Write> writes = batch.stream().map(s -> new Write(s, clientId)).toList();
        if (!attachments.isEmpty() || batch.size() > COMBINED_MAX / 2) {
            storeRetrying(organisationId, writes, attachments);
            return;
        }
        Pending mine = new Pending(organisationId, writes, new CompletableFuture<>(), Thread.currentThread());
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.done().isDone()) {
            if (writer.tryLock()) {
                try {
                    for (List<Pending> taken = take(); !taken.isEmpty(); taken = take()) {
                        writeTaken(taken);
                        if (mine.done().isDone()) {
                            break;
                        }
                    }
                } finally {
                    writer.unlock();
                }
                Pending next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.owner());
                }
            } else {
                // woken when the request is answered or the writer is handed over; the timeout is a safety net
                LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(20));
                // an interrupt would make every further park return at once: remembered, and restored below
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        try {
            mine.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private List<Pending> take() {
        List<Pending> taken = new ArrayList<>();
        int statements = 0;
        for (Pending p = queue.peek(); p != null && (taken.isEmpty() || statements + p.writes().size() <= COMBINED_MAX);
                p = queue.peek()) {
            queue.poll();
            taken.add(p);
            statements += p.writes().size();
        }
        return taken;
    }

    /** Writes taken requests, one transaction per organisation, and answers every one of them whatever happens. */
    private void writeTaken(List<Pending> taken) {
        try {
            Map<Long, List<Pending>> byOrganisation = new java.util.LinkedHashMap<>();
            for (Pending p : taken) {
                byOrganisation.computeIfAbsent(p.organisationId(), k -> new ArrayList<>()).add(p);
            }
            byOrganisation.forEach(this::writeCombined);
        } catch (RuntimeException | Error e) {
            taken.forEach(p -> p.done().completeExceptionally(e));
            throw e;
        } finally {
            taken.forEach(p -> LockSupport.unpark(p.owner()));
        }
    }

    private void writeCombined(long organisationId, List<Pending> requests) {
        if (requests.size() > 1) {
            List<Write> all = new ArrayList<>();
            requests.forEach(p -> all.addAll(p.writes()));
            try {
                storeRetrying(organisationId, all, List.of());
                requests.forEach(p -> p.done().complete(null));
                return;
            } catch (StoreUnavailableException e) {
                if (!causedByData(e)) {
                    // the database is away: every request gets its 503 now, instead of after one more try each
                    requests.forEach(p -> p.done().completeExceptionally(e));
                    return;
                }
            } catch (RuntimeException e) {
                // one request's conflict (or an id two requests both sent) must not decide the others' answers
            }
        }
        for (Pending p : requests) {
            try {
                storeRetrying(organisationId, p.writes(), List.of());
                p.done().complete(null);
            } catch (RuntimeException e) {
                p.done().completeExceptionally(e);
            }
        }
    }

    /** A failure that one request's statements can cause (a value too large, a key taken), not an outage. */
    private static boolean causedByData(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLDataException || t instanceof java.sql.SQLIntegrityConstraintViolationException) {
                return true;
            }
        }
        return false;
    }

    private void storeRetrying(long organisationId, List<Write> writes, List<AttachmentContent> attachments) {
        for (int attempt = 1; ; attempt++) {
            try {
                try {
                    storeOnce(organisationId, writes, attachments, true);
                } catch (AlreadyStored e) {
                    storeOnce(organisationId, writes, attachments, false);
                }
                return;
            } catch (StoreUnavailableException e) {
                // a deadlock or lock timeout rolled the whole batch back: it is safe to run it again, and it is
                // a conflict between writers, not an outage (WriteConflicts)
                if (!WriteConflicts.retryable(e)) {
                    throw e;
                }
                if (attempt == WriteConflicts.ATTEMPTS) {
                    throw WriteConflicts.busy();
                }
                WriteConflicts.pause(attempt);
            }
        }
    }

    /** A statement id of the batch is already stored: the batch is run again, comparing each id first. */
    private static final class AlreadyStored extends RuntimeException {
        AlreadyStored() {
            super(null, null, false, false);
        }
    }

    /**
     * One transaction. Optimistically (the usual case: all ids are new) the batch is inserted without looking for
     * its ids first; the unique key catches an id that is already stored, and then the batch is run again with the
     * comparison (1.0.3 Communication 2.1.1).
     */
    private void storeOnce(long organisationId, List<Write> batch, List<AttachmentContent> attachments,
            boolean optimistic) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                List<Write> fresh = optimistic ? batch : withoutDuplicates(c, organisationId, batch);
                try {
                    insert(c, organisationId, fresh);
                } catch (java.sql.SQLIntegrityConstraintViolationException e) {
                    if (optimistic && e.getErrorCode() == 1062) {
                        throw new AlreadyStored();
                    }
                    throw e;
                }
                Runnable remember = ActivityStore.record(c, organisationId,
                        fresh.stream().map(w -> w.statement().document()).toList());
                storeAttachments(c, organisationId, attachments);
                c.commit();
                remember.run();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        }
    }

    private List<Write> withoutDuplicates(Connection c, long org, List<Write> batch)
            throws SQLException {
        Map<String, String> existing = new HashMap<>();
        StringBuilder sql = new StringBuilder(
                "SELECT statement_id, body FROM xapi_statement WHERE organisation_id = ? AND statement_id IN (");
        for (int i = 0; i < batch.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        sql.append(")");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setLong(1, org);
            for (int i = 0; i < batch.size(); i++) {
                ps.setString(i + 2, batch.get(i).statement().id());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    existing.put(rs.getString(1), StatementDocuments.unpack(rs.getBytes(2)));
                }
            }
        }
        List<Write> fresh = new ArrayList<>(batch.size());
        Map<String, IncomingStatement> seen = new HashMap<>();
        for (Write w : batch) {
            IncomingStatement s = w.statement();
            String stored = existing.get(s.id());
            IncomingStatement earlier = seen.putIfAbsent(s.id(), s);
            if (earlier != null) {
                // the same id twice in one combined write (two requests): the first is written, the second compared
                if (!StatementComparison.same(s.received(), earlier.received())) {
                    throw XapiException.conflict("statement " + s.id()
                            + " is already stored with different content; statements are immutable");
                }
            } else if (stored == null) {
                fresh.add(w);
            } else if (!StatementComparison.same(s.received(), parse(stored))) {
                throw XapiException.conflict("statement " + s.id()
                        + " is already stored with different content; statements are immutable");
            }
        }
        return fresh;
    }

    private void insert(Connection c, long org, List<Write> writes) throws SQLException {
        List<IncomingStatement> fresh = writes.stream().map(Write::statement).toList();
        if (writes.isEmpty()) {
            return;
        }
        long[] seqs = new long[fresh.size()];
        // one multi-row INSERT: the generated seqs are consecutive for it (InnoDB, a "simple insert")
        StringBuilder insert = new StringBuilder("INSERT INTO xapi_statement (organisation_id, statement_id,"
                + " client_id, stored_ms, voiding, has_attachments, body) VALUES ");
        insert.append("(?,?,?,?,?,?,?),".repeat(fresh.size())).setLength(insert.length() - 1);
        try (PreparedStatement ps = c.prepareStatement(insert.toString(), Statement.RETURN_GENERATED_KEYS)) {
            int p = 1;
            for (Write w : writes) {
                IncomingStatement s = w.statement();
                ps.setLong(p++, org);
                ps.setString(p++, s.id());
                if (w.clientId() == null) {
                    ps.setNull(p++, java.sql.Types.BIGINT);
                } else {
                    ps.setLong(p++, w.clientId());
                }
                ps.setLong(p++, s.stored().toEpochMilli());
                ps.setBoolean(p++, s.voiding());
                ps.setBoolean(p++, s.document().containsKey("attachments"));
                ps.setBytes(p++, StatementDocuments.pack(s.document().toString()));
            }
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                int i = 0;
                while (keys.next() && i < seqs.length) {
                    seqs[i++] = keys.getLong(1);
                }
                if (i != seqs.length) {
                    throw new SQLException("expected " + seqs.length + " generated keys, got " + i);
                }
            }
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < fresh.size(); i++) {
            for (StatementKeys.Key k : fresh.get(i).keys()) {
                rows.add(new Object[] {k.kind().code(), k.hash(), seqs[i]});
            }
        }
        insertKeys(c, org, rows);
        for (int i = 0; i < fresh.size(); i++) {
            IncomingStatement s = fresh.get(i);
            if (s.target().isEmpty()) {
                continue;
            }
            // 1.0.3 Communication 2.1.4: a statement targeting another matches the filters its target matches;
            // the target's keys are computed again from its stored JSON (and its own target's, and so on)
            Set<StatementKeys.Key> inherited = new LinkedHashSet<>();
            targetKeys(c, org, s.target().get(), inherited, 0);
            inherited.removeAll(s.keys());
            long seq = seqs[i];
            insertKeys(c, org, inherited.stream().map(k -> new Object[] {k.kind().code(), k.hash(), seq}).toList());
            if (s.voiding()) {
                // 1.0.3 Data 2.3.2: the target is voided unless it is itself a voiding statement
                try (PreparedStatement ps = c.prepareStatement("UPDATE xapi_statement SET voided = TRUE"
                        + " WHERE organisation_id = ? AND statement_id = ? AND voiding = FALSE")) {
                    ps.setLong(1, org);
                    ps.setString(2, s.target().get());
                    ps.executeUpdate();
                }
            }
        }
    }

    /** Most StatementRef links followed when a statement inherits its target's keys. */
    private static final int MAX_TARGET_DEPTH = 16;

    private void targetKeys(Connection c, long org, String targetId, Set<StatementKeys.Key> into, int depth)
            throws SQLException {
        if (depth >= MAX_TARGET_DEPTH) {
            return;
        }
        String json = null;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT body FROM xapi_statement WHERE organisation_id = ? AND statement_id = ?")) {
            ps.setLong(1, org);
            ps.setString(2, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    json = StatementDocuments.unpack(rs.getBytes(1));
                }
            }
        }
        if (json == null) {
            // a StatementRef may name a statement this LRS does not have (xAPI allows it): nothing to inherit
            return;
        }
        JsonObject target = parse(json);
        into.addAll(StatementKeys.of(target));
        JsonObject object = target.getJsonObject("object");
        if ("StatementRef".equals(object.getString("objectType", "Activity"))) {
            targetKeys(c, org, object.getString("id").toLowerCase(java.util.Locale.ROOT), into, depth + 1);
        }
    }

    /** Key rows (kind, hash, seq), one multi-row INSERT per 500: a round trip per row would dominate a batch. */
    private static void insertKeys(Connection c, long org, List<Object[]> rows) throws SQLException {
        for (int from = 0; from < rows.size(); from += 500) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + 500));
            StringBuilder sql = new StringBuilder(
                    "INSERT IGNORE INTO xapi_statement_key (organisation_id, kind, key_hash, seq) VALUES ");
            sql.append("(?,?,?,?),".repeat(chunk.size())).setLength(sql.length() - 1);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                int p = 1;
                for (Object[] row : chunk) {
                    ps.setLong(p++, org);
                    ps.setInt(p++, (Integer) row[0]);
                    ps.setBytes(p++, (byte[]) row[1]);
                    ps.setLong(p++, (Long) row[2]);
                }
                ps.executeUpdate();
            }
        }
    }

    private void storeAttachments(Connection c, long org, List<AttachmentContent> attachments) throws SQLException {
        if (attachments.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT IGNORE INTO xapi_attachment"
                + " (organisation_id, sha2, content_type, content) VALUES (?,?,?,?)")) {
            for (AttachmentContent a : attachments) {
                ps.setLong(1, org);
                ps.setString(2, a.sha2());
                ps.setString(3, a.contentType());
                ps.setBytes(4, a.content());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One statement by id, voided or not (the caller decides which one it may return). */
    public Optional<StoredStatement> byId(long org, String statementId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT seq, statement_id, stored_ms, voided, body"
                        + " FROM xapi_statement WHERE organisation_id = ? AND statement_id = ?")) {
            ps.setLong(1, org);
            ps.setString(2, statementId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /** Client that stored a statement (for statements/read/mine). */
    public Optional<Long> storedBy(long org, String statementId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT client_id FROM xapi_statement WHERE organisation_id = ? AND statement_id = ?")) {
            ps.setLong(1, org);
            ps.setString(2, statementId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    long id = rs.getLong(1);
                    return rs.wasNull() ? Optional.empty() : Optional.of(id);
                }
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /**
     * One page of a statement query, limit + 1 rows read so the caller knows whether a next page exists.
     * Voided statements are never returned (1.0.3 Communication 2.1.4).
     */
    public List<StoredStatement> query(long org, StatementQuery q) {
        StringBuilder sql = new StringBuilder("SELECT s.seq, s.statement_id, s.stored_ms, s.voided, s.body");
        List<Object> args = new ArrayList<>();
        String order;
        if (q.keys().isEmpty()) {
            // FORCE INDEX: MariaDB 10.11 otherwise reads the index as "ref" on organisation_id and walks back from
            // the newest row to the cursor, so page 1,000 of a more chain took 60x page 1 (bin/bench-lrs)
            sql.append(" FROM xapi_statement s FORCE INDEX (ix_xapi_statement_org_seq) WHERE s.organisation_id = ?");
            args.add(org);
            order = "s.seq";
        } else {
            sql.append(" FROM xapi_statement_key k0");
            for (int i = 1; i < q.keys().size(); i++) {
                sql.append(" JOIN xapi_statement_key k").append(i).append(" ON k").append(i)
                        .append(".organisation_id = k0.organisation_id AND k").append(i).append(".kind = ? AND k")
                        .append(i).append(".key_hash = ? AND k").append(i).append(".seq = k0.seq");
                args.add(q.keys().get(i).kind().code());
                args.add(q.keys().get(i).hash());
            }
            sql.append(" JOIN xapi_statement s ON s.seq = k0.seq");
            sql.append(" WHERE k0.organisation_id = ? AND k0.kind = ? AND k0.key_hash = ?");
            args.add(org);
            args.add(q.keys().get(0).kind().code());
            args.add(q.keys().get(0).hash());
            order = "k0.seq";
        }
        sql.append(" AND s.voided = FALSE");
        q.since().ifPresent(t -> {
            sql.append(" AND s.stored_ms > ?");
            args.add(t.toEpochMilli());
        });
        q.until().ifPresent(t -> {
            sql.append(" AND s.stored_ms <= ?");
            args.add(t.toEpochMilli());
        });
        q.onlyClient().ifPresent(id -> {
            sql.append(" AND s.client_id = ?");
            args.add(id);
        });
        q.afterSeq().ifPresent(seq -> {
            sql.append(" AND ").append(order).append(q.ascending() ? " > ?" : " < ?");
            args.add(seq);
        });
        sql.append(" ORDER BY ").append(order).append(q.ascending() ? " ASC" : " DESC").append(" LIMIT ?");
        args.add(q.limit() + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                Object a = args.get(i);
                if (a instanceof byte[] bytes) {
                    ps.setBytes(i + 1, bytes);
                } else {
                    ps.setObject(i + 1, a);
                }
            }
            List<StoredStatement> page = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(row(rs));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        }
    }

    /** Attachment contents by SHA-2, for statements returned with attachments=true. */
    public Map<String, AttachmentContent> attachments(long org, java.util.Collection<String> sha2s) {
        Map<String, AttachmentContent> found = new HashMap<>();
        if (sha2s.isEmpty()) {
            return found;
        }
        StringBuilder sql = new StringBuilder(
                "SELECT sha2, content_type, content FROM xapi_attachment WHERE organisation_id = ? AND sha2 IN (");
        List<String> list = new ArrayList<>(sha2s);
        for (int i = 0; i < list.size(); i++) {
            sql.append(i == 0 ? "?" : ",?");
        }
        sql.append(")");
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            ps.setLong(1, org);
            for (int i = 0; i < list.size(); i++) {
                ps.setString(i + 2, list.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.put(rs.getString(1), new AttachmentContent(rs.getString(1), rs.getString(2), rs.getBytes(3)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new StoreUnavailableException(e);
        }
    }

    private static StoredStatement row(ResultSet rs) throws SQLException {
        return new StoredStatement(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)), rs.getBoolean(4),
                StatementDocuments.unpack(rs.getBytes(5)));
    }

    static JsonObject parse(String json) {
        return JsonBuilders.PROVIDER.createReader(new StringReader(json)).readObject();
    }

    /** The database could not be reached or failed: answered with 503, nothing half-written. */
    public static class StoreUnavailableException extends RuntimeException {
        public StoreUnavailableException(Throwable cause) {
            super("the statement store is unavailable", cause);
        }
    }
}
