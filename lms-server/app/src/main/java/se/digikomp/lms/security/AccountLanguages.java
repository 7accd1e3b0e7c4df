package se.digikomp.lms.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;

/** The page language a person chose, stored on their account ({@code account.language}). */
@ApplicationScoped
public class AccountLanguages {

    /** The session attribute holding the language tag the pages use ({@code sv}, {@code en}). */
    public static final String SESSION_ATTRIBUTE = "se.digikomp.lms.web.language";

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    public Optional<String> of(long accountId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement query = c.prepareStatement("SELECT language FROM account WHERE id = ?")) {
            query.setLong(1, accountId);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? Optional.ofNullable(row.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("account language unreadable", e);
        }
    }

    public void store(long accountId, String languageTag) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement update = c.prepareStatement("UPDATE account SET language = ? WHERE id = ?")) {
            update.setString(1, languageTag);
            update.setLong(2, accountId);
            update.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("account language not stored", e);
        }
    }
}
