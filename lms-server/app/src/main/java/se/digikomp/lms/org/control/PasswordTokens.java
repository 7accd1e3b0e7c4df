package se.digikomp.lms.org.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.security.SecretHasher;

/**
 * One-time set-password tokens of new accounts (see {@link NewAccounts}): a token sets the password of its
 * account once, before it expires; setting it uses up every open token of the account.
 */
@ApplicationScoped
public class PasswordTokens {

    public static final int MIN_PASSWORD = 10;
    public static final int MAX_PASSWORD = 200;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    /** Where a person sets the password with the token (the page; the API is POST /api/set-password). */
    public static String pagePath(String token) {
        return "/set-password?token=" + token;
    }

    /** @return false when the token is unknown, used or expired (the three are not told apart) */
    @Transactional
    public boolean setPassword(String token, String password) {
        if (password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw new IllegalArgumentException("a password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
        try (Connection db = dataSource.getConnection()) {
            long accountId;
            try (PreparedStatement select = db.prepareStatement("SELECT account_id FROM password_token WHERE token_hash = ?"
                    + " AND used_at IS NULL AND expires_at > CURRENT_TIMESTAMP(3) FOR UPDATE")) {
                select.setString(1, NewAccounts.sha256(token));
                try (ResultSet row = select.executeQuery()) {
                    if (!row.next()) {
                        return false;
                    }
                    accountId = row.getLong(1);
                }
            }
            SecretHasher.Hashed hashed = SecretHasher.hash(password);
            try (PreparedStatement update = db.prepareStatement("UPDATE account SET password_salt = ?, password_hash = ?"
                    + " WHERE id = ?")) {
                update.setString(1, hashed.salt());
                update.setString(2, hashed.hash());
                update.setLong(3, accountId);
                update.executeUpdate();
            }
            try (PreparedStatement used = db.prepareStatement("UPDATE password_token SET used_at = CURRENT_TIMESTAMP(3)"
                    + " WHERE account_id = ? AND used_at IS NULL")) {
                used.setLong(1, accountId);
                used.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("setting a password failed: " + e.getMessage(), e);
        }
    }
}
