package se.digikomp.lms.privacy.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnit;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import se.digikomp.lms.org.LearnerAgent;
import se.digikomp.lms.org.Person;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.privacy.entity.Erasure;
import se.digikomp.lms.security.Account;
import se.digikomp.lms.security.AuditAction;
import se.digikomp.lms.security.AuditEvent;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.xapi.control.AgentDocuments;
import se.digikomp.lms.xapi.control.AgentKeys;
import se.digikomp.lms.xapi.control.AgentPseudonymiser;
import se.digikomp.lms.xapi.control.StatementDocuments;

/**
 * Erasure of a person under a recorded decision (GDPR article 17, within Swedish archive law: a deletion happens
 * under a gallringsbeslut and is logged). Three steps, each its own transaction:
 * <ol>
 * <li>{@link #decide}: the decision is recorded with the keys of the person's xAPI identities and a random
 * pseudonym; the person's state and agent-profile documents, agent name, account, roles and person row are
 * deleted.</li>
 * <li>{@link #nextBatch}, until it reports nothing left: up to {@link #BATCH} statements are pseudonymised
 * ({@link AgentPseudonymiser}) and the counts added to the record, in one transaction. Idempotent, so a job that
 * stopped half-way (the server stopped) is resumed by running it again ({@link ErasureJob}).</li>
 * <li>{@link #complete}: attachment contents no other statement uses are deleted, the working keys dropped, the
 * record marked complete and the erasure logged ({@link AuditAction#PERSON_ERASED}, with the counts).</li>
 * </ol>
 */
@ApplicationScoped
public class Erasures {

    /** Statements per transaction: 100,000 statements are 200 short transactions, none holding many locks. */
    static final int BATCH = 500;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    LearnerAgent learnerAgent;

    @Inject
    Event<AuditEvent> audit;

    @PersistenceUnit(unitName = "lms")
    EntityManagerFactory entities;

    /** Why a decision cannot be carried out; the message says so for the person who asked. */
    public static class Refused extends RuntimeException {
        public final boolean notFound;

        Refused(boolean notFound, String message) {
            super(message);
            this.notFound = notFound;
        }
    }

