package se.digikomp.lms.web.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Names of the organisations this installation serves, for the start page and the header. */
@ApplicationScoped
public class OrganisationNames {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    public List<String> all() {
        return em.createQuery("select o.name from Organisation o order by o.name", String.class).getResultList();
    }

    public Optional<String> of(long organisationId) {
        return em.createQuery("select o.name from Organisation o where o.id = :id", String.class)
                .setParameter("id", organisationId).getResultStream().findFirst();
    }
}
