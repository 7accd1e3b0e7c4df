package se.digikomp.lms.xapi.entity;

import java.util.Set;

/** An authenticated LRS client: whose organisation it acts for and what it may do. */
public record LrsClient(long id, long organisationId, String key, String label, Set<Scope> scopes) {

    public boolean mayWriteStatements() {
        return scopes.contains(Scope.ALL) || scopes.contains(Scope.STATEMENTS_WRITE);
    }

    public boolean mayReadAllStatements() {
        return scopes.contains(Scope.ALL) || scopes.contains(Scope.ALL_READ) || scopes.contains(Scope.STATEMENTS_READ);
    }

    public boolean mayReadOwnStatements() {
        return mayReadAllStatements() || scopes.contains(Scope.STATEMENTS_READ_MINE);
    }

    public boolean mayUseState(boolean write) {
        return scopes.contains(Scope.ALL) || scopes.contains(Scope.STATE) || (!write && scopes.contains(Scope.ALL_READ));
    }

    public boolean mayUseProfiles(boolean write) {
        return scopes.contains(Scope.ALL) || scopes.contains(Scope.PROFILE)
                || (!write && scopes.contains(Scope.ALL_READ));
    }

    /**
     * The Activities Resource answers the canonical definition, merged from every statement of the organisation
     * (1.0.3 Communication 2.5), so it reveals what other clients' statements said: only a credential that may read
     * any statement may read it (1.0.3 Communication 4.2: statements/read, all/read, all). statements/read/mine
     * reads only what its own credential stored.
     */
    public boolean mayReadDefinitions() {
        return mayReadAllStatements();
    }

    public boolean mayRead() {
        return !scopes.isEmpty();
    }
}
