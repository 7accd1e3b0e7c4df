package se.digikomp.lms.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import se.digikomp.lms.org.Organisation;
import se.digikomp.lms.org.Person;
import se.digikomp.lms.org.Unit;
import se.digikomp.lms.security.Account;
import se.digikomp.lms.security.Role;

/**
 * The demo organisations' contents: Demokommunen (one account per role, and the platform administrator) and
 * Exempelregionen (its own units, HR, administrator and a learner), so that every installation shows that
 * organisations are apart. All people are fictional; e-mail addresses use the reserved .example TLD.
 */
@ApplicationScoped
public class DemoOrganisation {

    public static final String SLUG = "demo";
    public static final String NAME = "Demokommunen";
    public static final String SECOND_SLUG = "exempelregionen";
    public static final String SECOND_NAME = "Exempelregionen";

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
            new DemoAccount("admin", "demo-admin", Role.ADMIN, "Adam", "Alm", "KSF-IT"),
            new DemoAccount("platform", "demo-platform", Role.PLATFORM_ADMIN, "Petra", "Plattform", "KSF-IT"));

    static final List<DemoUnit> SECOND_UNITS = List.of(
            new DemoUnit("RS", "Regionstyrelsens förvaltning", null),
            new DemoUnit("RS-HR", "HR-staben", "RS"),
            new DemoUnit("HSN", "Hälso- och sjukvården", null),
            new DemoUnit("HSN-VC", "Vårdcentralen Väster", "HSN"));

    static final List<DemoAccount> SECOND_ACCOUNTS = List.of(
            new DemoAccount("region-learner", "demo-region-learner", Role.LEARNER, "Linnea", "Lund", "HSN-VC"),
            new DemoAccount("region-hr", "demo-region-hr", Role.HR, "Henrik", "Hedlund", "RS-HR"),
            new DemoAccount("region-admin", "demo-region-admin", Role.ADMIN, "Astrid", "Ahlgren", "RS"));

    /** Every demo account, both organisations. */
    static List<DemoAccount> allAccounts() {
        return Stream.concat(ACCOUNTS.stream(), SECOND_ACCOUNTS.stream()).toList();
    }

    @PersistenceContext(unitName = "lms")
    EntityManager em;

    /** @return true when the database had no organisation and the demo ones were created */
    @Transactional
    public boolean createIfDatabaseEmpty() {
        long organisations = em.createQuery("select count(o) from Organisation o", Long.class).getSingleResult();
        if (organisations > 0) {
            return false;
        }
        create(SLUG, NAME, "demokommunen.example", UNITS, ACCOUNTS);
        create(SECOND_SLUG, SECOND_NAME, "exempelregionen.example", SECOND_UNITS, SECOND_ACCOUNTS);
        return true;
    }

    private void create(String slug, String name, String domain, List<DemoUnit> demoUnits,
                        List<DemoAccount> demoAccounts) {
        Organisation organisation = new Organisation(slug, name);
        em.persist(organisation);
        Map<String, Unit> units = new HashMap<>();
        for (DemoUnit demo : demoUnits) {
            Unit unit = new Unit(organisation, demo.parent() == null ? null : units.get(demo.parent()), demo.code(),
                    demo.name());
            em.persist(unit);
            em.flush();
            unit.placeUnderParent();
            units.put(demo.code(), unit);
        }
        for (DemoAccount demo : demoAccounts) {
            Person person = new Person(organisation, units.get(demo.unit()), demo.givenName(), demo.familyName(),
                    demo.username() + "@" + domain);
            em.persist(person);
            Account account = new Account(person, demo.username(), demo.password(), Set.of(demo.role()));
            em.persist(account);
            if (demo.role() == Role.MANAGER) {
                em.flush();
                em.createNativeQuery("INSERT INTO account_managed_unit (account_id, unit_id) VALUES (?, ?)")
                        .setParameter(1, account.id()).setParameter(2, units.get(demo.unit()).id()).executeUpdate();
            }
        }
    }
}
