package se.digikomp.lms.org.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import se.digikomp.lms.platform.Database;
import se.digikomp.lms.security.AuditAction;
import se.digikomp.lms.security.AuditEvent;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.Role;

/**
 * Who holds which role in an organisation, and which units a manager manages. Every grant and revocation is
 * audited (ROLE_GRANTED / ROLE_REVOKED, the role and unit id as detail). Rules: every account is a LEARNER (not
 * revocable); PLATFORM_ADMIN is granted and revoked only by a platform administrator; the last active
 * administrator of an organisation keeps ADMIN. Changes reach a signed-in account within the authenticator's
 * cache time (5 minutes).
 */
@ApplicationScoped
public class RoleGrants {

    /** A person's account, roles and managed units. */
    public record Grants(long personId, long accountId, String username, List<Role> roles, List<Long> managedUnitIds) {
    }

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    Event<AuditEvent> audit;

    public Grants of(long organisationId, long personId) {
        try (Connection db = dataSource.getConnection()) {
            long[] account = account(db, organisationId, personId);
            return grants(db, personId, account[0]);
        } catch (SQLException e) {
            throw new IllegalStateException("reading roles failed: " + e.getMessage(), e);
        }
    }

    @Transactional
    public Grants grant(Caller caller, long personId, Role role, String remoteAddress) {
        requireGrantable(caller, role);
        try (Connection db = dataSource.getConnection()) {
            long accountId = account(db, caller.organisationId(), personId)[0];
            if (!grants(db, personId, accountId).roles().contains(role)) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO account_role (account_id, role)"
                        + " VALUES (?, ?)")) {
                    insert.setLong(1, accountId);
                    insert.setString(2, role.name());
                    insert.executeUpdate();
                }
                fire(caller, AuditAction.ROLE_GRANTED, accountId, role.name(), remoteAddress);
            }
            return grants(db, personId, accountId);
        } catch (SQLException e) {
            throw new IllegalStateException("granting a role failed: " + e.getMessage(), e);
        }
    }

    @Transactional
    public Grants revoke(Caller caller, long personId, Role role, String remoteAddress) {
        requireGrantable(caller, role);
        if (role == Role.LEARNER) {
            throw OrgRefusal.invalid("Every account is a LEARNER; deactivate the person instead.");
        }
        try (Connection db = dataSource.getConnection()) {
            long accountId = account(db, caller.organisationId(), personId)[0];
            if (role == Role.ADMIN && lastAdministrator(db, caller.organisationId(), accountId)) {
                throw OrgRefusal.conflict("This is the organisation's last active administrator; grant ADMIN to"
                        + " someone else first.");
            }
            int removed;
            try (PreparedStatement delete = db.prepareStatement("DELETE FROM account_role WHERE account_id = ?"
                    + " AND role = ?")) {
                delete.setLong(1, accountId);
                delete.setString(2, role.name());
                removed = delete.executeUpdate();
            }
            if (removed > 0) {
                fire(caller, AuditAction.ROLE_REVOKED, accountId, role.name(), remoteAddress);
            }
            return grants(db, personId, accountId);
        } catch (SQLException e) {
            throw new IllegalStateException("revoking a role failed: " + e.getMessage(), e);
        }
    }

    /** Adds ({@code manage}) or removes a unit the person manages; the unit must be of the same organisation. */
    @Transactional
    public Grants managedUnit(Caller caller, long personId, long unitId, boolean manage, String remoteAddress) {
        try (Connection db = dataSource.getConnection()) {
            long accountId = account(db, caller.organisationId(), personId)[0];
            try (PreparedStatement unit = db.prepareStatement("SELECT id FROM unit WHERE id = ? AND organisation_id = ?")) {
                unit.setLong(1, unitId);
                unit.setLong(2, caller.organisationId());
                try (ResultSet row = unit.executeQuery()) {
                    if (!row.next()) {
                        throw OrgRefusal.notFound("No unit " + unitId + " in your organisation.");
                    }
                }
            }
            Grants before = grants(db, personId, accountId);
            if (manage && !before.managedUnitIds().contains(unitId)) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO account_managed_unit (account_id,"
                        + " unit_id) VALUES (?, ?)")) {
                    insert.setLong(1, accountId);
                    insert.setLong(2, unitId);
                    insert.executeUpdate();
                }
                fire(caller, AuditAction.ROLE_GRANTED, accountId, "MANAGER unit=" + unitId, remoteAddress);
            } else if (!manage && before.managedUnitIds().contains(unitId)) {
                try (PreparedStatement delete = db.prepareStatement("DELETE FROM account_managed_unit WHERE"
                        + " account_id = ? AND unit_id = ?")) {
                    delete.setLong(1, accountId);
                    delete.setLong(2, unitId);
                    delete.executeUpdate();
                }
                fire(caller, AuditAction.ROLE_REVOKED, accountId, "MANAGER unit=" + unitId, remoteAddress);
            }
            return grants(db, personId, accountId);
        } catch (SQLException e) {
            throw new IllegalStateException("changing managed units failed: " + e.getMessage(), e);
        }
    }

    private static void requireGrantable(Caller caller, Role role) {
        if (role == Role.PLATFORM_ADMIN && !caller.has(Role.PLATFORM_ADMIN)) {
            throw new OrgRefusal(OrgRefusal.Kind.INVALID, "Only a platform administrator grants or revokes"
                    + " PLATFORM_ADMIN.");
        }
    }

    private void fire(Caller caller, AuditAction action, long accountId, String detail, String remoteAddress) {
        audit.fire(new AuditEvent(caller.organisationId(), caller.accountId(), action, "account",
                Long.toString(accountId), remoteAddress, detail));
    }

    /** {accountId} of the person's account; not found when the person is not of the organisation. */
    private static long[] account(Connection db, long organisationId, long personId) throws SQLException {
        try (PreparedStatement select = db.prepareStatement("SELECT a.id FROM account a JOIN person p ON p.id = a.person_id"
                + " WHERE p.id = ? AND p.organisation_id = ?")) {
            select.setLong(1, personId);
            select.setLong(2, organisationId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    throw OrgRefusal.notFound("No person " + personId + " with an account in your organisation.");
                }
                return new long[] {row.getLong(1)};
            }
        }
    }

    private static boolean lastAdministrator(Connection db, long organisationId, long accountId) throws SQLException {
        try (PreparedStatement count = db.prepareStatement("SELECT COUNT(*) FROM account a JOIN account_role r"
                + " ON r.account_id = a.id AND r.role = 'ADMIN' JOIN person p ON p.id = a.person_id"
                + " WHERE p.organisation_id = ? AND a.active AND a.id <> ?")) {
            count.setLong(1, organisationId);
            count.setLong(2, accountId);
            try (ResultSet row = count.executeQuery()) {
                row.next();
                return row.getLong(1) == 0;
            }
        }
    }

    private static Grants grants(Connection db, long personId, long accountId) throws SQLException {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        String username;
        try (PreparedStatement select = db.prepareStatement("SELECT username FROM account WHERE id = ?")) {
            select.setLong(1, accountId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                username = row.getString(1);
            }
        }
        try (PreparedStatement select = db.prepareStatement("SELECT role FROM account_role WHERE account_id = ?")) {
            select.setLong(1, accountId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    roles.add(Role.valueOf(rows.getString(1)));
                }
            }
        }
        List<Long> units = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("SELECT unit_id FROM account_managed_unit WHERE"
                + " account_id = ? ORDER BY unit_id")) {
            select.setLong(1, accountId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    units.add(rows.getLong(1));
                }
            }
        }
        return new Grants(personId, accountId, username, List.copyOf(roles), List.copyOf(units));
    }
}
