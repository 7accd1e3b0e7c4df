package se.digikomp.lms.security;

import java.security.Principal;
import java.util.Optional;
import java.util.Set;

/**
 * The authenticated account behind a request, with the organisation it belongs to. Every query for
 * organisation data is bounded by {@link #organisationId()} (tenancy).
 */
public record Caller(long accountId, String username, long personId, long organisationId, Long unitId,
                     Set<Role> roles) implements Principal {

    public Caller {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return username;
    }

    public Optional<Long> unit() {
        return Optional.ofNullable(unitId);
    }

    public boolean has(Role role) {
        return roles.contains(role);
    }
}
