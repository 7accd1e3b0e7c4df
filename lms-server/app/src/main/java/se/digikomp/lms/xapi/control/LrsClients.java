package se.digikomp.lms.xapi.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.security.SecretHasher;
import se.digikomp.lms.xapi.entity.Scope;

/**
 * The LRS clients of an organisation (lrs_client): created with a generated key and secret (the secret is shown
 * once and stored only as a {@link SecretHasher} hash), listed, re-scoped and deactivated. Every change forgets
 * the authenticator's verified credentials, so it takes effect on the next request.
 */
@ApplicationScoped
public class LrsClients {

    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    ClientAuthenticator authenticator;

    /** A client as listed (never its secret). */
    public record Listed(long id, String key, String label, Set<Scope> scopes, boolean active, Instant createdAt) {
    }

    /** A newly created client with its secret, which is not stored and cannot be shown again. */
    public record Created(Listed client, String secret) {
    }

    public List<Listed> list(long organisationId) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, client_key, label, scopes, active, created_at"
                        + " FROM lrs_client WHERE organisation_id = ? ORDER BY id")) {
            ps.setLong(1, organisationId);
            List<Listed> clients = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    clients.add(row(rs));
                }
            }
            return clients;
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
    }

    public Created create(long organisationId, String label, Set<Scope> scopes) {
        String key = "lrs-" + HexFormat.of().formatHex(bytes(10));
        String secret = HexFormat.of().formatHex(bytes(24));
        SecretHasher.Hashed hashed = SecretHasher.hash(secret);
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO lrs_client (organisation_id, client_key,"
                        + " secret_salt, secret_hash, scopes, label, active, created_at)"
                        + " VALUES (?,?,?,?,?,?,TRUE,CURRENT_TIMESTAMP(3))", Statement.RETURN_GENERATED_KEYS)) {
            ps.setLong(1, organisationId);
            ps.setString(2, key);
            ps.setString(3, hashed.salt());
            ps.setString(4, hashed.hash());
            ps.setString(5, wire(scopes));
            ps.setString(6, label);
            ps.executeUpdate();
            try (ResultSet keys = ps.getGeneratedKeys()) {
                keys.next();
                long id = keys.getLong(1);
                return new Created(find(organisationId, id).orElseThrow(), secret);
            }
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
    }

    /** Changes label, scopes and/or active; empty when the organisation has no such client. */
    public Optional<Listed> update(long organisationId, long id, String label, Set<Scope> scopes, Boolean active) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE lrs_client SET label = COALESCE(?, label),"
                        + " scopes = COALESCE(?, scopes), active = COALESCE(?, active)"
                        + " WHERE organisation_id = ? AND id = ?")) {
            ps.setString(1, label);
            ps.setString(2, scopes == null ? null : wire(scopes));
            ps.setObject(3, active);
            ps.setLong(4, organisationId);
            ps.setLong(5, id);
            if (ps.executeUpdate() == 0) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
        authenticator.forgetAll();
        return find(organisationId, id);
    }

    public Optional<Listed> find(long organisationId, long id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, client_key, label, scopes, active, created_at"
                        + " FROM lrs_client WHERE organisation_id = ? AND id = ?")) {
            ps.setLong(1, organisationId);
            ps.setLong(2, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
    }

    private static Listed row(ResultSet rs) throws SQLException {
        return new Listed(rs.getLong(1), rs.getString(2), rs.getString(3), Scope.parseList(rs.getString(4)),
                rs.getBoolean(5), rs.getTimestamp(6).toInstant());
    }

    private static String wire(Set<Scope> scopes) {
        return scopes.stream().map(Scope::wire).sorted().collect(Collectors.joining(" "));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
