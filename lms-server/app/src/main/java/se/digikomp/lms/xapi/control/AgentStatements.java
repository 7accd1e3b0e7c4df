package se.digikomp.lms.xapi.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.xapi.entity.KeyKind;
import se.digikomp.lms.xapi.entity.StoredStatement;

/**
 * Every statement stored about an agent, for a person's right of access: the statements in which any of the agent
 * keys appears as a related agent (actor, object, authority, instructor, team, context agents, group members, also
 * inside a SubStatement, and statements targeting one of those), voided ones included. Read through the key rows
 * of {@code xapi_statement_key}, one index range per key in keyset pages, never a scan of the statements.
 */
@ApplicationScoped
public class AgentStatements {

    static final int PAGE = 500;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Receives statements one by one, in the order of the keys and then of storing. */
    @FunctionalInterface
    public interface Sink {
        void accept(StoredStatement statement) throws java.io.IOException;
    }

    /** Hands every statement about the agent keys to the sink, each once; returns how many. */
    public long forEach(long organisationId, List<byte[]> agentKeys, Sink sink) throws java.io.IOException {
        long count = 0;
        for (int k = 0; k < agentKeys.size(); k++) {
            long after = 0;
            while (true) {
                List<StoredStatement> page = page(organisationId, agentKeys.get(k), agentKeys.subList(0, k), after);
                for (StoredStatement s : page) {
                    sink.accept(s);
                    count++;
                }
                if (page.size() < PAGE) {
                    break;
                }
                after = page.get(page.size() - 1).seq();
            }
        }
        return count;
    }

    /** One page for one key; a statement that an earlier key also reaches was handed out with that key. */
    private List<StoredStatement> page(long org, byte[] key, List<byte[]> earlier, long afterSeq) {
        StringBuilder sql = new StringBuilder("SELECT s.seq, s.statement_id, s.stored_ms, s.voided, s.body"
                + " FROM xapi_statement_key k JOIN xapi_statement s ON s.seq = k.seq"
                + " WHERE k.organisation_id = ? AND k.kind = ? AND k.key_hash = ? AND k.seq > ?");
        if (!earlier.isEmpty()) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM xapi_statement_key e WHERE e.organisation_id = k.organisation_id"
                    + " AND e.kind = k.kind AND e.seq = k.seq AND e.key_hash IN (")
                    .append("?,".repeat(earlier.size())).setLength(sql.length() - 1);
            sql.append("))");
        }
        sql.append(" ORDER BY k.seq LIMIT ").append(PAGE);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int p = 1;
            ps.setLong(p++, org);
            ps.setInt(p++, KeyKind.RELATED_AGENT.code());
            ps.setBytes(p++, key);
            ps.setLong(p++, afterSeq);
            for (byte[] e : earlier) {
                ps.setBytes(p++, e);
            }
            List<StoredStatement> page = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    page.add(new StoredStatement(rs.getLong(1), rs.getString(2), Instant.ofEpochMilli(rs.getLong(3)),
                            rs.getBoolean(4), StatementDocuments.unpack(rs.getBytes(5))));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
    }
}
