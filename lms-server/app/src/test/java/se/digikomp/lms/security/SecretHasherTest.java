package se.digikomp.lms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretHasherTest {

    /** Salt 00 01 .. 0f; the expected hashes come from Python's hashlib.pbkdf2_hmac("sha256", ..., 210000, 32). */
    private static final String SALT = "AAECAwQFBgcICQoLDA0ODw==";

    @Test
    void hashIsBase64OfPbkdf2HmacSha256With210000IterationsAnd256Bits() {
        assertEquals("GEZcreCWwYW19gdliR/KP3RHfiP9m2/Ij694MakXU6w=",
                SecretHasher.hash("correct horse battery staple", SALT));
    }

    @Test
    void secretIsEncodedAsUtf8() {
        assertEquals("K4XFXVvYZ135KfUYOuHrxfEPUiWO6Tsp7i84GkEq4Vs=", SecretHasher.hash("lösenord", SALT));
    }

    @Test
    void saltIsSixteenRandomBytesAndDiffersEachTime() {
        SecretHasher.Hashed first = SecretHasher.hash("secret");
        SecretHasher.Hashed second = SecretHasher.hash("secret");
        assertEquals(16, Base64.getDecoder().decode(first.salt()).length);
        assertEquals(32, Base64.getDecoder().decode(first.hash()).length);
        assertNotEquals(first.salt(), second.salt());
        assertNotEquals(first.hash(), second.hash());
    }

    @Test
    void matchesOnlyTheSecretThatWasHashed() {
        SecretHasher.Hashed hashed = SecretHasher.hash("secret");
        assertTrue(SecretHasher.matches("secret", hashed.salt(), hashed.hash()));
        assertFalse(SecretHasher.matches("Secret", hashed.salt(), hashed.hash()));
        assertFalse(SecretHasher.matches("", hashed.salt(), hashed.hash()));
    }
}
