package se.digikomp.lms.xapi.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.xapi.entity.AgentDocument;
import se.digikomp.lms.xapi.entity.DocumentAddress;
import se.digikomp.lms.xapi.entity.DocumentKind;
import se.digikomp.lms.xapi.entity.StoredDocument;

/**
 * The documents the LRS keeps for an agent (xAPI 1.0.3 Communication 2.3 state, 2.6 agent profile): read for a
 * person's right of access, deleted when the person is erased. Activity profiles belong to activities, not to
 * agents, and are left alone.
 */
@ApplicationScoped
public class AgentDocuments {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Receives documents one by one. */
    @FunctionalInterface
    public interface Sink {
        void accept(AgentDocument document) throws java.io.IOException;
    }

    /** Hands every state and agent-profile document of the agent keys to the sink; returns how many. */
    public long forEach(long organisationId, List<byte[]> agentKeys, Sink sink) throws java.io.IOException {
        if (agentKeys.isEmpty()) {
            return 0;
        }
        // one document at a time: a person has few, but one may be large
        StringBuilder sql = new StringBuilder("SELECT d.id, d.kind, a.activity_id, d.registration, d.document_id,"
                + " d.content_type, d.content, d.etag, d.updated_ms FROM xapi_document d"
                + " LEFT JOIN xapi_activity a ON a.organisation_id = d.organisation_id AND a.activity_hash = d.activity_hash"
                + " WHERE d.organisation_id = ? AND d.kind IN (?, ?) AND d.agent_hash IN (");
        sql.append("?,".repeat(agentKeys.size())).setLength(sql.length() - 1);
        sql.append(") AND d.id > ? ORDER BY d.id LIMIT 1");
        long count = 0;
        long after = 0;
        while (true) {
            Optional<Row> row = next(sql.toString(), organisationId, agentKeys, after);
            if (row.isEmpty()) {
                return count;
            }
            sink.accept(row.get().document());
            count++;
            after = row.get().id();
        }
    }

    private record Row(long id, AgentDocument document) {
    }

    private Optional<Row> next(String sql, long org, List<byte[]> keys, long after) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            int p = 1;
            ps.setLong(p++, org);
            ps.setInt(p++, DocumentKind.STATE.code());
            ps.setInt(p++, DocumentKind.AGENT_PROFILE.code());
            for (byte[] k : keys) {
                ps.setBytes(p++, k);
            }
            ps.setLong(p, after);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                DocumentKind kind = rs.getInt(2) == DocumentKind.STATE.code() ? DocumentKind.STATE
                        : DocumentKind.AGENT_PROFILE;
                StoredDocument stored = new StoredDocument(rs.getString(6), rs.getBytes(7), rs.getString(8),
                        Instant.ofEpochMilli(rs.getLong(9)));
                return Optional.of(new Row(rs.getLong(1), new AgentDocument(kind,
                        kind == DocumentKind.STATE ? Optional.ofNullable(rs.getString(3)) : Optional.empty(),
                        registration(rs.getBytes(4)), rs.getString(5), stored)));
            }
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
    }

    /**
     * Deletes every state and agent-profile document of the agent keys, on the caller's connection (and so in its
     * transaction); returns how many.
     */
    public static int deleteAll(Connection c, long organisationId, List<byte[]> agentKeys) throws SQLException {
        if (agentKeys.isEmpty()) {
            return 0;
        }
        StringBuilder sql = new StringBuilder(
                "DELETE FROM xapi_document WHERE organisation_id = ? AND kind IN (?, ?) AND agent_hash IN (");
        sql.append("?,".repeat(agentKeys.size())).setLength(sql.length() - 1);
        sql.append(")");
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            ps.setLong(p++, organisationId);
            ps.setInt(p++, DocumentKind.STATE.code());
            ps.setInt(p++, DocumentKind.AGENT_PROFILE.code());
            for (byte[] k : agentKeys) {
                ps.setBytes(p++, k);
            }
            return ps.executeUpdate();
        }
    }

    private static Optional<UUID> registration(byte[] bytes) {
        if (bytes == null || Arrays.equals(bytes, DocumentAddress.NONE)) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(bytes);
        return Optional.of(new UUID(b.getLong(), b.getLong()));
    }
}
