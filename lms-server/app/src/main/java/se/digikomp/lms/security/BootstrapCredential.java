package se.digikomp.lms.security;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import se.digikomp.lms.demo.DemoData;
import se.digikomp.lms.platform.Database;

/**
 * The xAPI credential named by {@code lms.xapi.bootstrap-key} / {@code lms.xapi.bootstrap-secret}
 * (for automation and conformance runs): inserted or brought up to date at every start, scopes {@code all},
 * in the demo organisation (or the first organisation when there is no demo one).
 */
@ApplicationScoped
public class BootstrapCredential {

    static final int PRIORITY = DemoData.PRIORITY + 100;
    static final String KEY = "lms.xapi.bootstrap-key";
    static final String SECRET = "lms.xapi.bootstrap-secret";
    private static final int MAX_KEY_LENGTH = 64;
    private static final String LABEL = "Bootstrap credential (LMS_XAPI_BOOTSTRAP_KEY)";

    private static final System.Logger LOG = System.getLogger(BootstrapCredential.class.getName());

    @Inject
    @ConfigProperty(name = KEY)
    Optional<String> key;

    @Inject
    @ConfigProperty(name = SECRET)
    Optional<String> secret;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    void apply(@Observes @Priority(PRIORITY) @Initialized(ApplicationScoped.class) Object started) throws SQLException {
        if (key.isEmpty() && secret.isEmpty()) {
            return;
        }
        if (key.isEmpty() || secret.isEmpty()) {
            throw new IllegalStateException(KEY + " and " + SECRET
                    + " (LMS_XAPI_BOOTSTRAP_KEY, LMS_XAPI_BOOTSTRAP_SECRET) must be set together");
        }
        if (key.get().length() > MAX_KEY_LENGTH) {
            throw new IllegalStateException(KEY + " (LMS_XAPI_BOOTSTRAP_KEY) is longer than " + MAX_KEY_LENGTH
                    + " characters");
        }
        try (Connection connection = dataSource.getConnection()) {
            Optional<Long> organisation = targetOrganisation(connection);
            if (organisation.isEmpty()) {
                LOG.log(Level.WARNING, "No organisation exists, so the xAPI bootstrap credential was not created");
                return;
            }
            upsert(connection, organisation.get());
        }
    }

    private static Optional<Long> targetOrganisation(Connection connection) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT id FROM organisation ORDER BY slug = 'demo' DESC, id LIMIT 1");
             ResultSet row = query.executeQuery()) {
            return row.next() ? Optional.of(row.getLong(1)) : Optional.empty();
        }
    }

    private void upsert(Connection connection, long organisationId) throws SQLException {
        SecretHasher.Hashed hashed = SecretHasher.hash(secret.get());
        try (PreparedStatement update = connection.prepareStatement("UPDATE lrs_client SET organisation_id = ?,"
                + " secret_salt = ?, secret_hash = ?, scopes = 'all', active = TRUE WHERE client_key = ?")) {
            update.setLong(1, organisationId);
            update.setString(2, hashed.salt());
            update.setString(3, hashed.hash());
            update.setString(4, key.get());
            if (update.executeUpdate() > 0) {
                LOG.log(Level.INFO, "xAPI bootstrap credential updated for organisation {0}", organisationId);
                return;
            }
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO lrs_client (organisation_id,"
                + " client_key, secret_salt, secret_hash, scopes, label, active, created_at)"
                + " VALUES (?, ?, ?, ?, 'all', ?, TRUE, CURRENT_TIMESTAMP(3))")) {
            insert.setLong(1, organisationId);
            insert.setString(2, key.get());
            insert.setString(3, hashed.salt());
            insert.setString(4, hashed.hash());
            insert.setString(5, LABEL);
            insert.executeUpdate();
            LOG.log(Level.INFO, "xAPI bootstrap credential created for organisation {0}", organisationId);
        }
    }
}
