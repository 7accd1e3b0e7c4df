package se.digikomp.lms.security;

import java.util.Optional;

/**
 * Where to go after signing in: only a path on this server ({@code /profile?tab=tokens}), never another host,
 * so a crafted sign-in link cannot send a person elsewhere (no open redirect).
 */
public final class LocalTarget {

    static final int MAX_LENGTH = 2000;

    private LocalTarget() {
    }

    public static Optional<String> of(String next) {
        if (next == null || next.isEmpty() || next.length() > MAX_LENGTH || next.charAt(0) != '/') {
            return Optional.empty();
        }
        if (next.startsWith("//") || next.startsWith("/\\")) {
            return Optional.empty();
        }
        for (int i = 0; i < next.length(); i++) {
            char c = next.charAt(i);
            if (c < 0x21 || c == 0x7f || c == '\\') {
                return Optional.empty();
            }
        }
        if (next.startsWith("/login") || next.startsWith("/logout")) {
            return Optional.of("/");
        }
        return Optional.of(next);
    }
}
