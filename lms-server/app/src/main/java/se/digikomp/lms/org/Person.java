package se.digikomp.lms.org;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.Optional;

/**
 * An employee of an organisation, placed in one unit. Names and e-mail are personal data: log the id only.
 */
@Entity
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
}
