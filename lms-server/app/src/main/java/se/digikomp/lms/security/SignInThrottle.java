package se.digikomp.lms.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.platform.Database;

/**
 * {@link LockPolicy} over the {@code sign_in_throttle} table, so every server node sees the same failures. The
 * settings are {@code lms.web.sign-in-delay-after}, {@code lms.web.sign-in-delay-millis},
 * {@code lms.web.sign-in-lock-after} and {@code lms.web.sign-in-lock-seconds}.
 */
@ApplicationScoped
public class SignInThrottle {

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "lms.web.sign-in-delay-after", defaultValue = "5")
    int delayAfter;

    @Inject
    @ConfigProperty(name = "lms.web.sign-in-delay-millis", defaultValue = "1000")
    long delayMillis;

    @Inject
    @ConfigProperty(name = "lms.web.sign-in-lock-after", defaultValue = "10")
    int lockAfter;

    @Inject
    @ConfigProperty(name = "lms.web.sign-in-lock-seconds", defaultValue = "900")
    long lockSeconds;

    Clock clock = Clock.systemUTC();

    private LockPolicy policy() {
        return new LockPolicy(delayAfter, Duration.ofMillis(delayMillis), lockAfter, Duration.ofSeconds(lockSeconds));
    }

    /** Until when attempts for this username are refused, if they are. */
    public Optional<Instant> refusedUntil(String username) {
        try (Connection c = dataSource.getConnection()) {
            return policy().refusedUntil(state(c, key(username)), clock.instant());
        } catch (SQLException e) {
            throw new IllegalStateException("sign-in throttle unreadable", e);
        }
    }

    /** Records a failure; true when it locked the username. */
    public boolean recordFailure(String username) {
        String key = key(username);
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            LockPolicy.Failure failure = policy().afterFailure(state(c, key), now);
            try (PreparedStatement upsert = c.prepareStatement("INSERT INTO sign_in_throttle (username_hash, failures,"
                    + " last_failure_at, next_attempt_at, locked_until) VALUES (?, ?, ?, ?, ?) ON DUPLICATE KEY UPDATE"
                    + " failures = VALUES(failures), last_failure_at = VALUES(last_failure_at),"
                    + " next_attempt_at = VALUES(next_attempt_at), locked_until = VALUES(locked_until)")) {
                upsert.setString(1, key);
                upsert.setInt(2, failure.state().failures());
                upsert.setTimestamp(3, Timestamp.from(now));
                upsert.setTimestamp(4, timestamp(failure.state().nextAttemptAt()));
                upsert.setTimestamp(5, timestamp(failure.state().lockedUntil()));
                upsert.executeUpdate();
            }
            return failure.lockedNow();
        } catch (SQLException e) {
            throw new IllegalStateException("sign-in throttle not written", e);
        }
    }

    public void clear(String username) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM sign_in_throttle WHERE username_hash = ?")) {
            delete.setString(1, key(username));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("sign-in throttle not cleared", e);
        }
    }

    private static LockPolicy.State state(Connection c, String key) throws SQLException {
        try (PreparedStatement query = c.prepareStatement("SELECT failures, next_attempt_at, locked_until"
                + " FROM sign_in_throttle WHERE username_hash = ?")) {
            query.setString(1, key);
            try (ResultSet row = query.executeQuery()) {
                if (!row.next()) {
                    return LockPolicy.State.NONE;
                }
                return new LockPolicy.State(row.getInt(1), instant(row.getTimestamp(2)), instant(row.getTimestamp(3)));
            }
        }
    }

    /** SHA-256 hex of the lower-cased username: the same for every spelling the database treats as equal. */
    static String key(String username) {
        return Tokens.sha256(username.trim().toLowerCase(Locale.ROOT));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
