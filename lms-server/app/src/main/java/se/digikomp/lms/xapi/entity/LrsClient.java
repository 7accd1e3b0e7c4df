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

    public boolean mayRead() {
        return !scopes.isEmpty();
    }
}
