package se.digikomp.lms.org.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import se.digikomp.lms.org.Organisation;
import se.digikomp.lms.security.Caller;
import se.digikomp.lms.security.Role;

/**
 * The platform administrator's view: every organisation of the installation, created and renamed here. A new
 * organisation can get its first administrator at once (a person with an account, ADMIN, and a set-password link).
 */
@ApplicationScoped
public class Organisations {

    /** The first administrator of a new organisation. */
    public record FirstAdministrator(String givenName, String familyName, String email) {
    }

    /** A created organisation and, if asked for, its first administrator's account. */
    public record Created(Organisation organisation, PeopleEditor.Created administrator) {
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    @Inject
    PeopleEditor people;

    @Inject
    RoleGrants roles;

    public List<Organisation> all() {
        return em.createQuery("select o from Organisation o order by o.name", Organisation.class).getResultList();
    }

    public Organisation find(long id) {
        return em.createQuery("select o from Organisation o where o.id = :id", Organisation.class)
                .setParameter("id", id).getResultStream().findFirst()
                .orElseThrow(() -> OrgRefusal.notFound("No organisation " + id + "."));
    }

    @Transactional
    public Created create(Caller platformAdministrator, String slug, String name, FirstAdministrator first,
                          String remoteAddress) {
        if (!em.createQuery("select o.id from Organisation o where o.slug = :slug", Long.class)
                .setParameter("slug", slug).getResultList().isEmpty()) {
            throw OrgRefusal.conflict("slug " + slug + " is already used by another organisation.");
        }
        Organisation organisation = new Organisation(slug, name);
        em.persist(organisation);
        em.flush();
        PeopleEditor.Created administrator = null;
        if (first != null) {
            administrator = people.create(organisation.id(), new PersonInput(null, first.givenName(),
                    first.familyName(), first.email(), null, null, null, null, true));
            Caller inNewOrganisation = new Caller(platformAdministrator.accountId(), platformAdministrator.username(),
                    platformAdministrator.personId(), organisation.id(), null, platformAdministrator.roles());
            roles.grant(inNewOrganisation, administrator.personId(), Role.ADMIN, remoteAddress);
        }
        return new Created(organisation, administrator);
    }

    @Transactional
    public Organisation rename(long id, String name) {
        Organisation organisation = find(id);
        organisation.rename(name);
        return organisation;
    }
}
