package se.digikomp.lms.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;

/**
 * Personal API tokens ({@code api_token}): created by their owner, shown once, kept as SHA-256 only, revocable,
 * each with an expiry. Every query names the owning account, so nobody sees or revokes another's token.
 */
@ApplicationScoped
public class ApiTokens {

    /** What a token starts with, so that scanners and people recognise one. */
    public static final String PREFIX = "dkt_";
    public static final int MAX_NAME_LENGTH = 100;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Authenticator authenticator;

    Clock clock = Clock.systemUTC();

    /** A token as its owner sees it in the list (never the token itself). */
    public record Listed(long id, String name, Instant createdAt, Instant expiresAt, Instant revokedAt,
                         Instant lastUsedAt) {
        public boolean active(Instant now) {
            return revokedAt == null && expiresAt.isAfter(now);
        }
    }

    /** A new token: its id and the secret, to be shown once. */
    public record Created(long id, String token) {
    }

    /** What a presented token is worth. */
    public record Verdict(Optional<Caller> caller, AuthenticationAttempt.Refusal refusal) {
    }

    public Created create(long accountId, String name, Instant expiresAt) {
        String token = Tokens.random(PREFIX);
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement("INSERT INTO api_token (account_id, name, token_hash,"
                     + " created_at, expires_at) VALUES (?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, accountId);
            insert.setString(2, name);
            insert.setString(3, Tokens.sha256(token));
            insert.setTimestamp(4, Timestamp.from(clock.instant()));
            insert.setTimestamp(5, Timestamp.from(expiresAt));
            insert.executeUpdate();
            try (ResultSet key = insert.getGeneratedKeys()) {
                key.next();
                return new Created(key.getLong(1), token);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("API token not stored", e);
        }
    }

    public List<Listed> of(long accountId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT id, name, created_at, expires_at, revoked_at,"
                     + " last_used_at FROM api_token WHERE account_id = ? ORDER BY created_at DESC, id DESC")) {
            query.setLong(1, accountId);
            List<Listed> tokens = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    tokens.add(new Listed(row.getLong(1), row.getString(2), instant(row.getTimestamp(3)),
                            instant(row.getTimestamp(4)), instant(row.getTimestamp(5)), instant(row.getTimestamp(6))));
                }
            }
            return tokens;
        } catch (SQLException e) {
            throw new IllegalStateException("API tokens unreadable", e);
        }
    }

    /** Revokes the account's own token; false when it has none by that id (or it was revoked already). */
    public boolean revoke(long accountId, long tokenId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE api_token SET revoked_at = ?"
                     + " WHERE id = ? AND account_id = ? AND revoked_at IS NULL")) {
            update.setTimestamp(1, Timestamp.from(clock.instant()));
            update.setLong(2, tokenId);
            update.setLong(3, accountId);
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException("API token not revoked", e);
        }
    }

    public Verdict verify(String token) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            long id;
            long account;
            try (PreparedStatement query = c.prepareStatement("SELECT id, account_id, expires_at, revoked_at"
                    + " FROM api_token WHERE token_hash = ?")) {
                query.setString(1, Tokens.sha256(token));
                try (ResultSet row = query.executeQuery()) {
                    if (!row.next()) {
                        return new Verdict(Optional.empty(), AuthenticationAttempt.Refusal.UNKNOWN_TOKEN);
                    }
                    if (row.getTimestamp(4) != null) {
                        return new Verdict(Optional.empty(), AuthenticationAttempt.Refusal.REVOKED_TOKEN);
                    }
                    if (!row.getTimestamp(3).toInstant().isAfter(now)) {
                        return new Verdict(Optional.empty(), AuthenticationAttempt.Refusal.EXPIRED_TOKEN);
                    }
                    id = row.getLong(1);
                    account = row.getLong(2);
                }
            }
            try (PreparedStatement used = c.prepareStatement("UPDATE api_token SET last_used_at = ? WHERE id = ?")) {
                used.setTimestamp(1, Timestamp.from(now));
                used.setLong(2, id);
                used.executeUpdate();
            }
            Optional<Caller> caller = authenticator.caller(account);
            return new Verdict(caller, caller.isPresent() ? null : AuthenticationAttempt.Refusal.UNKNOWN_TOKEN);
        } catch (SQLException e) {
            throw new IllegalStateException("API token unreadable", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
