package se.digikomp.lms.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalTargetTest {

    @Test
    void aPathOnThisServerIsKept() {
        assertEquals(Optional.of("/profile"), LocalTarget.of("/profile"));
        assertEquals(Optional.of("/org/people?page=2&sort=name"), LocalTarget.of("/org/people?page=2&sort=name"));
    }

    @Test
    void anythingThatCouldLeaveThisServerIsRefused() {
        for (String next : new String[] {"https://evil.example/", "//evil.example", "/\\evil.example",
                "\\\\evil.example", "evil.example", "javascript:alert(1)", "/ok\r\nSet-Cookie: x=1", "/a b", "",
                "/" + "a".repeat(LocalTarget.MAX_LENGTH)}) {
            assertTrue(LocalTarget.of(next).isEmpty(), next);
        }
        assertTrue(LocalTarget.of(null).isEmpty());
    }

    @Test
    void signingInAgainOrOutIsNotATarget() {
        assertEquals(Optional.of("/"), LocalTarget.of("/login?next=%2Fprofile"));
        assertEquals(Optional.of("/"), LocalTarget.of("/logout"));
    }
}