    /**
     * Records the decision and erases the person's profile, account and LRS documents. The person must be in the
     * caller's organisation (else {@link Refused#notFound}) and not erased before, and not be the caller.
     */
    @Transactional
    public Erasure decide(Caller caller, long personId, String reference, String reason) {
        long org = caller.organisationId();
        if (caller.personId() == personId) {
            throw new Refused(false, "You cannot erase yourself; another administrator must record the decision.");
        }
        try (Connection c = dataSource.getConnection()) {
            Optional<Optional<String>> email = PersonRecords.email(c, org, personId, true);
            if (email.isEmpty()) {
                Optional<Erasure> earlier = byPerson(c, org, personId);
                if (earlier.isPresent()) {
                    throw new Refused(false, "Person " + personId + " was already erased on "
                            + earlier.get().decidedAt() + " under decision " + earlier.get().reference() + ".");
                }
                throw new Refused(true, "No person " + personId + " in your organisation.");
            }
            List<byte[]> keys = AgentKeys.of(learnerAgent.identities(c, personId, email.get()));
            long now = Instant.now().toEpochMilli();
            long erasureId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person_erasure (organisation_id, person_id,"
                    + " decided_by_account_id, reference, reason, pseudonym, decided_ms) VALUES (?,?,?,?,?,?,?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, org);
                ps.setLong(2, personId);
                ps.setLong(3, caller.accountId());
                ps.setString(4, reference);
                ps.setString(5, reason);
                ps.setString(6, UUID.randomUUID().toString());
                ps.setLong(7, now);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    erasureId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO person_erasure_key (erasure_id, key_hash) VALUES (?, ?)")) {
                for (byte[] key : keys) {
                    ps.setLong(1, erasureId);
                    ps.setBytes(2, key);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            int documents = AgentDocuments.deleteAll(c, org, keys);
            LearnerAgent.forget(c, personId);
            List<Long> accounts = ids(c, "SELECT id FROM account WHERE person_id = ?", personId);
            for (long account : accounts) {
                update(c, "DELETE FROM account_role WHERE account_id = ?", account);
            }
            update(c, "DELETE FROM account WHERE person_id = ?", personId);
            update(c, "DELETE FROM person WHERE id = ?", personId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE person_erasure SET accounts_deleted = ?,"
                    + " documents_deleted = ? WHERE id = ?")) {
                ps.setInt(1, accounts.size());
                ps.setInt(2, documents);
                ps.setLong(3, erasureId);
                ps.executeUpdate();
            }
            // JPA's shared cache must not hand out the deleted rows
            entities.getCache().evict(Person.class, personId);
            accounts.forEach(a -> entities.getCache().evict(Account.class, a));
            return byId(c, org, erasureId).orElseThrow();
        } catch (SQLException e) {
            throw new IllegalStateException("the erasure of person " + personId + " failed", e);
        }
    }

    /** Pseudonymises the next batch of the erasure's statements; false when none was left. */
    @Transactional
    public boolean nextBatch(long erasureId) {
        try (Connection c = dataSource.getConnection()) {
            Job job = job(c, erasureId);
            AgentPseudonymiser.Batch batch = new AgentPseudonymiser(job.keys(), job.pseudonym())
                    .next(c, job.organisationId(), BATCH);
            if (batch.empty()) {
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE person_erasure SET statements_rewritten ="
                    + " statements_rewritten + ?, attachments_removed = attachments_removed + ?, responses_removed ="
                    + " responses_removed + ? WHERE id = ?")) {
                ps.setInt(1, batch.statementsChanged());
                ps.setInt(2, batch.attachmentsRemoved());
                ps.setInt(3, batch.responsesRemoved());
                ps.setLong(4, erasureId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT IGNORE INTO person_erasure_attachment (erasure_id, sha2) VALUES (?, ?)")) {
                for (String sha2 : batch.removedAttachmentSha2()) {
                    ps.setLong(1, erasureId);
                    ps.setString(2, sha2);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("erasure " + erasureId + " could not pseudonymise statements", e);
        }
    }

    /** Finishes the erasure and logs it; nothing happens to one already complete. */
    @Transactional
    public Erasure complete(long erasureId, String remoteAddress) {
        try (Connection c = dataSource.getConnection()) {
            Job job = job(c, erasureId);
            Erasure erasure = byId(c, job.organisationId(), erasureId).orElseThrow();
            if (erasure.completedAt() != null) {
                return erasure;
            }
            List<String> sha2s = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT sha2 FROM person_erasure_attachment WHERE erasure_id = ?")) {
                ps.setLong(1, erasureId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sha2s.add(rs.getString(1));
                    }
                }
            }
            deleteUnusedAttachments(c, job.organisationId(), sha2s);
            update(c, "DELETE FROM person_erasure_attachment WHERE erasure_id = ?", erasureId);
            update(c, "DELETE FROM person_erasure_key WHERE erasure_id = ?", erasureId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE person_erasure SET completed_ms = ? WHERE id = ?")) {
                ps.setLong(1, Instant.now().toEpochMilli());
                ps.setLong(2, erasureId);
                ps.executeUpdate();
            }
            Erasure done = byId(c, job.organisationId(), erasureId).orElseThrow();
            audit.fire(new AuditEvent(job.organisationId(), done.decidedByAccountId(), AuditAction.PERSON_ERASED,
                    "person", Long.toString(done.personId()), remoteAddress, "erasure " + done.id()
                    + ": accounts " + done.accountsDeleted() + ", documents " + done.documentsDeleted()
                    + ", statements " + done.statementsRewritten() + ", attachments " + done.attachmentsRemoved()
                    + ", responses " + done.responsesRemoved()));
            return done;
        } catch (SQLException e) {
            throw new IllegalStateException("erasure " + erasureId + " could not be completed", e);
        }
    }

    /** One erasure of the organisation. */
    public Optional<Erasure> find(long organisationId, long erasureId) {
        try (Connection c = dataSource.getConnection()) {
            return byId(c, organisationId, erasureId);
        } catch (SQLException e) {
            throw new IllegalStateException("erasure " + erasureId + " could not be read", e);
        }
    }

    /** The erasures whose statements are not all pseudonymised yet (a job that stopped with the server). */
    public List<Long> unfinished() {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT id FROM person_erasure WHERE completed_ms IS NULL ORDER BY id");
                ResultSet rs = ps.executeQuery()) {
            List<Long> ids = new ArrayList<>();
            while (rs.next()) {
                ids.add(rs.getLong(1));
            }
            return ids;
        } catch (SQLException e) {
            throw new IllegalStateException("unfinished erasures could not be read", e);
        }
    }

