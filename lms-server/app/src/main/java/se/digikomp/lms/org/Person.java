package se.digikomp.lms.org;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An employee of an organisation, placed in one unit. Names and e-mail are personal data: log the id only.
 */
@Entity
@Cacheable(false) // also written with JDBC (org's import, moves, grants): never serve a stale copy
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "organisation_id", nullable = false, updatable = false)
    private Organisation organisation;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Column(name = "external_id", length = 64)
    private String externalId;

    @Column(name = "given_name", nullable = false, length = 100)
    private String givenName;

    @Column(name = "family_name", nullable = false, length = 100)
    private String familyName;

    @Column(length = 254)
    private String email;

    @Column(name = "position_title", length = 200)
    private String positionTitle;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "manager_id")
    private Person manager;

    @Column(name = "employment_start")
    private LocalDate employmentStart;

    @Column(nullable = false)
    private boolean active = true;

    protected Person() {
    }

    public Person(Organisation organisation, Unit unit, String givenName, String familyName, String email) {
        this.organisation = organisation;
        this.unit = unit;
        this.givenName = givenName;
        this.familyName = familyName;
        this.email = email;
    }

    public Long id() {
        return id;
    }

    public Organisation organisation() {
        return organisation;
    }

    public Optional<Unit> unit() {
        return Optional.ofNullable(unit);
    }

    /** The employee number (anställningsnummer) of the HR system; stored as {@code external_id}. */
    public Optional<String> employeeNumber() {
        return Optional.ofNullable(externalId);
    }

    public Optional<String> externalId() {
        return Optional.ofNullable(externalId);
    }

    public String givenName() {
        return givenName;
    }

    public String familyName() {
        return familyName;
    }

    public Optional<String> email() {
        return Optional.ofNullable(email);
    }

    public Optional<String> positionTitle() {
        return Optional.ofNullable(positionTitle);
    }

    public Optional<Person> manager() {
        return Optional.ofNullable(manager);
    }

    public Optional<LocalDate> employmentStart() {
        return Optional.ofNullable(employmentStart);
    }

    public boolean active() {
        return active;
    }

    /** Replaces every editable field (the organisation never changes). */
    public void edit(String employeeNumber, String givenName, String familyName, String email, Unit unit,
                     String positionTitle, Person manager, LocalDate employmentStart, boolean active) {
        this.externalId = employeeNumber;
        this.givenName = givenName;
        this.familyName = familyName;
        this.email = email;
        this.unit = unit;
        this.positionTitle = positionTitle;
        this.manager = manager;
        this.employmentStart = employmentStart;
        this.active = active;
    }
}
