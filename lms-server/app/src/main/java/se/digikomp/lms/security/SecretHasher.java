package se.digikomp.lms.security;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * The one way secrets are stored: account passwords and LRS client secrets alike.
 * {@code hash = Base64(PBKDF2WithHmacSHA256(secret, Base64-decoded salt, 210000 iterations, 256 bits))},
 * {@code salt = Base64(16 random bytes)}. Deliberately slow (about a tenth of a second): callers that verify
 * on every request keep a cache of recent successful verifications.
 */
public final class SecretHasher {

    public static final int ITERATIONS = 210_000;
    public static final int KEY_BITS = 256;
    public static final int SALT_BYTES = 16;
    private static final String ALGORITHM = "PBKDF2WithHmacSHA256";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A salt and the hash of a secret under it, both Base64. */
    public record Hashed(String salt, String hash) {
    }

    private SecretHasher() {
    }

    public static Hashed hash(String secret) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        String saltText = Base64.getEncoder().encodeToString(salt);
        return new Hashed(saltText, hash(secret, saltText));
    }

    public static String hash(String secret, String base64Salt) {
        byte[] salt = Base64.getDecoder().decode(base64Salt);
        PBEKeySpec spec = new PBEKeySpec(secret.toCharArray(), salt, ITERATIONS, KEY_BITS);
        try {
            byte[] key = SecretKeyFactory.getInstance(ALGORITHM).generateSecret(spec).getEncoded();
            return Base64.getEncoder().encodeToString(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is part of every Java 17 runtime", e);
        } finally {
            spec.clearPassword();
        }
    }

    /** Constant-time comparison of the secret's hash with the stored one. */
    public static boolean matches(String secret, String base64Salt, String base64Hash) {
        byte[] expected = Base64.getDecoder().decode(base64Hash);
        byte[] actual = Base64.getDecoder().decode(hash(secret, base64Salt));
        return MessageDigest.isEqual(expected, actual);
    }
}