    private record Job(long organisationId, String pseudonym, List<byte[]> keys) {
    }

    private static Job job(Connection c, long erasureId) throws SQLException {
        long org;
        String pseudonym;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT organisation_id, pseudonym FROM person_erasure WHERE id = ?")) {
            ps.setLong(1, erasureId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no erasure " + erasureId);
                }
                org = rs.getLong(1);
                pseudonym = rs.getString(2);
            }
        }
        List<byte[]> keys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT key_hash FROM person_erasure_key WHERE erasure_id = ?")) {
            ps.setLong(1, erasureId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getBytes(1));
                }
            }
        }
        return new Job(org, pseudonym, keys);
    }

    /**
     * Deletes the stored content of removed attachments that no remaining statement of the organisation names.
     * Which statements name an attachment is not indexed, so this reads the organisation's statements that have
     * attachments, in chunks; it runs only when the erased person's statements had attachments.
     */
    private static void deleteUnusedAttachments(Connection c, long org, List<String> sha2s) throws SQLException {
        if (sha2s.isEmpty()) {
            return;
        }
        List<String> unused = new ArrayList<>(sha2s);
        long after = 0;
        while (!unused.isEmpty()) {
            long last = after;
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, body FROM xapi_statement WHERE"
                    + " organisation_id = ? AND seq > ? AND has_attachments = TRUE ORDER BY seq LIMIT 1000")) {
                ps.setLong(1, org);
                ps.setLong(2, after);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        String json = StatementDocuments.unpack(rs.getBytes(2));
                        unused.removeIf(sha2 -> json.contains("\"" + sha2 + "\""));
                    }
                }
            }
            if (last == after) {
                break;
            }
            after = last;
        }
        try (PreparedStatement ps = c.prepareStatement(
                "DELETE FROM xapi_attachment WHERE organisation_id = ? AND sha2 = ?")) {
            for (String sha2 : unused) {
                ps.setLong(1, org);
                ps.setString(2, sha2);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static Optional<Erasure> byPerson(Connection c, long org, long personId) throws SQLException {
        return one(c, "organisation_id = ? AND person_id = ?", org, personId);
    }

    private static Optional<Erasure> byId(Connection c, long org, long erasureId) throws SQLException {
        return one(c, "organisation_id = ? AND id = ?", org, erasureId);
    }

    private static Optional<Erasure> one(Connection c, String where, long org, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id, person_id, decided_by_account_id, reference, reason,"
                + " decided_ms, completed_ms, accounts_deleted, documents_deleted, statements_rewritten,"
                + " attachments_removed, responses_removed FROM person_erasure WHERE " + where)) {
            ps.setLong(1, org);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long completed = rs.getLong(7);
                Instant completedAt = rs.wasNull() ? null : Instant.ofEpochMilli(completed);
                return Optional.of(new Erasure(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
                        rs.getString(5), Instant.ofEpochMilli(rs.getLong(6)), completedAt, rs.getInt(8),
                        rs.getInt(9), rs.getInt(10), rs.getInt(11), rs.getInt(12)));
            }
        }
    }

    private static List<Long> ids(Connection c, String sql, long arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids;
        }
    }

    private static int update(Connection c, String sql, long arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, arg);
            return ps.executeUpdate();
        }
    }
}
