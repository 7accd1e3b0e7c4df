package se.digikomp.lms.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import se.digikomp.lms.org.Person;

/**
 * Checks a username and password against {@code account}, and finds the {@link Caller} of an account id. The
 * password hash is slow on purpose, so a successful check is remembered for {@link #REMEMBER} under a SHA-256 of
 * the credentials (never the password itself); a deactivated account or a changed password therefore takes
 * effect within that time.
 */
@ApplicationScoped
public class Authenticator {

    static final Duration REMEMBER = Duration.ofMinutes(5);
    private static final int MAX_REMEMBERED = 10_000;
    /** Hashed when the username is unknown, so the answer takes as long as for a known one. */
    private static final SecretHasher.Hashed DECOY = SecretHasher.hash("decoy");
    private static final String ACCOUNT_QUERY = "select a from Account a join fetch a.person p"
            + " join fetch p.organisation left join fetch p.unit";

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    private record Remembered(Caller caller, Instant until) {
    }

    /**
     * The outcome of a password check: the caller when it succeeded; the account (id and organisation) the
     * username names, if any, for the audit log of a failure.
     */
    public record Check(Optional<Caller> caller, Long accountId, Long organisationId) {
    }

    public Optional<Caller> authenticate(String username, String password) {
        return check(username, password).caller();
    }

    public Check check(String username, String password) {
        String key = fingerprint(username, password);
        Remembered known = remembered.get(key);
        if (known != null && known.until().isAfter(Instant.now())) {
            Caller caller = known.caller();
            return new Check(Optional.of(caller), caller.accountId(), caller.organisationId());
        }
        List<Account> found = em.createQuery(ACCOUNT_QUERY + " where a.username = :username", Account.class)
                .setParameter("username", username)
                .getResultList();
        if (found.isEmpty()) {
            SecretHasher.matches(password, DECOY.salt(), DECOY.hash());
            return new Check(Optional.empty(), null, null);
        }
        Account account = found.get(0);
        Long organisation = account.person().organisation().id();
        if (!account.passwordMatches(password) || !account.active()) {
            return new Check(Optional.empty(), account.id(), organisation);
        }
        Caller caller = caller(account);
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(key, new Remembered(caller, Instant.now().plus(REMEMBER)));
        return new Check(Optional.of(caller), account.id(), organisation);
    }

    /** The caller of an active account, as it is now (roles, unit): for sessions and tokens. */
    public Optional<Caller> caller(long accountId) {
        return em.createQuery(ACCOUNT_QUERY + " where a.id = :id and a.active = true", Account.class)
                .setParameter("id", accountId)
                .getResultStream().findFirst().map(Authenticator::caller);
    }

    private static Caller caller(Account account) {
        Person person = account.person();
        return new Caller(account.id(), account.username(), person.id(), person.organisation().id(),
                person.unit().map(u -> u.id()).orElse(null), account.roles());
    }

    private static String fingerprint(String username, String password) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(username.getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
