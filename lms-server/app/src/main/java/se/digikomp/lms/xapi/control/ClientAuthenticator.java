package se.digikomp.lms.xapi.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.security.SecretHasher;
import se.digikomp.lms.xapi.entity.LrsClient;
import se.digikomp.lms.xapi.entity.Scope;

/**
 * HTTP Basic authentication of LRS clients (xAPI 1.0.3 Communication 4.1, 2.0 4.1.5) against lrs_client, whose
 * secrets are {@link SecretHasher} hashes (PBKDF2, deliberately slow). The slow hash is paid once per credential: a verified
 * key/secret pair is remembered (by a SHA-256 of the pair, never the secret itself) for a short time, so a
 * deactivated client is refused again within {@link #CACHE_MILLIS}.
 */
@ApplicationScoped
public class ClientAuthenticator {

    static final long CACHE_MILLIS = 60_000;
    private static final int MAX_CACHED = 10_000;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    private final ConcurrentHashMap<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(LrsClient client, long until) {
    }

    /** The client for an Authorization header, or empty when it is missing, malformed or wrong. */
    public Optional<LrsClient> authenticate(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        if (colon <= 0) {
            return Optional.empty();
        }
        String key = decoded.substring(0, colon);
        String secret = decoded.substring(colon + 1);
        String cacheKey = sha256(key + '\u0000' + secret);
        long now = System.currentTimeMillis();
        Verified hit = verified.get(cacheKey);
        if (hit != null && hit.until > now) {
            return Optional.of(hit.client);
        }
        Optional<LrsClient> client = lookUp(key, secret);
        if (client.isPresent()) {
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
            verified.put(cacheKey, new Verified(client.get(), now + CACHE_MILLIS));
        } else {
            verified.remove(cacheKey);
        }
        return client;
    }

    /** Forgets every verified credential (after a client is changed through the admin API). */
    public void forgetAll() {
        verified.clear();
    }

    private Optional<LrsClient> lookUp(String key, String secret) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT id, organisation_id, secret_salt, secret_hash,"
                        + " scopes, label FROM lrs_client WHERE client_key = ? AND active = TRUE")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                if (!SecretHasher.matches(secret, rs.getString(3), rs.getString(4))) {
                    return Optional.empty();
                }
                return Optional.of(new LrsClient(rs.getLong(1), rs.getLong(2), key, rs.getString(6),
                        Scope.parseList(rs.getString(5))));
            }
        } catch (SQLException e) {
            throw new StatementStore.StoreUnavailableException(e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
