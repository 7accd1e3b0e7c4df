package se.digikomp.lms.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;

/**
 * The {@code sign_in_session} rows behind signed-in HTTP sessions: whose session it is and when it was last used.
 * {@code last_seen_at} is written at most once a {@link #TOUCH_EVERY}, not on every request.
 */
@ApplicationScoped
public class SignInSessions {

    static final Duration TOUCH_EVERY = Duration.ofSeconds(15);

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    Clock clock = Clock.systemUTC();

    /** A live session's account, or why there is none. */
    public record Lookup(Long accountId, boolean expired) {
    }

    /** Stores a new session, and deletes those idle for longer than {@code idle} (nobody can use them again). */
    public void create(String key, long accountId, Duration idle) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement purge = c.prepareStatement("DELETE FROM sign_in_session WHERE last_seen_at < ?");
             PreparedStatement insert = c.prepareStatement("INSERT INTO sign_in_session (id, account_id, created_at,"
                     + " last_seen_at) VALUES (?, ?, ?, ?)")) {
            Timestamp now = Timestamp.from(clock.instant());
            purge.setTimestamp(1, Timestamp.from(clock.instant().minus(idle)));
            purge.executeUpdate();
            insert.setString(1, Tokens.sha256(key));
            insert.setLong(2, accountId);
            insert.setTimestamp(3, now);
            insert.setTimestamp(4, now);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("sign-in session not stored", e);
        }
    }

    /**
     * The account of the session with this key, if it was used within {@code idle}; an expired session is
     * deleted. Marks the session as used now.
     */
    public Lookup find(String key, Duration idle) {
        String id = Tokens.sha256(key);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            long account;
            Instant lastSeen;
            try (PreparedStatement query = c.prepareStatement(
                    "SELECT account_id, last_seen_at FROM sign_in_session WHERE id = ?")) {
                query.setString(1, id);
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return new Lookup(null, true);
                    }
                    account = row.getLong(1);
                    lastSeen = row.getTimestamp(2).toInstant();
                }
            }
            if (lastSeen.plus(idle).isBefore(now)) {
                delete(c, id);
                return new Lookup(null, true);
            }
            if (lastSeen.plus(TOUCH_EVERY).isBefore(now)) {
                try (PreparedStatement touch = c.prepareStatement(
                        "UPDATE sign_in_session SET last_seen_at = ? WHERE id = ?")) {
                    touch.setTimestamp(1, Timestamp.from(now));
                    touch.setString(2, id);
                    touch.executeUpdate();
                }
            }
            return new Lookup(account, false);
        } catch (SQLException e) {
            throw new IllegalStateException("sign-in session unreadable", e);
        }
    }

    public void delete(String key) {
        try (Connection c = dataSource.getConnection()) {
            delete(c, Tokens.sha256(key));
        } catch (SQLException e) {
            throw new IllegalStateException("sign-in session not deleted", e);
        }
    }

    private static void delete(Connection c, String id) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("DELETE FROM sign_in_session WHERE id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }
}
