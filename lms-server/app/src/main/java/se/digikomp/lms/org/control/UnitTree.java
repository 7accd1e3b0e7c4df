package se.digikomp.lms.org.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;
import se.digikomp.lms.org.Organisation;
import se.digikomp.lms.org.Unit;

/**
 * The unit tree of one organisation: create, rename, move (never under itself or its own descendants). Every
 * query names the organisation; a unit of another organisation is "not found".
 */
@ApplicationScoped
public class UnitTree {

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    public List<Unit> all(long organisationId) {
        return em.createQuery("select u from Unit u left join fetch u.parent where u.organisation.id = :organisation"
                + " order by u.path", Unit.class).setParameter("organisation", organisationId).getResultList();
    }

    public Unit find(long organisationId, long id) {
        return em.createQuery("select u from Unit u left join fetch u.parent where u.id = :id"
                        + " and u.organisation.id = :organisation", Unit.class)
                .setParameter("id", id).setParameter("organisation", organisationId)
                .getResultStream().findFirst()
                .orElseThrow(() -> OrgRefusal.notFound("No unit " + id + " in your organisation."));
    }

    @Transactional
    public Unit create(long organisationId, String name, Long parentId, String code) {
        Unit parent = parentId == null ? null : parent(organisationId, parentId);
        requireFreeCode(organisationId, code, null);
        Unit unit = new Unit(em.getReference(Organisation.class, organisationId), parent, code, name);
        em.persist(unit);
        em.flush();
        unit.placeUnderParent();
        return unit;
    }

    @Transactional
    public Unit rename(long organisationId, long id, String name, String code) {
        Unit unit = find(organisationId, id);
        requireFreeCode(organisationId, code, id);
        unit.rename(name, code);
        return unit;
    }

    /** Moves a unit with everything under it; {@code parentId} null makes it a top-level unit. */
    @Transactional
    public Unit move(long organisationId, long id, Long parentId) {
        Unit unit = find(organisationId, id);
        Unit parent = parentId == null ? null : parent(organisationId, parentId);
        if (unit.path().isEmpty() || (parent != null && parent.path().isEmpty())) {
            throw OrgRefusal.conflict("Unit " + id + " or its new parent has no place in the tree (written without"
                    + " the application); recreate it.");
        }
        if (parent != null && parent.path().startsWith(unit.path())) {
            throw OrgRefusal.invalid("Unit " + parentId + (parentId == id ? " is the unit itself" : " lies under unit "
                    + id) + ": a unit cannot be moved under itself (that would make a cycle).");
        }
        String oldPath = unit.path();
        String newPath = (parent == null ? "/" : parent.path()) + unit.id() + "/";
        em.createNativeQuery("UPDATE unit SET parent_id = ? WHERE id = ? AND organisation_id = ?")
                .setParameter(1, parentId).setParameter(2, id).setParameter(3, organisationId).executeUpdate();
        em.createNativeQuery("UPDATE unit SET path = CONCAT(?, SUBSTRING(path, ?)) WHERE organisation_id = ?"
                        + " AND path LIKE ?")
                .setParameter(1, newPath).setParameter(2, oldPath.length() + 1).setParameter(3, organisationId)
                .setParameter(4, oldPath + "%").executeUpdate();
        em.flush();
        em.clear();
        em.getEntityManagerFactory().getCache().evict(Unit.class);
        return find(organisationId, id);
    }

    private Unit parent(long organisationId, long parentId) {
        return em.createQuery("select u from Unit u where u.id = :id and u.organisation.id = :organisation", Unit.class)
                .setParameter("id", parentId).setParameter("organisation", organisationId)
                .getResultStream().findFirst()
                .orElseThrow(() -> OrgRefusal.invalid("parentId " + parentId + " is not a unit of your organisation."));
    }

    private void requireFreeCode(long organisationId, String code, Long except) {
        if (code != null && em.createQuery("select u.id from Unit u where u.organisation.id = :organisation"
                        + " and u.code = :code", Long.class)
                .setParameter("organisation", organisationId).setParameter("code", code)
                .getResultStream().anyMatch(other -> !other.equals(except))) {
            throw OrgRefusal.conflict("code " + code + " is already used by another unit.");
        }
    }
}
