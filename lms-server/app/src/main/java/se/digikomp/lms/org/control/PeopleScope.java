package se.digikomp.lms.org.control;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.Role;

/**
 * Which people a caller may read, as a condition of the SQL query on {@code person p} (tenancy in the query,
 * never a filter after loading): administrators and HR their whole organisation, a manager (without either of
 * those roles) the people of the units they manage and everything under them (unit paths, see V16).
 *
 * @param sql        the condition, with {@code ?} for {@link #parameters()}
 * @param parameters its parameters, in order
 */
public record PeopleScope(String sql, List<Object> parameters) {

    /** Roles that read people at all. */
    public static final Role[] READERS = {Role.ADMIN, Role.HR, Role.MANAGER};

    public static PeopleScope of(Caller caller) {
        if (caller.has(Role.ADMIN) || caller.has(Role.HR)) {
            return new PeopleScope("p.organisation_id = ?", List.of(caller.organisationId()));
        }
        if (caller.has(Role.MANAGER)) {
            return new PeopleScope("p.organisation_id = ? AND EXISTS (SELECT 1 FROM account_managed_unit mu"
                    + " JOIN unit mun ON mun.id = mu.unit_id JOIN unit pu ON pu.id = p.unit_id"
                    + " WHERE mu.account_id = ? AND mun.organisation_id = p.organisation_id"
                    + " AND pu.path LIKE CONCAT(mun.path, '%'))",
                    List.of(caller.organisationId(), caller.accountId()));
        }
        return new PeopleScope("FALSE", List.of());
    }

    /** Binds the parameters from {@code first}; @return the next free parameter index */
    public int bind(PreparedStatement statement, int first) throws SQLException {
        int index = first;
        for (Object parameter : parameters) {
            statement.setObject(index++, parameter);
        }
        return index;
    }
}
