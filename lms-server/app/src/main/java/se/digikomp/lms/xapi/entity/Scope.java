package se.digikomp.lms.xapi.entity;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** The scopes an LRS client may hold (xAPI 1.0.3 Communication 4.2, 2.0 4.1.5.3 "OAuth Authorization Scope"). */
public enum Scope {
    STATEMENTS_WRITE("statements/write"),
    STATEMENTS_READ("statements/read"),
    STATEMENTS_READ_MINE("statements/read/mine"),
    STATE("state"),
    PROFILE("profile"),
    ALL_READ("all/read"),
    ALL("all");

    private final String wire;

    Scope(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<Scope> fromWire(String s) {
        for (Scope scope : values()) {
            if (scope.wire.equals(s)) {
                return Optional.of(scope);
            }
        }
        return Optional.empty();
    }

    /** Parses a space-separated scope list; unknown scopes are rejected with the offending word. */
    public static Set<Scope> parseList(String list) {
        Set<Scope> scopes = EnumSet.noneOf(Scope.class);
        for (String word : list.trim().split("\\s+")) {
            if (word.isEmpty()) {
                continue;
            }
            scopes.add(fromWire(word).orElseThrow(() -> new IllegalArgumentException("unknown scope '" + word + "'")));
        }
        return scopes;
    }
}
