package se.digikomp.lms.org.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.inject.Inject;
import se.digikomp.lms.org.Organisation;
import se.digikomp.lms.org.Person;
import se.digikomp.lms.org.Unit;
import se.digikomp.lms.platform.Database;

/**
 * An administrator's changes to the people of their organisation: create (with an account and a set-password
 * token), edit, deactivate (the account stops signing in) and reactivate. The unit and the manager must be of the
 * same organisation; a manager chain may not come back to the person.
 */
@ApplicationScoped
public class PeopleEditor {

    /** A created person, their account's username and the set-password page path (shown once). */
    public record Created(long personId, String username, String setPasswordPath) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    @Inject
    @ConfigProperty(name = "lms.org.set-password-valid-days", defaultValue = "14")
    int setPasswordValidDays;

    @Transactional
    public Created create(long organisationId, PersonInput input) {
        check(organisationId, null, input);
        Organisation organisation = em.createQuery("select o from Organisation o where o.id = :id", Organisation.class)
                .setParameter("id", organisationId).getSingleResult();
        Person person = new Person(organisation, null, input.givenName(), input.familyName(), input.email());
        apply(organisationId, person, input);
        em.persist(person);
        em.flush();
        try (Connection db = dataSource.getConnection()) {
            Map<Long, String> people = new HashMap<>();
            people.put(person.id(), input.employeeNumber());
            NewAccounts.Created account = NewAccounts.create(db, organisation.slug(), people,
                    Duration.ofDays(setPasswordValidDays)).get(0);
            return new Created(person.id(), account.username(), PasswordTokens.pagePath(account.token()));
        } catch (SQLException e) {
            throw new IllegalStateException("creating an account failed: " + e.getMessage(), e);
        }
    }

    @Transactional
    public void edit(long organisationId, long personId, PersonInput input) {
        Person person = find(organisationId, personId);
        check(organisationId, personId, input);
        boolean wasActive = person.active();
        apply(organisationId, person, input);
        em.flush();
        if (wasActive != input.active()) {
            try (Connection db = dataSource.getConnection();
                 PreparedStatement account = db.prepareStatement("UPDATE account SET active = ? WHERE person_id = ?")) {
                account.setBoolean(1, input.active());
                account.setLong(2, personId);
                account.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("changing the account failed: " + e.getMessage(), e);
            }
        }
    }

    public Person find(long organisationId, long personId) {
        return em.createQuery("select p from Person p where p.id = :id and p.organisation.id = :organisation",
                        Person.class)
                .setParameter("id", personId).setParameter("organisation", organisationId)
                .getResultStream().findFirst()
                .orElseThrow(() -> OrgRefusal.notFound("No person " + personId + " in your organisation."));
    }

    private void apply(long organisationId, Person person, PersonInput input) {
        Unit unit = input.unitId() == null ? null : em.createQuery("select u from Unit u where u.id = :id"
                        + " and u.organisation.id = :organisation", Unit.class)
                .setParameter("id", input.unitId()).setParameter("organisation", organisationId)
                .getResultStream().findFirst()
                .orElseThrow(() -> OrgRefusal.invalid("unitId " + input.unitId() + " is not a unit of your organisation."));
        Person manager = input.managerId() == null ? null : em.createQuery("select p from Person p where p.id = :id"
                        + " and p.organisation.id = :organisation", Person.class)
                .setParameter("id", input.managerId()).setParameter("organisation", organisationId)
                .getResultStream().findFirst()
                .orElseThrow(() -> OrgRefusal.invalid("managerId " + input.managerId()
                        + " is not a person of your organisation."));
        person.edit(input.employeeNumber(), input.givenName(), input.familyName(), input.email(), unit,
                input.positionTitle(), manager, input.employmentStart(), input.active());
    }

    private void check(long organisationId, Long personId, PersonInput input) {
        if (input.employeeNumber() != null && em.createQuery("select p.id from Person p where"
                        + " p.organisation.id = :organisation and p.externalId = :number", Long.class)
                .setParameter("organisation", organisationId).setParameter("number", input.employeeNumber())
                .getResultStream().anyMatch(other -> !other.equals(personId))) {
            throw OrgRefusal.conflict("employee number " + input.employeeNumber()
                    + " belongs to another person of your organisation.");
        }
        if (input.email() != null && em.createQuery("select p.id from Person p where"
                        + " p.organisation.id = :organisation and p.email = :email", Long.class)
                .setParameter("organisation", organisationId).setParameter("email", input.email())
                .getResultStream().anyMatch(other -> !other.equals(personId))) {
            throw OrgRefusal.conflict("the e-mail address belongs to another person of your organisation.");
        }
        if (input.managerId() != null && personId != null) {
            Set<Long> seen = new HashSet<>();
            Long current = input.managerId();
            while (current != null && seen.add(current)) {
                if (current.equals(personId)) {
                    throw OrgRefusal.invalid("managerId " + input.managerId() + " would make a manager cycle"
                            + " (the person would be their own manager's manager).");
                }
                current = em.createQuery("select p.manager.id from Person p where p.id = :id"
                                + " and p.organisation.id = :organisation", Long.class)
                        .setParameter("id", current).setParameter("organisation", organisationId)
                        .getResultStream().findFirst().orElse(null);
            }
        }
    }
}
