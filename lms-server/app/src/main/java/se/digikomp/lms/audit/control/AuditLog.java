package se.digikomp.lms.audit.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import se.digikomp.lms.audit.entity.AuditEntry;
import se.digikomp.lms.audit.entity.AuditQuery;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.security.AuditEvent;

/**
 * The audit log ({@code audit_event}): stores every {@link AuditEvent} a feature fires and pages through one
 * organisation's events. Insert and read only: nothing in the application updates or deletes a row.
 *
 * <p>The observer is synchronous and uses the application's JTA data source, so inside a transaction the row is
 * written in the caller's transaction (an action that rolls back leaves no audit row, and an audit row that cannot
 * be written rolls the action back); outside one (a failed sign-in) it is written on its own.
 */
@ApplicationScoped
public class AuditLog {

    static final int MAX_DETAIL = 500;
    static final int MAX_OBJECT_ID = 64;
    static final int MAX_ADDRESS = 45;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    void store(@Observes AuditEvent event) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO audit_event (organisation_id,"
                        + " actor_account_id, action, object_type, object_id, remote_address, detail, occurred_ms)"
                        + " VALUES (?,?,?,?,?,?,?,?)")) {
            setLong(ps, 1, event.organisationId());
            setLong(ps, 2, event.actorAccountId());
            ps.setString(3, event.action().name());
            ps.setString(4, truncate(event.objectType(), 32));
            ps.setString(5, truncate(event.objectId(), MAX_OBJECT_ID));
            ps.setString(6, truncate(event.remoteAddress(), MAX_ADDRESS));
            ps.setString(7, truncate(event.detail(), MAX_DETAIL));
            ps.setLong(8, Instant.now().toEpochMilli());
            ps.executeUpdate();
        } catch (SQLException e) {
            // thrown on: inside a transaction the action it records must not commit without its audit row
            throw new IllegalStateException("the audit log could not store a " + event.action() + " event", e);
        }
    }

    /** One page, newest first, at most {@code limit + 1} rows so the caller knows whether another page follows. */
    public List<AuditEntry> page(AuditQuery q) {
        StringBuilder sql = new StringBuilder("SELECT id, occurred_ms, action, actor_account_id, object_type,"
                + " object_id, remote_address, detail FROM audit_event WHERE organisation_id = ?");
        List<Object> args = new ArrayList<>();
        args.add(q.organisationId());
        q.action().ifPresent(a -> {
            sql.append(" AND action = ?");
            args.add(a.name());
        });
        q.from().ifPresent(t -> {
            sql.append(" AND occurred_ms >= ?");
            args.add(t.toEpochMilli());
        });
        q.to().ifPresent(t -> {
            sql.append(" AND occurred_ms < ?");
            args.add(t.toEpochMilli());
        });
        q.beforeId().ifPresent(id -> {
            sql.append(" AND id < ?");
            args.add(id);
        });
        sql.append(" ORDER BY id DESC LIMIT ?");
        args.add(q.limit() + 1);
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql.toString())) {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            List<AuditEntry> page = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long actor = rs.getLong(4);
                    Long actorId = rs.wasNull() ? null : actor;
                    page.add(new AuditEntry(rs.getLong(1), Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3),
                            actorId, rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
            return page;
        } catch (SQLException e) {
            throw new IllegalStateException("the audit log could not be read", e);
        }
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static String truncate(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max);
    }
}
