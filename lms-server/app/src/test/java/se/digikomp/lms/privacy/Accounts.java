package se.digikomp.lms.privacy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import se.digikomp.lms.security.SecretHasher;
import se.digikomp.lms.testing.LmsServer;
import se.digikomp.lms.testing.TestDatabase;

/**
 * People, accounts and organisations of the tests in this package, written straight into the server's schema so
 * that no test erases or changes a demo account that other test classes use.
 */
final class Accounts {

    /** A person with an account; {@code auth} is the Authorization header value. */
    record Made(long organisationId, long personId, long accountId, String username, String email, String auth) {
    }

    private Accounts() {
    }

    static long demoOrganisation(LmsServer.Instance server) throws SQLException {
        try (Connection c = TestDatabase.shared().connect(server.schema());
                PreparedStatement ps = c.prepareStatement("SELECT p.organisation_id FROM account a JOIN person p"
                        + " ON p.id = a.person_id WHERE a.username = 'admin'");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long organisation(LmsServer.Instance server, String name) throws SQLException {
        try (Connection c = TestDatabase.shared().connect(server.schema());
                PreparedStatement ps = c.prepareStatement("INSERT INTO organisation (slug, name) VALUES (?, ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
            ps.setString(1, "it-" + UUID.randomUUID().toString().substring(0, 8));
            ps.setString(2, name);
            ps.executeUpdate();
            try (ResultSet rs = ps.getGeneratedKeys()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A new person of the organisation with an account holding the roles. */
    static Made person(LmsServer.Instance server, long organisationId, String... roles) throws SQLException {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String username = "it-" + tag;
        String email = "Testa." + tag + "@Example.se";
        String password = "pw-" + tag;
        try (Connection c = TestDatabase.shared().connect(server.schema())) {
            long personId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO person (organisation_id, given_name,"
                    + " family_name, email) VALUES (?, 'Testa', 'Testsson', ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, organisationId);
                ps.setString(2, email);
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    personId = rs.getLong(1);
                }
            }
            SecretHasher.Hashed hashed = SecretHasher.hash(password);
            long accountId;
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO account (person_id, username, password_salt,"
                    + " password_hash) VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setLong(1, personId);
                ps.setString(2, username);
                ps.setString(3, hashed.salt());
                ps.setString(4, hashed.hash());
                ps.executeUpdate();
                try (ResultSet rs = ps.getGeneratedKeys()) {
                    rs.next();
                    accountId = rs.getLong(1);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO account_role (account_id, role) VALUES (?, ?)")) {
                for (String role : roles) {
                    ps.setLong(1, accountId);
                    ps.setString(2, role);
                    ps.executeUpdate();
                }
            }
            return new Made(organisationId, personId, accountId, username, email,
                    LmsServer.basicAuth(username, password));
        }
    }
}
