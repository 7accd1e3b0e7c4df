package se.digikomp.lms.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import se.digikomp.lms.org.Organisation;
import se.digikomp.lms.org.Person;
import se.digikomp.lms.org.Unit;
import se.digikomp.lms.security.Account;
import se.digikomp.lms.security.Role;

/** The demo organisation's contents. All people are fictional; e-mail addresses use the reserved .example TLD. */
@ApplicationScoped
public class DemoOrganisation {

    public static final String SLUG = "demo";
    public static final String NAME = "Demokommunen";

    /** A demo unit: code, name, parent code (null at the top). */
    record DemoUnit(String code, String name, String parent) {
    }

    /** A demo account with its fictional person, unit code and public demo password. */
    record DemoAccount(String username, String password, Role role, String givenName, String familyName,
                       String unit) {
    }

    static final List<DemoUnit> UNITS = List.of(
            new DemoUnit("KSF", "Kommunstyrelseförvaltningen", null),
            new DemoUnit("KSF-HR", "HR-avdelningen", "KSF"),
            new DemoUnit("KSF-IT", "IT-avdelningen", "KSF"),
            new DemoUnit("SOC", "Socialförvaltningen", null),
            new DemoUnit("SOC-HTN", "Hemtjänsten Norr", "SOC"),
            new DemoUnit("UTB", "Utbildningsförvaltningen", null));

    static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("learner", "demo-learner", Role.LEARNER, "Alva", "Andersson", "SOC-HTN"),
            new DemoAccount("manager", "demo-manager", Role.MANAGER, "Maja", "Månsson", "SOC-HTN"),
            new DemoAccount("hr", "demo-hr", Role.HR, "Hugo", "Holm", "KSF-HR"),
            new DemoAccount("author", "demo-author", Role.AUTHOR, "Ebba", "Ek", "KSF-IT"),
            new DemoAccount("admin", "demo-admin", Role.ADMIN, "Adam", "Alm", "KSF-IT"));

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    /** @return true when the database had no organisation and the demo one was created */
    @Transactional
    public boolean createIfDatabaseEmpty() {
        long organisations = em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
        if (organisations > 0) {
            return false;
        }
        Organisation organisation = new Organisation(SLUG, NAME);
        em.persist(organisation);
        Map<String, Unit> units = new HashMap<>();
        for (DemoUnit demo : UNITS) {
            Unit unit = new Unit(organisation, demo.parent() == null ? null : units.get(demo.parent()), demo.code(),
                    demo.name());
            em.persist(unit);
            units.put(demo.code(), unit);
        }
        for (DemoAccount demo : ACCOUNTS) {
            Person person = new Person(organisation, units.get(demo.unit()), demo.givenName(), demo.familyName(),
                    demo.username() + "@demokommunen.example");
            em.persist(person);
            em.persist(new Account(person, demo.username(), demo.password(), Set.of(demo.role())));
        }
        return true;
    }
}
